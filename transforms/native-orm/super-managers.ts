import { asyncMethodFor, type AsyncMethod } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// orm-review-9 R8 (SearchBot `class AsyncBaseManager(models.Manager)`: `super().get(**kwargs)`):
// in a method of a class whose one base is Django's Manager, `super()` is that Manager: its
// methods are Django's, with their native forms (`super().aget(...)`), whatever the class itself
// defines (its own `aget` is skipped by `super()` as by the sync call).

const DJANGO_MANAGER = new Set(["django.db.models.Manager", "django.db.models.manager.Manager"]);

/** `super()` (no arguments) in a plain method of a class whose only base is Django's Manager. */
export function isSuperDjangoManager(f: OrmFile, receiver: SyntaxNode): boolean {
  const cls = superCallClass(f, receiver);
  if (!cls) return false;
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  if (bases.length !== 1 || !["identifier", "attribute"].includes(bases[0].type)) return false;
  return DJANGO_MANAGER.has(f.file.qualifiedName(bases[0]) ?? "");
}

/**
 * Django's native form of `super().<method>(...)` (`call`) in such a class, unless the call is in
 * an override of one of Django's own methods (`def create(...)`): that method's twin would take
 * Django's name (`acreate`) and change what every `Model.objects.acreate(...)` of the project runs.
 */
export function superManagerMethod(
  f: OrmFile,
  call: SyntaxNode,
  receiver: SyntaxNode,
  method: string,
): AsyncMethod | undefined {
  const within = f.file.enclosingScope(call).childForFieldName("name")?.text ?? "";
  if (asyncMethodFor("queryset", within) || !isSuperDjangoManager(f, receiver)) return undefined;
  return asyncMethodFor("queryset", method);
}

/**
 * The class whose method holds `receiver` when it is a bare `super()` of Python's builtin (the
 * class `super()` starts its lookup after); undefined for anything else.
 */
export function superCallClass(
  f: OrmFile,
  receiver: SyntaxNode | null | undefined,
): SyntaxNode | undefined {
  const fn = receiver?.type === "call" ? receiver.childForFieldName("function") : undefined;
  const args = receiver?.childForFieldName("arguments")?.namedChildren ?? [];
  if (fn?.type !== "identifier" || fn.text !== "super" || args.length > 0) return undefined;
  if (!f.file.isBuiltin("super", fn)) return undefined;
  const method = f.file.enclosingScope(receiver!);
  if (method.type !== "function_definition") return undefined;
  const holder = method.parent?.type === "decorated_definition" ? method.parent : method;
  const cls = holder.parent?.parent;
  return holder.parent?.type === "block" && cls?.type === "class_definition" ? cls : undefined;
}
