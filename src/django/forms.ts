import type { SyntaxNode } from "../model/types.js";
import { qualifiedName } from "../python/imports.js";

// orm-review-4 P14 (Django-LiveView `CatForm.update_cat`): `self.cleaned_data` in a method of a
// Django form is the dict `full_clean()` built in memory. Its items are not plain: a
// ModelChoiceField's value is a model instance, a ModelMultipleChoiceField's a QuerySet.

const FORM_BASES = /^django\.forms(\.forms|\.models)?\.(Form|ModelForm|BaseForm|BaseModelForm)$/;

/** `self.cleaned_data` read in a method of a class with a Django form base. */
export function isFormCleanedData(expr: SyntaxNode): boolean {
  if (expr.type !== "attribute") return false;
  const object = expr.childForFieldName("object");
  if (object?.text !== "self" || expr.childForFieldName("attribute")?.text !== "cleaned_data")
    return false;
  let cls = expr.parent;
  while (cls && cls.type !== "class_definition") cls = cls.parent;
  const bases = cls?.childForFieldName("superclasses")?.namedChildren ?? [];
  return bases.some((b) => FORM_BASES.test(qualifiedName(b) ?? ""));
}
