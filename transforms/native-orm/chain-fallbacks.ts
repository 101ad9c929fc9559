import type { SyntaxNode } from "../../src/model/types.js";

// A value a queryset-or-list helper reads only where it is proven no queryset: the fallback arm
// of a `try` that asked it for a queryset's method first. What the chain and the scan do not
// count as evaluating a queryset.

/**
 * orm-human-5 H3 (django-ninja's `_items_count`): `name` read in the `except AttributeError:` arm
 * of a `try` whose one statement starts with `name.all()` and goes on with calls on what that
 * returns (`return queryset.all().count()`). A queryset or manager has `all()`, and the calls on
 * its result are its own: the arm runs only for a value that has no `all` (a list), never a
 * queryset.
 */
export function provenNoQueryset(identifier: SyntaxNode): boolean {
  for (let n = identifier.parent; n && n.type !== "function_definition"; n = n.parent) {
    const handler = n.type === "except_clause" ? n : undefined;
    const attempt = handler?.parent;
    if (attempt?.type !== "try_statement" || !catchesAttributeError(handler!)) continue;
    const body = attempt
      .childForFieldName("body")
      ?.namedChildren.filter((c) => c.type !== "comment");
    if (body?.length === 1 && startsWithAll(body[0], identifier.text)) return true;
  }
  return false;
}

function catchesAttributeError(handler: SyntaxNode): boolean {
  const caught = handler.namedChildren.find((c) => c.type !== "block" && c.type !== "comment");
  const value = caught?.type === "as_pattern" ? caught.namedChildren[0] : caught;
  const names = value?.type === "tuple" ? value.namedChildren : value ? [value] : [];
  return names.some((c) => c.type === "identifier" && c.text === "AttributeError");
}

/** `return name.all().count()`, `x = await name.all().acount()`: calls chained on `name.all()`. */
function startsWithAll(statement: SyntaxNode, name: string): boolean {
  let expr =
    statement.type === "return_statement" || statement.type === "expression_statement"
      ? statement.namedChildren[0]
      : undefined;
  if (expr?.type === "assignment") expr = expr.childForFieldName("right") ?? undefined;
  if (expr?.type === "await") expr = expr.namedChildren[0];
  while (expr?.type === "call") {
    const callee = expr.childForFieldName("function");
    if (callee?.type !== "attribute") return false;
    const receiver = callee.childForFieldName("object");
    if (receiver?.type === "identifier")
      return receiver.text === name && callee.childForFieldName("attribute")?.text === "all";
    expr = receiver ?? undefined;
  }
  return false;
}
