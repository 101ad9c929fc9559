import { isTestCode } from "../../src/project/test-case-classes.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { decoratorCallee } from "../../src/python/shapes.js";
import { chainFunction, nameOf, superResolution } from "./chains.js";
import { looksLikeQueryset } from "./proofs.js";
import { chainKey, projectPlan } from "./cross-calls.js";
import { isProjectFunction } from "./no-async-api.js";
import type { ChainFunction, OrmFile, Problem } from "./types.js";
import { wrapperKind } from "./wrappers.js";

// orm-review-5 Q9 (ops `GatewayConsumer._heartbeat`, canopy's test helpers): a decorated wrapper
// whose body does no ORM work of its own but calls project code the chains did not follow said
// "holds no Django ORM work", which that code may well do (`Presence.objects.filter().update()`).
// What was not followed, and why, is said instead.

/** A reason as the accounting gives one. */
interface Reason {
  code: "AS208";
  message: string;
}

/**
 * Why the wrapper decorating `def` is kept when it calls project code no chain followed: a
 * function of another module behind database_sync_to_async outside test code (P1), or a method
 * of an instance of a project class (chains follow plain functions, static and class methods).
 * Undefined when the project's chain plan decided on it, or it calls no such code.
 */
export function unfollowedCallsReason(
  f: OrmFile,
  def: SyntaxNode,
  decorator: SyntaxNode,
): Reason | undefined {
  if (projectPlan(f)?.wrappers[chainKey(f, def)]) return undefined;
  const callee = decoratorCallee(decorator);
  const name = def.childForFieldName("name")?.text ?? "";
  const kept = `@${callee?.text ?? "sync_to_async"} wrapper ${name}() kept`;
  const database = !!callee && wrapperKind(f, callee) === "database";
  const fn = chainFunction(f, def);
  const calls = [...fn.calls, ...fn.cross].map((c) => shortCall(c.call));
  if (calls.length > 0 && database && !isTestCode(f.file.path, def))
    return {
      code: "AS208",
      message: `${kept}: it calls ${listed(calls)}, project code whose ORM work is not looked into: outside test code the chain behind database_sync_to_async is not followed, since it also closes stale database connections around the call, which native async code does not; if no stale connection is at stake (a short-lived consumer), give it an async form by hand`,
    };
  const inherited = superCall(def);
  const resolution = inherited && superResolution(f, inherited.childForFieldName("function")!);
  if (inherited)
    return {
      code: "AS208",
      message: `${kept}: it calls ${shortCall(inherited)}, ${resolution && "why" in resolution ? `which the chain does not follow: ${resolution.why};` : "a method of a base class that chains do not follow:"} whether it does ORM work is not looked into; if it does, give the wrapper an async form by hand`,
    };
  const method = instanceMethodCall(f, def);
  if (method)
    return {
      code: "AS208",
      message: `${kept}: it calls ${shortCall(method)}, a method of an instance of the project's class ${method.childForFieldName("function")!.childForFieldName("object")!.childForFieldName("function")!.text}, whose ORM work is not looked into (chains follow plain functions, and static or class methods): if it does ORM work, give it an async form by hand`,
    };
  return undefined;
}

/** `super()._items_count(queryset)`: a base class's method (orm-human-5 H3, django-ninja). */
function superCall(def: SyntaxNode): SyntaxNode | undefined {
  return def
    .childForFieldName("body")
    ?.descendantsOfType("call")
    .find((call) => {
      const callee = call.childForFieldName("function");
      const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
      return receiver?.type === "call" && receiver.childForFieldName("function")?.text === "super";
    });
}

/** `PresenceService().heartbeat(...)`: a method called on a new instance of a project class. */
function instanceMethodCall(f: OrmFile, def: SyntaxNode): SyntaxNode | undefined {
  const body = def.childForFieldName("body");
  return body?.descendantsOfType("call").find((call) => {
    const callee = call.childForFieldName("function");
    const made = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
    const cls = made?.type === "call" ? made.childForFieldName("function") : null;
    return cls?.type === "identifier" && /^[A-Z]/.test(cls.text) && isProjectFunction(f, cls);
  });
}

function shortCall(call: SyntaxNode): string {
  const callee = call.childForFieldName("function")?.text.replace(/\s+/g, "") ?? "";
  return `${callee.length > 50 ? `${callee.slice(0, 47)}...` : callee}()`;
}

function listed(names: string[]): string {
  const unique = [...new Set(names)];
  return unique.length > 3 ? `${unique.slice(0, 3).join(", ")}, ...` : unique.join(", ");
}

/**
 * orm-human-6 G5 (django-cfg's `aget_service_statistics` forwarding to
 * `get_service_statistics`): ORM work the scan of `def` stopped at before finding any it converts
 * (`Log.objects.filter(...).recent(h)` before `.aggregate(...)`, or a method of Django's queryset
 * API on a receiver not proven one) is no absence of ORM work: the wrapper running it is kept for
 * that blocker, which is said.
 */
export function stoppedOrmWork(
  fn: ChainFunction,
  def: SyntaxNode,
  written: string,
): { code: Problem["code"]; message: string } | undefined {
  // AS201: ORM work on a receiver not proven (`user.suchary.order_by(...)`, orm-review-5 Q1c).
  const stopped = fn.problems.find((p) => p.code === "AS201" || ormRooted(p.node));
  if (!stopped) return undefined;
  const line = (n: SyntaxNode) => n.startPosition.row + 1;
  return {
    code: stopped.code,
    message: `${written} kept: it runs ${nameOf(def)}() (line ${line(def)}), which does ORM work: line ${line(stopped.node)}: ${stopped.message}`,
  };
}

/** A call on a chain rooted at a model's manager (`Log.objects.filter(...).recent(h)`). */
function ormRooted(node: SyntaxNode): boolean {
  for (let n: SyntaxNode | null = node; n;) {
    if (n.type === "attribute" && looksLikeQueryset(n)) return true;
    if (n.type === "call") n = n.childForFieldName("function");
    else if (n.type === "attribute") n = n.childForFieldName("object");
    else return false;
  }
  return false;
}
