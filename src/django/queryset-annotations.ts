import type { SyntaxNode } from "../model/types.js";
import { importBindingOf } from "../python/imports.js";
import { syncDefReturning } from "./returning-defs.js";
import type { QuerysetProof } from "./proof-types.js";

// `qs: QuerySet[Membership]`, `-> QuerySet[Membership]`, `models.Manager["Order"]`: a queryset
// annotation proves a queryset (of that model; of an unnamed one when bare), the way a model
// class annotation proves an instance. Only Django's own QuerySet and Manager classes count.

const QUERYSET_ANNOTATION =
  /^(?:([\w.]+)\.)?(QuerySet|Manager|BaseManager)\s*(?:\[\s*["']?([\w.]+?)["']?\s*\])?$/;

/**
 * The queryset an annotation names: its model (`""` when the annotation names none), or undefined.
 * `modelNamed` resolves a model class name where the annotation stands.
 */
export function querysetOfAnnotation(
  type: SyntaxNode,
  modelNamed: (name: string, at: SyntaxNode) => string | undefined,
  /** Does a project module (`core.db.models`) hand on this name of django.db.models (`import *`)? */
  reexported: (module: string, name: string) => boolean = () => false,
): QuerysetProof | undefined {
  const text = type.text
    .replace(/^(['"])(.*)\1$/s, "$2")
    .replace(/\s*\|\s*None$|^Optional\[(.*)\]$/, "$1")
    .trim();
  const found = QUERYSET_ANNOTATION.exec(text);
  if (!found) return undefined;
  const [, owner, cls, inner] = found;
  // `QuerySet` imported from Django, or `models.QuerySet` with `models` Django's.
  const local = owner ? owner.split(".")[0] : cls;
  const binding = importBindingOf(local, type);
  if (!binding) return undefined;
  // The module the class is read from: `core.db.models` for `models.QuerySet` or `QuerySet`.
  const module = owner
    ? [binding.qualified, ...owner.split(".").slice(1)].join(".")
    : binding.qualified.slice(0, binding.qualified.lastIndexOf("."));
  if (!module.startsWith("django.db.models") && !reexported(module, cls)) return undefined;
  const model = inner ? modelNamed(inner.split(".").pop()!, type) : "";
  if (model === undefined) return undefined;
  return { model, selected: new Set(), locksRows: false, yieldsInstances: model !== "" };
}

/**
 * `_filtered(qs=...)` where `_filtered` is a def of this module annotated `-> QuerySet[M]`, or
 * `await sync_to_async(self.filter_recordings)(...)` with the method so annotated: the queryset
 * its annotation promises.
 */
export function querysetReturnedBy(
  value: SyntaxNode,
  modelNamed: (name: string, at: SyntaxNode) => string | undefined,
  reexported?: (module: string, name: string) => boolean,
): QuerysetProof | undefined {
  const returns = syncDefReturning(value)?.childForFieldName("return_type");
  return returns ? querysetOfAnnotation(returns, modelNamed, reexported) : undefined;
}
