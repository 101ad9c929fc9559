import { methodResolutionOrder, ownMethod, resolveMethod } from "../../src/python/mro.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { chainFunction, reachesOrmWork, subclassOverride } from "./chains.js";
import { selfClass } from "./cross-calls.js";
import { lineOf } from "./state.js";
import type { OrmFile } from "./types.js";

// `self.get_user_by_id()` where the class lists a library base first and a mixin of this file
// defining the method after it (orm-review-3 N15): which def runs is out of sight, so the chain
// does not follow it; the wrapper's reason says that, and that the mixin's def does ORM work,
// rather than "no ORM work".

/**
 * Why a wrapper's body reaching `self.<name>()` is kept, when a class out of sight comes before
 * the def of this file with that name in the method resolution order and that def does ORM work.
 */
export function hiddenSelfMethod(f: OrmFile, body: SyntaxNode): string | undefined {
  for (const call of body.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    const name =
      callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
    const cls = name ? selfClass(f, callee!) : undefined;
    if (!name || !cls) continue;
    const order = methodResolutionOrder(cls) ?? [];
    const at = order.findIndex((c) => c.kind === "local" && ownMethod(c.node, name));
    const hidden = order.slice(0, Math.max(at, 0)).find((c) => c.kind !== "local");
    const owner = order[at];
    if (!hidden || owner?.kind !== "local") continue;
    const def = ownMethod(owner.node, name)!;
    const fn = chainFunction(f, def);
    if (fn.findings.ormSites === 0 && !reachesOrmWork(f, fn.calls)) continue;
    const ownerName = owner.node.childForFieldName("name")?.text ?? "";
    const base =
      hidden.kind === "imported" ? `${hidden.name} (${hidden.binding.qualified})` : hidden.text;
    return `line ${lineOf(call)}: ${callee!.text}() is looked up in ${base} first, a class whose body this transform cannot see, so it does not know that ${ownerName}.${name}() (line ${lineOf(def)}) is the one that runs; that one does ORM work: if it is, give it and this wrapper an async form by hand`;
  }
  return undefined;
}

/**
 * `sync_to_async(self.update)` where `update` is a method of this file's class that a subclass of
 * the project overrides (orm-review-3 N7d): which one runs is not known here, and `self` is no
 * model instance to annotate.
 */
export function overriddenSelfMethod(f: OrmFile, target: SyntaxNode): string | undefined {
  const name = target.childForFieldName("attribute")?.text;
  const cls = target.type === "attribute" && name ? selfClass(f, target) : undefined;
  const found = cls && resolveMethod(cls, name!);
  if (found?.kind !== "local") return undefined;
  const override = subclassOverride(f, found.cls, name!);
  if (!override) return undefined;
  const owner = found.cls.childForFieldName("name")?.text ?? "";
  const def = ownMethod(found.cls, name!);
  const at = def ? ` (line ${lineOf(def)})` : "";
  return `${target.text}() may run ${override.className}.${name}() (${override.path}:${override.line}), an override in a subclass of ${owner}, rather than ${owner}.${name}()${at}: not followed, and it may touch the database`;
}
