import type { Context, FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { testedReference } from "./tested.js";
import { COROUTINE_ATTRIBUTES, valueParameter } from "./passed.js";

/**
 * How a call's result is used, for a call of a coroutine function: dropped (a statement of its
 * own: the coroutine never runs), bound to a name that is then used as the call's result (the
 * coroutine object has no such attribute), or handed off (awaited, returned, passed, stored:
 * someone else may await it) or used in a way not read here.
 */
export type ResultUse =
  | { use: "dropped" }
  | { use: "bound"; name: string; uses: { node: SyntaxNode; tested: boolean }[] }
  | { use: "other" };

/**
 * Uses of a bound coroutine that only make sense on the awaited result: its truth tested or
 * compared (`if not allowed:`), an attribute or item read, a loop over it.
 */
function usedAsResult(reference: SyntaxNode): boolean {
  if (testedReference(reference) || formatted(reference)) return true;
  const parent = reference.parent;
  if (!parent) return false;
  if (parent.type === "attribute")
    return (
      parent.childForFieldName("object")?.id === reference.id &&
      !COROUTINE_ATTRIBUTES.has(parent.childForFieldName("attribute")?.text ?? "")
    );
  if (parent.type === "subscript") return parent.childForFieldName("value")?.id === reference.id;
  // `for x in name`: a coroutine is not iterable. `async for` may be the right use of an async
  // iterator some callee returns: not read here.
  return (
    parent.type === "for_statement" &&
    parent.childForFieldName("right")?.id === reference.id &&
    parent.firstChild?.type !== "async"
  );
}

/** logging's methods, whose arguments after the message are formatted into it. */
const LOG_METHODS = new Set(["debug", "info", "warning", "warn", "error", "exception", "critical"]);
const LOGGER = /^_*(logger|log|logging|LOGGER|LOG)$/;

/**
 * Formatted into text, which is all a coroutine object gives (`<coroutine object ...>`): an
 * f-string's `{name}`, `str(name)`/`repr(name)`, or an argument after a log call's message
 * (khoj's `notion_config = NotionConfig.objects.acreate(...)` then only logged: H13).
 */
function formatted(reference: SyntaxNode): boolean {
  const parent = reference.parent;
  if (parent?.type === "interpolation") return true;
  if (parent?.type !== "argument_list") return false;
  const callee = parent.parent?.childForFieldName("function");
  if (callee?.type === "identifier")
    return ["str", "repr"].includes(callee.text) && parent.namedChildren.length === 1;
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  return (
    !!receiver &&
    LOGGER.test(receiver.text) &&
    LOG_METHODS.has(callee!.childForFieldName("attribute")?.text ?? "") &&
    parent.namedChildren[0]?.id !== reference.id
  );
}

/** What runs or awaits a coroutine handed to it. */
const COROUTINE_TAKERS = new Set([
  "gather",
  "create_task",
  "ensure_future",
  "wait_for",
  "shield",
  "wait",
  "as_completed",
  "run",
  "run_until_complete",
  "run_coroutine_threadsafe",
  "iscoroutine",
  "isawaitable",
]);

/** `await name`, or `name` passed to `asyncio.gather(...)` and the like: someone awaits it. */
function handedToAsync(reference: SyntaxNode): boolean {
  let node = reference;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  if (node.parent?.type === "await") return true;
  const args = node.parent?.type === "argument_list" ? node.parent : undefined;
  const callee = args?.parent?.childForFieldName("function");
  const last = callee?.text.split(".").at(-1);
  return last !== undefined && COROUTINE_TAKERS.has(last);
}

/**
 * The first use (in the text) is one of the result, before any hand-off (hazard-review-4 K5,
 * frigate's `plus_response = send_to_plus(...)`, `if plus_response.status_code != 200: return
 * plus_response`): an attribute or item read raises there whatever follows; a use that does not
 * raise (formatted, tested, passed as a value: ecoindex's `f"{base}{id}"` then `Row(id=id)`) is
 * the bug unless a later use awaits it or hands it to what does.
 */
function usedFirst(uses: SyntaxNode[], asResult: (u: SyntaxNode) => boolean): boolean {
  const first = [...uses].sort((a, b) => a.startIndex - b.startIndex)[0];
  if (!asResult(first)) return false;
  const raises = usedAsResult(first) && !formatted(first) && !testedReference(first);
  return raises || !uses.some(handedToAsync);
}

/** How the result of `call` (not awaited) is used, inside `fn`. */
export function resultUse(
  file: FileSemantics,
  call: SyntaxNode,
  fn: SyntaxNode,
  ctx?: Context,
): ResultUse {
  const parent = call.parent;
  if (parent?.type === "expression_statement" && parent.namedChildren.length === 1)
    return { use: "dropped" };
  if (parent?.type !== "assignment" || parent.childForFieldName("right")?.id !== call.id)
    return { use: "other" };
  const left = parent.childForFieldName("left");
  if (left?.type !== "identifier" || parent.childForFieldName("type")) return { use: "other" };
  if (parent.parent?.type !== "expression_statement") return { use: "other" };
  // The name must be bound once, here: another binding makes its later uses unclear.
  const bindings = file.bindingsNamed(fn, left.text);
  if (bindings.length !== 1 || bindings[0].node.id !== left.id) return { use: "other" };
  const uses = file
    .referencesInScope(fn, left.text)
    .filter((r) => r.id !== left.id && r.startIndex > call.endIndex);
  if (uses.length === 0) return { use: "other" };
  // Tested anywhere (always true) is the bug whatever else is done with the name, unless it is
  // also handed to what runs or awaits a coroutine (`asyncio.gather(account, ...)`).
  const tested = uses.some((u) => testedReference(u));
  // Passed where a parameter of this file's def wants a value (`user_id: str | None`) is a use
  // of the result too (passed.ts).
  const asResult = (u: SyntaxNode) => usedAsResult(u) || valueParameter(file, u, ctx) !== undefined;
  if (!uses.every(asResult) && (!tested || uses.some(handedToAsync)) && !usedFirst(uses, asResult))
    return { use: "other" };
  // A nested def or lambda may run later, elsewhere: its use is not this function's, unless
  // every use reads the result, there or here, and none hands the coroutine on: whenever the
  // nested def runs, the name holds the coroutine (hazard-review-5 J12, cognee's worker whose
  // `async def add_data_points()` calls `vector_engine.create_data_points`).
  const nested = uses.some((u) => file.enclosingFunction(u)?.id !== fn.id);
  if (nested && (!uses.every(asResult) || uses.some(handedToAsync))) return { use: "other" };
  return {
    use: "bound",
    name: left.text,
    uses: uses.map((node) => ({ node, tested: testedReference(node) })),
  };
}
