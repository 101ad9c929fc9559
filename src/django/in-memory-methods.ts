import type { SyntaxNode } from "../model/types.js";
import { onlyReturned } from "../python/shapes.js";

// orm-review M6: a model method that only reads the instance's own columns (`return self.kind in
// ("pro", "trial_pro")`) runs no query: a thread wrapper around it is pure overhead. The pre-pass
// names such methods of each model class, read from the class body.

const RELATION_FIELDS =
  /^(ForeignKey|OneToOneField|ManyToManyField|GenericForeignKey|GenericRelation)$/;

/** Expression nodes that compute in memory, given their children do. */
const PURE = new Set([
  "comparison_operator",
  "boolean_operator",
  "not_operator",
  "binary_operator",
  "unary_operator",
  "parenthesized_expression",
  "tuple",
  "list",
  "set",
  "string",
  "string_content",
  "string_start",
  "string_end",
  "integer",
  "float",
  "true",
  "false",
  "none",
  "conditional_expression",
]);

/**
 * Zero-argument methods of a model class body whose whole work is `return <expression>` over the
 * instance's own columns (fields the body declares, not relations; `<relation>_id`, `pk`, `id`),
 * literals and class constants (`ChatType.PRO`): no call, no other attribute of `self`.
 */
export function inMemoryMethodsOf(body: SyntaxNode | null): string[] {
  const statements = body?.namedChildren ?? [];
  const columns = new Set(["pk", "id"]);
  for (const statement of statements) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    const target = assignment?.childForFieldName("left");
    const value = assignment?.childForFieldName("right");
    const callee = value?.type === "call" ? value.childForFieldName("function") : null;
    const name = callee?.text.split(".").pop() ?? "";
    if (target?.type !== "identifier" || !(/Field$/.test(name) || RELATION_FIELDS.test(name)))
      continue;
    columns.add(RELATION_FIELDS.test(name) ? `${target.text}_id` : target.text);
  }
  return statements.flatMap((def) => {
    if (def.type !== "function_definition" || def.children.some((c) => c.type === "async"))
      return [];
    const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
    if (parameters.length !== 1 || parameters[0].text !== "self") return [];
    const returned = onlyReturned(def.childForFieldName("body"));
    return returned && readsOnly(returned, columns) ? [def.childForFieldName("name")!.text] : [];
  });
}

function readsOnly(expr: SyntaxNode, columns: ReadonlySet<string>): boolean {
  if (expr.type === "attribute") {
    const object = expr.childForFieldName("object");
    const attribute = expr.childForFieldName("attribute")?.text ?? "";
    if (object?.type !== "identifier") return false;
    if (object.text === "self") return columns.has(attribute);
    // `ChatType.PROFESSIONAL`: a constant of a class (an enum, a TextChoices).
    return /^[A-Z]/.test(object.text) && /^[A-Z][A-Z0-9_]*$/.test(attribute);
  }
  if (expr.type === "string") return !expr.descendantsOfType("interpolation").length;
  if (!PURE.has(expr.type)) return false;
  return expr.namedChildren.every((c) => c.type === "comment" || readsOnly(c, columns));
}
