import { assignedValues } from "../../src/python/scope.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { plainKindOf } from "../../src/python/value-kinds.js";
import type { OrmFile } from "./types.js";

// orm-review-4 P3, P16: values a loaded model instance holds in memory. `role.name.lower()` on a
// `CharField`, `article.stats[key]` on a `JSONField`: the row was read when the instance was
// loaded, and these columns hold a str, a number or a decoded JSON value, whose methods and keys
// run no query. A relation, a file field, a property or a column of a field class that is not
// Django's own is not one of them (src/django/model-columns.ts says which).

/** `x.column` where `x` is proven an instance of a project model declaring `column` plainly. */
export function columnKindRead(
  f: OrmFile,
  expr: SyntaxNode,
): "scalar" | "json" | "custom" | undefined {
  if (expr.type !== "attribute") return undefined;
  const object = expr.childForFieldName("object")!;
  const name = expr.childForFieldName("attribute")!.text;
  // orm-review-7 S5: `ChatText.objects.get(name=n).text`, a column of the row the call returns.
  const instance =
    f.proofs.instanceOf(object) ??
    (object.type === "call" ? f.proofs.instanceReturned(object) : undefined);
  if (!instance) return undefined;
  const model = f.ctx.project.models[instance.model];
  // A property computing from plain columns only (P15) gives a plain value too.
  if (model?.inMemoryProperties?.includes(name)) return "json";
  return model?.columns?.[name];
}

/** Is `expr` a plain column value of a proven model instance? */
export function isLoadedColumn(f: OrmFile, expr: SyntaxNode): boolean {
  const kind = columnKindRead(f, expr);
  return kind === "scalar" || kind === "json";
}

/** `role.code` of a field class that is not Django's own: what the AS205 says of it. */
export function customColumnSaid(f: OrmFile, expr: SyntaxNode): string | undefined {
  if (columnKindRead(f, expr) !== "custom") return undefined;
  const object = expr.childForFieldName("object")!;
  const model = (f.proofs.instanceOf(object) ?? f.proofs.instanceReturned(object))!.model;
  const name = expr.childForFieldName("attribute")!.text;
  return `${name} is a column of ${model} declared with a field class that is not one of Django's plain fields (or a JSONField with its own decoder): what its value is, and what its methods do, is not known`;
}

/**
 * `a` in `for a in role.aliases` or `[a.strip() for a in role.aliases]`: an item of a loaded
 * JSON or array column (a JSON value), or a character of a str column. Every binding of the name
 * in its scope must be such a loop's target.
 */
export function isColumnItem(f: OrmFile, identifier: SyntaxNode): boolean {
  const bound = f.file.bindingsNamed(f.file.enclosingScope(identifier), identifier.text);
  return (
    bound.length > 0 &&
    bound.every((b) => {
      const loop = b.node.parent;
      if (loop?.type !== "for_statement" && loop?.type !== "for_in_clause") return false;
      if (loop.childForFieldName("left")?.id !== b.node.id) return false;
      const iterable = loop.childForFieldName("right");
      return !!iterable && isLoadedColumn(f, iterable);
    })
  );
}

/**
 * `stats = article.stats or {"distribution": {}}`: a name every binding of which in its scope
 * assigns a plain column of a proven instance, alone or with a plain fallback after `or`.
 */
export function isColumnValueName(f: OrmFile, identifier: SyntaxNode): boolean {
  const bound = f.file.bindingsNamed(f.file.enclosingScope(identifier), identifier.text);
  const columnOrPlain = (value: SyntaxNode): boolean => {
    if (value.type === "parenthesized_expression" && value.namedChildren.length === 1)
      return columnOrPlain(value.namedChildren[0]);
    if (value.type === "boolean_operator" && value.children.some((c) => c.type === "or"))
      return (
        isLoadedColumn(f, value.childForFieldName("left")!) &&
        columnOrPlain(value.childForFieldName("right")!)
      );
    return isLoadedColumn(f, value) || (value.type !== "identifier" && !!plainKindOf(value));
  };
  return !!assignedValues(bound)?.every(
    (value) =>
      isLoadedColumn(f, value) || (value.type === "boolean_operator" && columnOrPlain(value)),
  );
}
