import { isAsyncFunction } from "../../src/python/shapes.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import type { Binding, FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { yields } from "./keeping.js";

/*
 * Coroutine functions handed back in a tuple (hazard-review-6 V17, gpt4free 0563c0c1^):
 * `browser, stop_browser = await get_nodriver(...)`, where the project's `async def get_nodriver`
 * ends `return browser, on_stop` and `on_stop` is its nested `async def`. Then `stop_browser()`
 * makes a coroutine and drops it: the browser is never stopped. A name bound only so (or to
 * None, which a call would not survive) is that coroutine function. The returning def is read
 * in this file, or by the survey in another module (`tup:` asks).
 */

/** Where a binding of the name comes from: a position of an awaited call's tuple, or None. */
type Unpacked = { call: SyntaxNode; position: number } | "none";

/** `a, b = await f(...)` (or `a, b = None, None`): the awaited call and the name's position. */
function unpackedFrom(name: SyntaxNode): Unpacked | undefined {
  const pattern = name.parent;
  const assignment = pattern?.parent;
  if (pattern?.type === "assignment" && pattern.childForFieldName("left")?.id === name.id)
    return pattern.childForFieldName("right")?.type === "none" ? "none" : undefined;
  if (pattern?.type !== "pattern_list" && pattern?.type !== "tuple_pattern") return undefined;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== pattern.id)
    return undefined;
  const items = pattern.namedChildren;
  if (items.some((i) => i.type !== "identifier")) return undefined;
  const position = items.findIndex((i) => i.id === name.id);
  const right = assignment.childForFieldName("right");
  if (right?.type === "expression_list" || right?.type === "tuple") {
    const values = right.namedChildren;
    return values.length === items.length && values[position]?.type === "none" ? "none" : undefined;
  }
  const call = right?.type === "await" ? right.namedChildren[0] : undefined;
  return call?.type === "call" ? { call, position } : undefined;
}

/**
 * The nested `async def` an async def returns at `position` of every `return` (`return browser,
 * on_stop`), when that name is bound in it only by that def.
 */
export function returnedNestedCoroutine(
  file: FileSemantics,
  def: SyntaxNode,
  position: number,
): SyntaxNode | undefined {
  if (!isAsyncFunction(def) || yields(def)) return undefined;
  const returns = ownReturns(def);
  const names = new Set(
    returns.map((r) => {
      const value = r.namedChildren[0];
      const items =
        value?.type === "expression_list" || value?.type === "tuple" ? value : undefined;
      const item = items?.namedChildren[position];
      return item?.type === "identifier" ? item.text : undefined;
    }),
  );
  const [name] = names;
  if (returns.length === 0 || names.size !== 1 || !name) return undefined;
  const bindings = file.bindingsNamed(def, name);
  const inner = bindings.length === 1 ? bindings[0].node.parent : undefined;
  return inner?.type === "function_definition" && isAsyncFunction(inner) && !yields(inner)
    ? inner
    : undefined;
}

/** The `return` statements a def runs itself (not those of nested defs, lambdas, classes). */
function ownReturns(def: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (["function_definition", "lambda", "class_definition"].includes(node.type)) return;
    if (node.type === "return_statement") found.push(node);
    for (const child of node.namedChildren) visit(child);
  };
  for (const statement of def.childForFieldName("body")?.namedChildren ?? []) visit(statement);
  return found;
}

/** What each binding of a local name is, when every one is an unpacked call or None. */
export function unpackedBindings(
  bindings: readonly Binding[],
): { call: SyntaxNode; position: number }[] | undefined {
  const found: { call: SyntaxNode; position: number }[] = [];
  for (const binding of bindings) {
    const from = unpackedFrom(binding.node);
    if (!from) return undefined;
    if (from !== "none") found.push(from);
  }
  return found.length > 0 ? found : undefined;
}

/** `tup:py:g4f.requests.get_nodriver#1`: the survey's ask for an imported callee's return. */
export function tupleAsk(
  file: FileSemantics,
  call: SyntaxNode,
  position: number,
): string | undefined {
  const callee = call.childForFieldName("function");
  const binding =
    callee?.type === "identifier" ? file.importBindingOf(callee.text, callee) : undefined;
  const absolute = binding && absoluteName(binding.qualified, file.module, file.path);
  return absolute?.includes(".") ? `tup:py:${absolute}#${position}` : undefined;
}

/** The asks of a file's calls of names bound by unpacking an imported coroutine's tuple. */
export function tupleAsksOf(file: FileSemantics, callee: SyntaxNode): string[] {
  if (callee.type !== "identifier" || file.importBindingOf(callee.text, callee)) return [];
  const unpacked = unpackedBindings(file.visibleBindings(callee, callee.text)) ?? [];
  return unpacked.flatMap((u) => tupleAsk(file, u.call, u.position) ?? []);
}

/** How a site names it: `on_stop, the nested async def get_nodriver() returns, path:7` (or `line 7`). */
export function tupleHit(def: SyntaxNode, inner: SyntaxNode, path?: string): string {
  const outer = def.childForFieldName("name")!.text;
  const name = inner.childForFieldName("name")!.text;
  const line = inner.startPosition.row + 1;
  return `${name}, the nested async def ${outer}() returns, ${path ? `${path}:${line}` : `line ${line}`}`;
}
