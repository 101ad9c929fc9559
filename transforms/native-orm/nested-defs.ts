import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// Issue 23 item 2 (orm-review M2, D1): nested blocking functions defined inside an `if`, `try`,
// `with` or loop block of their function, and one name defined in two branches, each followed by
// its own `await sync_to_async(name)()`. The def a reference runs is decided by the text alone,
// or not at all: then the caller names every def (accounting).

const LOOPS = new Set(["for_statement", "while_statement"]);

/**
 * The plain `def` of function `scope` that the reference `ref` runs, when the text decides it:
 * the last binding of the name before `ref` is that def, its block holds `ref` (so every path to
 * `ref` runs it), and no binding after `ref` can reach it around a loop. Undefined otherwise
 * (another kind of binding, a def in a sibling branch, a reference from a nested function, which
 * runs whenever it is called).
 */
export function reachingDef(
  f: OrmFile,
  scope: SyntaxNode,
  ref: SyntaxNode,
): SyntaxNode | undefined {
  if (f.file.enclosingScope(ref).id !== scope.id) return undefined;
  const bound = f.file.bindingsNamed(scope, ref.text).map((b) => b.node);
  const before = bound.filter((b) => b.endIndex <= ref.startIndex);
  const last = before.reduce<SyntaxNode | undefined>(
    (a, b) => (!a || b.startIndex > a.startIndex ? b : a),
    undefined,
  );
  const def = last?.parent;
  if (def?.type !== "function_definition" || def.endIndex > ref.startIndex) return undefined;
  if (!holds(def.parent, ref)) return undefined;
  const after = bound.filter((b) => b.startIndex > ref.startIndex);
  for (let n = ref.parent; n && n.id !== scope.id; n = n.parent)
    if (LOOPS.has(n.type) && after.some((b) => holds(n, b))) return undefined;
  return def;
}

/**
 * The references in function `scope` that may run `def` (a def of that scope): those the text
 * gives to it, and those it gives to no def at all. Its own name aside.
 */
export function referencesReaching(f: OrmFile, scope: SyntaxNode, def: SyntaxNode): SyntaxNode[] {
  const name = def.childForFieldName("name")!;
  return f.file
    .referencesInScope(scope, name.text)
    .filter((ref) => (reachingDef(f, scope, ref) ?? def).id === def.id);
}

/** Is `def` written in a block of `scope` (its body, or an `if`/`try`/`with`/loop block in it)? */
export function definedIn(def: SyntaxNode, scope: SyntaxNode): boolean {
  for (let n = def.parent; n; n = n.parent) {
    if (n.id === scope.id) return true;
    if (n.type === "function_definition" || n.type === "class_definition" || n.type === "lambda")
      return false;
    if (n.type === "decorated_definition") return false;
  }
  return false;
}

function holds(outer: SyntaxNode | null | undefined, inner: SyntaxNode): boolean {
  return !!outer && outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
