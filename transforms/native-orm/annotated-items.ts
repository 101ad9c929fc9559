import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// The annotation a value of a function carries, read through the project's own annotations
// (issue 23 item 2, redbox 2f7c589^ `file_save(file)`): `reply, citations, route = await
// self.receive_llm_responses(...)` where that method is `-> tuple[str, Sequence[tuple[File,
// Doc]], str]`, then `for file, _ in citations:` makes `file` a `File`. Only what the code
// declares: a name bound once, by a typed parameter, an annotated assignment, an assignment or
// loop whose value's annotation is known; a call of the file's own def or method whose return
// annotation says it (awaited exactly when it is async).

/** Containers whose one type argument is the type of what iterating them yields. */
const ITERABLES = new Set([
  "Sequence",
  "MutableSequence",
  "Collection",
  "Iterable",
  "Iterator",
  "list",
  "List",
  "set",
  "Set",
  "frozenset",
  "FrozenSet",
  "AbstractSet",
  "MutableSet",
]);

/** `generic_type` (or `subscript`) inside a `type` node, its head's last name and arguments. */
function generic(type: SyntaxNode): { head: string; args: SyntaxNode[] } | undefined {
  const node = type.type === "type" ? type.namedChildren[0] : type;
  if (node?.type === "generic_type") {
    const head = node.namedChildren[0]?.text.split(".").pop() ?? "";
    return { head, args: node.namedChildren[1]?.namedChildren ?? [] };
  }
  if (node?.type === "subscript") {
    const head = node.childForFieldName("value")?.text.split(".").pop() ?? "";
    return { head, args: node.namedChildren.slice(1) };
  }
  return undefined;
}

/** What iterating a value of `type` yields: `Sequence[X]` -> X, `tuple[X, ...]` -> X. */
export function itemType(type: SyntaxNode | undefined): SyntaxNode | undefined {
  const g = type && generic(type);
  if (!g) return undefined;
  if (ITERABLES.has(g.head) && g.args.length === 1) return g.args[0];
  const isTuple = g.head === "tuple" || g.head === "Tuple";
  return isTuple && g.args.length === 2 && g.args[1].text === "..." ? g.args[0] : undefined;
}

/** The `k`-th member of a fixed tuple type: `tuple[str, X, str]`, 1 -> X. */
export function memberType(type: SyntaxNode | undefined, k: number): SyntaxNode | undefined {
  const g = type && generic(type);
  if (!g || (g.head !== "tuple" && g.head !== "Tuple")) return undefined;
  if (g.args.some((a) => a.text === "...")) return undefined;
  return g.args[k];
}

/** The annotation `expr` carries, as far as the code declares it; undefined when unknown. */
export function annotationOf(f: OrmFile, expr: SyntaxNode, depth = 0): SyntaxNode | undefined {
  if (depth > 6) return undefined;
  if (expr.type === "parenthesized_expression" && expr.namedChildren.length === 1)
    return annotationOf(f, expr.namedChildren[0], depth + 1);
  if (expr.type === "await" || expr.type === "call") return returnedType(f, expr);
  if (expr.type !== "identifier") return undefined;
  const bound = f.file.visibleBindings(expr, expr.text);
  if (bound.length !== 1) return undefined;
  return boundType(f, bound[0].node, depth);
}

/** The annotation of the one binding `name` (an identifier where a name is bound). */
function boundType(f: OrmFile, name: SyntaxNode, depth: number): SyntaxNode | undefined {
  let site = name.parent;
  let member = -1;
  if (site?.type === "pattern_list" || site?.type === "tuple_pattern") {
    member = site.namedChildren.findIndex((c) => c.id === name.id);
    name = site;
    site = site.parent;
  }
  if (!site) return undefined;
  const pick = (type: SyntaxNode | undefined) => (member < 0 ? type : memberType(type, member));
  switch (site.type) {
    case "typed_parameter":
    case "typed_default_parameter":
      return site.childForFieldName("type") ?? undefined;
    case "assignment": {
      if (site.childForFieldName("left")?.id !== name.id) return undefined;
      const declared = member < 0 ? site.childForFieldName("type") : null;
      if (declared) return declared;
      const value = site.childForFieldName("right");
      return value ? pick(annotationOf(f, value, depth + 1)) : undefined;
    }
    case "for_statement": {
      if (site.childForFieldName("left")?.id !== name.id) return undefined;
      const iterable = site.childForFieldName("right");
      return iterable ? pick(itemType(annotationOf(f, iterable, depth + 1))) : undefined;
    }
  }
  return undefined;
}

