import type { SyntaxNode } from "../../src/model/types.js";
import { plainKindOf } from "../../src/python/value-kinds.js";
import { looksLikeQueryset } from "./proofs.js";
import type { OrmFile, Problem } from "./types.js";

// orm-review-4 W2: `list(intakes)` where `intakes = base_query.select_related(...).distinct()`
// and `base_query = intake_work_item_base_query(...)`, a helper of the project whose value is not
// proven: `list()` is a builtin that touches no database only when what it iterates is no
// queryset. A value built by queryset-named steps, or returned by a function of the project,
// may be one: evaluating it on the event loop raises SynchronousOnlyOperation. Kept, said.

/** Builtins that iterate (evaluate) a positional argument. */
const ITERATING_BUILTINS = new Set([
  "list",
  "tuple",
  "set",
  "frozenset",
  "dict",
  "sorted",
  "len",
  "sum",
  "min",
  "max",
  "any",
  "all",
  "enumerate",
  "zip",
  "map",
  "filter",
  "reversed",
  "bool",
  "repr",
  "iter",
  "next",
]);

/** How `expr` may be a queryset nothing proves: said, or undefined when it cannot be one. */
function mayBeQueryset(
  f: OrmFile,
  expr: SyntaxNode,
  isProjectFunction: (callee: SyntaxNode) => boolean,
): string | undefined {
  if (f.proofs.querysetOf(expr)) return undefined; // AS204's
  if (expr.type === "call" && looksLikeQueryset(expr))
    return `${expr.text.replace(/\s+/g, " ").slice(0, 60)} is built by queryset methods on a value nothing proves a queryset`;
  if (expr.type !== "identifier" || plainKindOf(expr) || f.proofs.instanceOf(expr))
    return undefined;
  const bound = f.file.bindingsNamed(f.file.enclosingScope(expr), expr.text);
  for (const b of bound) {
    const assignment = b.node.parent;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== b.node.id)
      continue;
    let value = assignment.childForFieldName("right");
    if (value?.type === "await") value = value.namedChildren[0] ?? null;
    if (value?.type !== "call") continue;
    const line = assignment.startPosition.row + 1;
    if (looksLikeQueryset(value))
      return `${expr.text} is bound at line ${line} to a chain of queryset methods on a value nothing proves a queryset`;
    const callee = value.childForFieldName("function")!;
    if (isProjectFunction(callee))
      return `${expr.text} is bound at line ${line} to what ${callee.text}() returns, a function of the project whose value is not proven (it may be a queryset)`;
  }
  return undefined;
}

/**
 * `list(x)`, `len(x)`, `sorted(x)` in a wrapper to convert, `x` maybe a queryset nothing proves
 * (AS205): evaluated on the event loop once the wrapper goes.
 */
export function unknownEvaluationProblem(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
  isProjectFunction: (callee: SyntaxNode) => boolean,
): Problem | undefined {
  if (callee.type !== "identifier" || !ITERATING_BUILTINS.has(callee.text)) return undefined;
  if (!f.file.isBuiltin(callee.text, callee)) return undefined;
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  for (const arg of args) {
    if (arg.type === "keyword_argument" || arg.type === "comment") continue;
    const why = mayBeQueryset(f, arg, isProjectFunction);
    if (why)
      return {
        code: "AS205",
        node: call,
        message: `${callee.text}(${arg.text.replace(/\s+/g, " ").slice(0, 40)}) iterates a value that may be a queryset, which would be evaluated synchronously on the event loop: ${why}`,
      };
  }
  return undefined;
}
