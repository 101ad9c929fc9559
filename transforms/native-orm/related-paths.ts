import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// orm-review-6 R7, R16: `order_item.order.client` off a proven instance, along ForeignKeys whose
// targets the pre-pass knows, is an instance of the last target: loaded lazily (AS202) unless
// selected, and its methods are that model's.

/**
 * The model `x.fk.fk2` is an instance of, when `x` is a proven instance and each name a
 * ForeignKey or OneToOneField whose target the pre-pass knows, with the names and the root.
 */
export function relatedPathModel(
  f: OrmFile,
  node: SyntaxNode,
): { model: string; names: string[]; root: SyntaxNode; fromParameter: boolean } | undefined {
  const names: string[] = [];
  let n: SyntaxNode = node;
  while (n.type === "attribute") {
    names.unshift(n.childForFieldName("attribute")!.text);
    n = n.childForFieldName("object")!;
  }
  const instance = n.type === "identifier" && names.length > 0 ? f.proofs.instanceOf(n) : undefined;
  if (!instance) return undefined;
  let model = instance.model;
  for (const name of names) {
    const facts = f.ctx.project.models[model];
    const target = facts?.relations.includes(name) ? facts.targets?.[name] : undefined;
    if (!target || !f.ctx.project.models[target === "self" ? model : target]) return undefined;
    model = target === "self" ? model : target;
  }
  return { model, names, root: n, fromParameter: !!instance.fromParameter };
}