/** The return annotation of the file's def or method a call runs, awaited when it is async. */
function returnedType(f: OrmFile, expr: SyntaxNode): SyntaxNode | undefined {
  const awaited = expr.type === "await";
  const call = awaited ? expr.namedChildren[0] : expr;
  const callee = call?.type === "call" ? call.childForFieldName("function") : null;
  if (!callee) return undefined;
  const def = calledDef(f, callee);
  if (!def) return undefined;
  return callsAsAsync(def) === awaited
    ? (def.childForFieldName("return_type") ?? undefined)
    : undefined;
}

/** `helper` bound once in the file to a def, or `self.<name>` of the enclosing class. */
function calledDef(f: OrmFile, callee: SyntaxNode): SyntaxNode | undefined {
  if (callee.type === "identifier") {
    const bound = f.file.visibleBindings(callee, callee.text);
    const def = bound.length === 1 ? bound[0].node.parent : undefined;
    return def?.type === "function_definition" ? def : undefined;
  }
  const receiver = callee.childForFieldName("object");
  const name = callee.childForFieldName("attribute")?.text;
  if (callee.type !== "attribute" || receiver?.text !== "self" || !name) return undefined;
  const cls = f.file.enclosingClass(callee);
  const defs = (cls?.childForFieldName("body")?.namedChildren ?? []).flatMap((m) => {
    const def = m.type === "decorated_definition" ? m.childForFieldName("definition") : m;
    return def?.type === "function_definition" && def.childForFieldName("name")?.text === name
      ? [def]
      : [];
  });
  return defs.length === 1 ? defs[0] : undefined;
}

/**
 * orm-review-5 Q1 (canopy's `turn = await self._get_turn(raw_id)`): the model every return of
 * the file's def or method a call runs gives an instance of (`return await
 * Turn.objects.filter(pk=raw_id).afirst()`; a bare `return None` aside), awaited exactly when it
 * is async; undefined when one return proves nothing.
 */
export function returnedInstanceModel(f: OrmFile, expr: SyntaxNode): string | undefined {
  const awaited = expr.type === "await";
  const call = awaited ? expr.namedChildren[0] : expr;
  const callee = call?.type === "call" ? call.childForFieldName("function") : null;
  const def = callee ? calledDef(f, callee) : undefined;
  if (!def || callsAsAsync(def) !== awaited) return undefined;
  let model: string | undefined;
  for (const r of ownReturns(def)) {
    let value = r.namedChildren[0];
    // `return (\n Turn.objects.select_related(...)\n .first()\n)` (orm-review-5 Q1e).
    while (value?.type === "parenthesized_expression" && value.namedChildren.length === 1)
      value = value.namedChildren[0];
    if (!value || value.type === "none") continue;
    const next = f.proofs.instanceReturned(value)?.model;
    if (!next || (model && next !== model)) return undefined;
    model = next;
  }
  return model;
}

/** The return statements of `def` itself, not of the defs and lambdas inside it. */
function ownReturns(def: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode) => {
    for (const child of node.namedChildren) {
      if (child.type === "function_definition" || child.type === "lambda") continue;
      if (child.type === "return_statement") found.push(child);
      else visit(child);
    }
  };
  const body = def.childForFieldName("body");
  if (body) visit(body);
  return found;
}

/**
 * Whether a call of `def` gives a coroutine: an `async def`, or a def a wrapper decorates
 * (`@database_sync_to_async def _get_turn(...)`, orm-review-5 Q1b).
 */
function callsAsAsync(def: SyntaxNode): boolean {
  if (def.children.some((c) => c.type === "async")) return true;
  const holder = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  return (holder?.namedChildren ?? []).some(
    (d) => d.type === "decorator" && /(?:^|\.)(?:database_)?sync_to_async\b/.test(d.text.slice(1)),
  );
}
