import { isAsyncFunction, needsParenthesesForAwait } from "../../src/python/shapes.js";
import type { Edit, Fix, SyntaxNode } from "../../src/model/types.js";
import { declaredTwin, type FileScan } from "./proofs.js";
import { replacedCall, type SiteResults } from "./results.js";
import { dottedParts } from "../../src/python/calls.js";
import { leftmostIdentifier } from "./sites.js";
import { twinFor } from "./twins.js";

/*
 * A declared twin replaces direct sync calls too: inside `async def`,
 * `status = redis_manager.get_task_status(cid)` becomes
 * `status = await async_redis_manager.get_task_status(cid)`. Sync functions keep the sync client.
 */

/** Scopes where an `await` would change what the code means, or is not allowed. */
const NO_AWAIT = new Set([
  "lambda",
  "generator_expression",
  "list_comprehension",
  "set_comprehension",
  "dictionary_comprehension",
]);

/** The first names of the declared patterns (`redis_manager`), `*` standing for any name. */
export function twinRoots(twins: Record<string, string>): Set<string> {
  return new Set(Object.keys(twins).map((p) => p.split(".")[0]));
}

/** Calls, not awaited, whose callee matches a declared twin pattern. */
export function twinCalls(scan: FileScan): SyntaxNode[] {
  if (Object.keys(scan.twins).length === 0) return [];
  return scan.file.root.descendantsOfType("call").filter((call) => {
    const callee = call.childForFieldName("function");
    const parts = callee ? dottedParts(callee) : undefined;
    return (
      call.parent?.type !== "await" &&
      call.childForFieldName("arguments")?.type === "argument_list" &&
      parts !== undefined &&
      twinFor(parts, scan.twins) !== undefined
    );
  });
}

/**
 * Where an `await` may go before the call: in the body of an `async def` (not a parameter
 * default or decorator), outside any lambda, generator or comprehension; undefined otherwise.
 */
function asyncBodyOf(call: SyntaxNode): SyntaxNode | undefined {
  for (let n = call.parent; n; n = n.parent) {
    if (NO_AWAIT.has(n.type)) return undefined;
    // A class body (where `await` is a syntax error) or a def of its own.
    if (n.type === "function_definition" || n.type === "class_definition") return undefined;
    if (n.type === "block" && n.parent?.type === "function_definition")
      return isAsyncFunction(n.parent) ? n.parent : undefined;
  }
  return undefined;
}

/** The edits of the rewrite: the callee replaced, `await` before the call (in parentheses if needed). */
function twinEdits(call: SyntaxNode, callee: SyntaxNode, twin: string): Edit[] {
  const parenthesized = needsParenthesesForAwait(call);
  return [
    { start: call.startIndex, end: call.startIndex, text: parenthesized ? "(await " : "await " },
    { start: callee.startIndex, end: callee.endIndex, text: twin },
    ...(parenthesized ? [{ start: call.endIndex, end: call.endIndex, text: ")" }] : []),
  ];
}

/**
 * How the call's result is used when an awaited twin would not be its counterpart: a context
 * manager (`with r.lock(k):` is `async with r.lock(k):` on an async client) or an iterable
 * (`for k in r.scan_iter():` is `async for`).
 */
function protocolUse(call: SyntaxNode): { use: string; form: string } | undefined {
  let node = call;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (parent?.type === "with_item" || parent?.type === "as_pattern")
    return { use: "a context manager", form: "async with" };
  if (parent?.type === "for_statement" && parent.childForFieldName("right")?.id === node.id)
    return { use: "an iterable", form: "async for" };
  return undefined;
}

/** One direct call of a twinned sync callee: replaced in `async def`, reported when blocked. */
export function directTwinSite(scan: FileScan, call: SyntaxNode, out: SiteResults): void {
  if (!asyncBodyOf(call)) return;
  const callee = call.childForFieldName("function")!;
  const found = declaredTwin(scan, callee, call, "the sync call stays");
  if (!found) return;
  const start = call.startIndex;
  const args = call.childForFieldName("arguments")!.text;
  // The callee as a dotted name, without the layout or comments it may be written with.
  const name = dottedParts(callee)!.join(".");
  if ("problem" in found) {
    out.sites.push({ kind: "twin_call", context: "blocked", detail: name, start });
    const suggestion = found.suggestion?.replace(/\(\.\.\.\)$/, args);
    out.report(call, found.code, found.problem, suggestion);
    return;
  }
  const protocol = protocolUse(call);
  if (protocol) {
    out.sites.push({ kind: "twin_call", context: "blocked", detail: name, start });
    out.report(
      call,
      "AS303",
      `${name}(...) is used as ${protocol.use}: with an async client that is \`${protocol.form}\` over ${found.callee}(...), not an await; rewrite by hand`,
    );
    return;
  }
  const suggestion = `await ${found.callee}${args}`;
  out.sites.push({ kind: "twin_call", context: "twin", detail: name, start });
  // A comment inside the callee (`redis_manager  # legacy\n.get(...)`) would be lost.
  if (callee.descendantsOfType("comment").length > 0) {
    out.report(
      call,
      "AS303",
      `cannot replace ${name} by its declared twin ${found.callee}: the rewrite would drop a comment; rewrite by hand`,
      suggestion,
    );
    return;
  }
  const fix: Fix = {
    applicability: "safe",
    edits: twinEdits(call, callee, found.callee),
    dropped: [leftmostIdentifier(callee)].filter((n) => n !== undefined),
  };
  const replaced = replacedCall(scan.file, callee, found.callee);
  if (replaced) fix.replaces = [replaced];
  out.report(
    call,
    "AS308",
    `${name}(...) in async def replaced by its declared async twin: await ${found.callee}(...)`,
    suggestion,
    fix,
  );
}
