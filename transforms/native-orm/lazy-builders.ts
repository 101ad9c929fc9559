import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// orm-review-6 R8 (puremilky `filter_products_by_title`): a wrapped def that only builds a
// queryset and returns it runs no query: `filter()`, `annotate()`, `Subquery(...)` are lazy. The
// thread wrapper moves nothing off the event loop; the query runs where the callers evaluate the
// result. Said as such, rather than "holds no ORM work", which reads as if there were none.

/**
 * The `return` of a body made only of bindings and a return of proven querysets (a docstring
 * aside), or undefined.
 */
export function onlyBuiltQueryset(f: OrmFile, body: SyntaxNode): SyntaxNode | undefined {
  let returned: SyntaxNode | undefined;
  for (const [i, statement] of body.namedChildren.entries()) {
    if (statement.type === "comment") continue;
    const expr = statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (i === 0 && expr?.type === "string") continue;
    if (statement.type === "return_statement") {
      const value = statement.namedChildren[0];
      if (!value || !f.proofs.querysetOf(value)) return undefined;
      returned = statement;
      continue;
    }
    const right = expr?.type === "assignment" ? expr.childForFieldName("right") : null;
    const left = expr?.type === "assignment" ? expr.childForFieldName("left") : null;
    if (!right || left?.type !== "identifier" || !f.proofs.querysetOf(right)) return undefined;
  }
  return returned;
}
