import type { SyntaxNode } from "../model/types.js";

/** Arguments of a call, comments left out; a bare generator argument (`f(x for x in y)`) is one. */
export function callArguments(call: SyntaxNode): SyntaxNode[] {
  const args = call.childForFieldName("arguments");
  if (!args) return [];
  if (args.type === "generator_expression") return [args];
  return args.namedChildren.filter((c) => c.type !== "comment");
}

/** The name an attribute chain starts from: `client` for `client.repos.refresh`. */
export function chainRoot(expr: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = expr;
  while (n?.type === "attribute") n = n.childForFieldName("object");
  return n?.type === "identifier" ? n : undefined;
}

/** `a.b.c` as ["a", "b", "c"]; undefined for anything but a chain of names. */
export function dottedParts(expr: SyntaxNode): string[] | undefined {
  if (expr.type === "identifier") return [expr.text];
  if (expr.type !== "attribute") return undefined;
  const object = expr.childForFieldName("object");
  const attribute = expr.childForFieldName("attribute");
  const head = object && dottedParts(object);
  return head && attribute ? [...head, attribute.text] : undefined;
}
