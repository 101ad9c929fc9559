import type { SyntaxNode } from "../../src/model/types.js";
import { ormCall } from "./conversions.js";
import type { Reason } from "./kept-reasons.js";
import { awaitedEdits, suggestionFor } from "./rewrite.js";
import type { OrmFile } from "./types.js";

/**
 * orm-review-8 S7: `await sync_to_async(f)` (a site of the stored form), the wrapper awaited
 * without being called: a TypeError where it runs (a SyncToAsync is no awaitable), not a wrapper
 * stored for later calls.
 */
export function awaitedUncalled(
  f: OrmFile,
  node: SyntaxNode,
  target: SyntaxNode | undefined,
): Reason | undefined {
  let up = node.parent;
  while (up?.type === "parenthesized_expression") up = up.parent;
  if (up?.type !== "await") return undefined;
  const wrapper = node.childForFieldName("function")?.text ?? "sync_to_async";
  const wrapped = target ? oneLine(target.text) : "f";
  const made = target?.type === "call" ? calledAtOnce(f, target, wrapper) : undefined;
  if (made)
    return {
      code: "AS208",
      message: `await ${wrapper}(${wrapped}) calls ${made.called}() at once, where it stands (a sync query on the event loop raises SynchronousOnlyOperation), then awaits the wrapper made of its result (a TypeError): ${made.advice}, by hand`,
    };
  return {
    code: "AS208",
    message: `await ${wrapper}(${wrapped}) awaits the wrapper itself, not a call of it: a TypeError where it runs (the wrapper is no awaitable); call it, \`await sync_to_async(${wrapped})(...)\`, by hand`,
  };
}

/**
 * orm-review-9 R1 (Groupr): `await database_sync_to_async(Message.objects.create(...))` wraps what
 * create() returned. The way out: the call's native form where the receiver is proven, else the
 * wrapper around the callee, called with the arguments.
 */
function calledAtOnce(
  f: OrmFile,
  call: SyntaxNode,
  wrapper: string,
): { called: string; advice: string } | undefined {
  const callee = call.childForFieldName("function");
  const args = call.childForFieldName("arguments");
  if (!callee || !args) return undefined;
  const called = oneLine(callee.text);
  const native = ormCall(f, call, "async");
  if (native && "edits" in native && native.proven && native.awaited) {
    const written = oneLine(suggestionFor(f.source, native, awaitedEdits(native)));
    return { called, advice: `its native form is \`${written}\`` };
  }
  const text = oneLine(args.text);
  return {
    called,
    advice: `run the call in the thread, \`await ${wrapper}(${called})${text}\``,
  };
}

/** A multi-line call on one line: `f( a=1, )` as `f(a=1)`. */
function oneLine(text: string): string {
  return text
    .replace(/\s+/g, " ")
    .replace(/\(\s+/g, "(")
    .replace(/,?\s*\)/g, ")");
}
