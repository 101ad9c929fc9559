import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";
import { isExpressionClass } from "../../src/django/in-memory-calls.js";

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

/** Expression nodes an expression builder may be made of, given their children are. */
const BUILDING = new Set([
  "binary_operator",
  "unary_operator",
  "parenthesized_expression",
  "argument_list",
  "keyword_argument",
  "string",
  "string_content",
  "string_start",
  "string_end",
  "escape_sequence",
  "interpolation",
  "concatenated_string",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "identifier",
]);

/**
 * orm-review-6 R15 (Ghostwriter's `def q_term(term): return SearchQuery(term, ...) |
 * SearchQuery(...)`): a plain nested def whose whole body returns query expressions built from
 * its parameters and literals (Django's expression classes, `Q`, `|`, `&`, `~`) builds a tree a
 * later query compiles: calling it runs no query.
 */
export function isExpressionBuilder(f: OrmFile, def: SyntaxNode): boolean {
  if (def.type !== "function_definition" || def.parent?.type === "decorated_definition")
    return false;
  if (def.children.some((c) => c.type === "async")) return false;
  const statements = (def.childForFieldName("body")?.namedChildren ?? []).filter(
    (s) => s.type !== "comment",
  );
  const rest =
    statements[0]?.type === "expression_statement" &&
    statements[0].namedChildren[0]?.type === "string"
      ? statements.slice(1)
      : statements;
  const value =
    rest.length === 1 && rest[0].type === "return_statement" && rest[0].namedChildren[0];
  if (!value) return false;
  const builds = (n: SyntaxNode): boolean => {
    if (n.type === "call") {
      const callee = n.childForFieldName("function")!;
      const args = n.childForFieldName("arguments");
      return isExpressionClass(f.file.qualifiedName(callee)) && !!args && builds(args);
    }
    return BUILDING.has(n.type) && n.namedChildren.every(builds);
  };
  return value.type === "call" ||
    value.type === "binary_operator" ||
    value.type === "unary_operator"
    ? builds(value) && value.descendantsOfType("call").length > 0
    : false;
}

/** A call of a name this scope binds to an expression builder (see isExpressionBuilder). */
export function callsExpressionBuilder(f: OrmFile, callee: SyntaxNode): boolean {
  if (callee.type !== "identifier") return false;
  const bound = f.file.visibleBindings(callee, callee.text);
  return (
    bound.length > 0 &&
    bound.every(
      (b) => b.node.parent?.type === "function_definition" && isExpressionBuilder(f, b.node.parent),
    )
  );
}
