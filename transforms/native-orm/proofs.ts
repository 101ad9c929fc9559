import { QUERYSET_RETURNING } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";

// Evidence short of proof. The proofs themselves (querysetOf, instanceOf) are src/django's.

/** `x.objects...`, `.filter(...)`, `.get_queryset()`: very likely a queryset, not proven. */
export function looksLikeQueryset(expr: SyntaxNode): boolean {
  if (expr.type === "attribute") {
    const name = expr.childForFieldName("attribute")?.text ?? "";
    return name === "objects" || name === "_default_manager";
  }
  if (expr.type !== "call") return false;
  const callee = expr.childForFieldName("function");
  if (callee?.type !== "attribute") return false;
  const name = callee.childForFieldName("attribute")?.text ?? "";
  if (name === "get_queryset") return true;
  if (!QUERYSET_RETURNING.has(name) || name === "raw") return false;
  const receiver = callee.childForFieldName("object");
  return !!receiver && (looksLikeQueryset(receiver) || receiver.type === "identifier");
}

/** Does a receiver look like a form, a file or a cache rather than a model instance? */
export function looksLikeNonModel(receiver: SyntaxNode): boolean {
  return /form|file|storage|cache|session|image|photo|upload|request/i.test(receiver.text);
}
