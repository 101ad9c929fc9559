import type { OrmProofs } from "../../src/django/proofs.js";
import { blockingMethod, FIELD_FILE, isFileFieldClass } from "../../src/python/effects.js";
import type { BlockingMethods } from "../../src/python/effects.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { moduleClass } from "./classes.js";

/*
 * Django's FieldFile: `profile.avatar.save(name, content)` writes through the field's storage and
 * saves the instance, `profile.resume.open()`/`.read()` read from it. A method's name says
 * nothing (`image.save(buffer)` is PIL's): the receiver must be a proven model instance (the
 * ORM proofs) and the attribute a file field its model declares, read from the model's source.
 */

/** A file field as its model declares it: `ImageField`, where. */
export interface FileField {
  kind: string;
  path: string;
  line: number;
}

/** By absolute model class name (`accounts.models.Profile`), its file fields by name. */
export type FileFields = Readonly<Record<string, Readonly<Record<string, FileField>>>>;

/** The asks of the survey for a model's file fields: `ff:accounts.models.Profile`. */
export const FIELDS_KEY = "ff:";

/**
 * The file fields a module-level class of the file declares in its own body (`avatar =
 * models.ImageField(...)`), or undefined when the file defines no class of that name. Fields an
 * abstract base declares are not read: such a field is missed, never guessed.
 */
export function fileFieldsOf(
  file: FileSemantics,
  className: string,
): Record<string, FileField> | undefined {
  const cls = moduleClass(file.root, className);
  if (!cls) return undefined;
  const fields: Record<string, FileField> = {};
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assignment = statement.type === "expression_statement" && statement.namedChildren[0];
    if (!assignment || assignment.type !== "assignment") continue;
    const target = assignment.childForFieldName("left");
    const value = assignment.childForFieldName("right");
    const callee = value?.type === "call" ? value.childForFieldName("function") : null;
    if (target?.type !== "identifier" || !callee) continue;
    if (callee.type !== "identifier" && callee.type !== "attribute") continue;
    const kind = callee.text.slice(callee.text.lastIndexOf(".") + 1);
    if (isFileFieldClass(kind))
      fields[target.text] = { kind, path: file.path, line: statement.startPosition.row + 1 };
  }
  return fields;
}

/**
 * Where the model class a proof names is defined, seen from `at`: the absolute name of an
 * imported class, or this file's own class (`local`).
 */
export function modelSource(
  file: FileSemantics,
  model: string,
  at: SyntaxNode,
): { key: string } | { local: true } | undefined {
  const binding = file.importBindingOf(model, at);
  if (!binding) return moduleClass(file.root, model) ? { local: true } : undefined;
  if (!binding.qualified.endsWith(`.${model}`) && binding.qualified !== model) return undefined;
  const absolute = absoluteName(binding.qualified, file.module, file.path);
  return absolute?.includes(".") ? { key: absolute } : undefined;
}

/** `profile.avatar.save`: the instance and field of a call on a field's value, with the method. */
function fieldAccess(
  file: FileSemantics,
  callee: SyntaxNode,
): { instance: SyntaxNode; field: string; method: string } | undefined {
  if (callee.type !== "attribute") return undefined;
  let value = callee.childForFieldName("object");
  // `resume = profile.résumé` (its one binding where it is read), then `resume.read()`.
  if (value?.type === "identifier") {
    const bound = file.visibleBindings(value, value.text);
    const site = bound.length === 1 ? bound[0].node.parent : undefined;
    const assigned =
      site?.type === "assignment" && site.childForFieldName("left")?.id === bound[0].node.id;
    value = assigned ? site!.childForFieldName("right") : null;
  }
  if (value?.type !== "attribute") return undefined;
  const instance = value.childForFieldName("object");
  if (instance?.type !== "identifier") return undefined;
  return {
    instance,
    field: value.childForFieldName("attribute")!.text,
    method: callee.childForFieldName("attribute")!.text,
  };
}

/**
 * The models whose file fields a file's calls need, by absolute name (for the survey to read):
 * calls `<instance>.<attr>.<method>()` of a FieldFile's blocking methods on proven instances
 * (or on a name bound to `<instance>.<attr>`).
 */
export function fieldModelsAsked(file: FileSemantics, proofs: OrmProofs): string[] {
  const keys = new Set<string>();
  for (const call of file.root.descendantsOfType("call")) {
    const access = fieldAccess(file, call.childForFieldName("function")!);
    if (!access || !blockingMethod(FIELD_FILE, access.method)) continue;
    const proof = proofs.instanceOf(access.instance);
    const source = proof && modelSource(file, proof.model, call);
    if (source && "key" in source) keys.add(source.key);
  }
  return [...keys];
}

/** A call on a proven instance's file field: the catalogue's entry and what the field is. */
export interface FieldFileCall {
  entry: BlockingMethods;
  /** `Profile.avatar, an ImageField (accounts/models.py:12)`. */
  says: string;
}

/** `profile.avatar.save(...)` where `profile` is a proven instance and `avatar` a file field. */
export function fieldFileCall(
  file: FileSemantics,
  proofs: OrmProofs,
  callee: SyntaxNode,
  known: FileFields,
): FieldFileCall | undefined {
  const access = fieldAccess(file, callee);
  const entry = access && blockingMethod(FIELD_FILE, access.method);
  if (!access || !entry) return undefined;
  const proof = proofs.instanceOf(access.instance);
  const source = proof && modelSource(file, proof.model, callee);
  if (!proof || !source) return undefined;
  const fields = "key" in source ? known[source.key] : fileFieldsOf(file, proof.model);
  const field = fields && Object.hasOwn(fields, access.field) ? fields[access.field] : undefined;
  if (!field) return undefined;
  const where = field.path === file.path ? `line ${field.line}` : `${field.path}:${field.line}`;
  const article = /^[AEIOU]/.test(field.kind) ? "an" : "a";
  return {
    entry,
    says: `${proof.model}.${access.field}, ${article} ${field.kind} at ${where}`,
  };
}
