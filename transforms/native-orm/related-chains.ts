import { QUERYSET_RETURNING } from "../../src/django/orm.js";
import type { Context, SyntaxNode } from "../../src/model/types.js";
import { assignedValues } from "../../src/python/scope.js";
import { plainKindOf } from "../../src/python/value-kinds.js";
import type { OrmFile } from "./types.js";

// orm-human-9 H3 (OWASP Nest `self.issues.filter(...).values_list(...)` in a strawberry type's
// async resolver, hakaton `self.scope["user"].messages.filter(...).exists()`): a chain on a
// receiver nothing proves, rooted at an attribute whose name the project's models give only to
// related managers (a ManyToManyField, a related_name, `<model>_set`), is very likely the ORM.
// Not proven: its native form is an unsafe fix (AS201), never silence.

const namesByModels = new WeakMap<object, ReadonlySet<string>>();

/** The related manager names of the project's models that no model uses for a field too. */
export function relatedManagerNames(project: Context["project"]): ReadonlySet<string> {
  const known = namesByModels.get(project.models);
  if (known) return known;
  const models = Object.entries(project.models);
  // The user model's (`ForeignKey(settings.AUTH_USER_MODEL, related_name="messages")`) too.
  const related = new Set<string>(project.userReverse ?? []);
  const fields = new Set<string>();
  for (const [name, m] of models) {
    for (const r of [...(m.manyToMany ?? []), ...(m.reverse ?? [])]) related.add(r);
    related.add(`${name.toLowerCase()}_set`);
    for (const r of [...m.relations, ...Object.keys(m.columns ?? {}), ...(m.files ?? [])])
      fields.add(r);
  }
  for (const name of fields) related.delete(name);
  namesByModels.set(project.models, related);
  return related;
}

/**
 * `shelf.items`, `shelf.items.filter(...).order_by(...)`, `qs[:5]` of such a chain, or a name
 * every binding of which assigns one: a related manager's queryset on an unproven receiver.
 */
export function relatedManagerChain(
  f: OrmFile,
  expr: SyntaxNode,
  depth = 0,
  following: ReadonlySet<string> = new Set(),
): boolean {
  if (depth > 6) return false;
  if (expr.type === "subscript")
    return relatedManagerChain(f, expr.childForFieldName("value")!, depth + 1, following);
  if (expr.type === "identifier") {
    // `qs = qs.filter(...)` in a branch (orm-human-9 H3b, Nest's `queryset`): a binding that
    // narrows the name's own value is as related as the bindings it narrows.
    if (following.has(expr.text)) return true;
    const values = assignedValues(f.file.visibleBindings(expr, expr.text));
    const inner = new Set([...following, expr.text]);
    return !!values && values.every((v) => relatedManagerChain(f, v, depth + 1, inner));
  }
  if (expr.type === "call") {
    const callee = expr.childForFieldName("function");
    const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")!.text : "";
    if (!QUERYSET_RETURNING.has(method) || method === "raw") return false;
    return relatedManagerChain(f, callee!.childForFieldName("object")!, depth + 1, following);
  }
  if (expr.type !== "attribute") return false;
  const object = expr.childForFieldName("object")!;
  const name = expr.childForFieldName("attribute")!.text;
  if (plainKindOf(object) || f.proofs.querysetOf(object)) return false;
  return relatedManagerNames(f.ctx.project).has(name);
}
