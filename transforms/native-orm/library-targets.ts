import { factoryModelsIn } from "../../src/project/factory-returns.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// What `sync_to_async(<target>)` runs when the target is a library's object that has ORM-like
// method names but no async API (orm-review-3 N2, N9): said as what it is, never as "annotate it
// with its model class" (a factory class or a FieldFile cannot be one, and following that advice
// would write `acreate`/`asave` calls that do not exist).

/** factory_boy's class methods that build or save instances. */
const FACTORY_METHODS =
  /^(create|build|create_batch|build_batch|get_or_create|stub|simple_generate)$/;

/**
 * `sync_to_async(CitationFactory.create)`, `sync_to_async(DocketFactory)`: a factory_boy factory,
 * named `<X>Factory` and either imported or a class of this file on a `...Factory` base. What it
 * runs, said; undefined when the target is no such factory.
 */
export function factoryTarget(f: OrmFile, target: SyntaxNode): string | undefined {
  const cls = target.type === "attribute" ? target.childForFieldName("object") : target;
  const method = target.type === "attribute" ? target.childForFieldName("attribute")?.text : "";
  if (cls?.type !== "identifier" || !/^[A-Z]\w*Factory$/.test(cls.text)) return undefined;
  if (method !== "" && !FACTORY_METHODS.test(method ?? "")) return undefined;
  const local = localFactoryClass(f, cls);
  if (!local && !f.file.importBindingOf(cls.text, cls)) return undefined;
  if (local && buildsDicts(local))
    return `${cls.text}, a factory_boy factory that builds a plain dict or list in memory (no database work: calling it directly would do)`;
  const model = local ? factoryModelsIn(f.file.source)?.[cls.text] : undefined;
  const what = method
    ? `${cls.text}.${method}(), a factory_boy factory's class method`
    : `${cls.text}(...), a factory_boy factory`;
  return `${what}${model ? ` (Meta.model ${model})` : ""}; factory_boy has no async API (a DjangoModelFactory saves through the sync ORM)`;
}

/** The class of this file `name` is bound to, when one of its bases is a `...Factory`. */
function localFactoryClass(f: OrmFile, name: SyntaxNode): SyntaxNode | undefined {
  const bound = f.file.bindingsNamed(name.tree.rootNode, name.text);
  const cls = bound.length === 1 ? bound[0].node.parent : undefined;
  if (cls?.type !== "class_definition") return undefined;
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  return bases.some((b) => /Factory$/.test(b.text)) ? cls : undefined;
}

/** `class EntryFactory(factory.DictFactory)`: builds dicts in memory, no model behind it. */
function buildsDicts(cls: SyntaxNode): boolean {
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  return bases.some((b) => /(^|\.)(Dict|List)Factory$/.test(b.text));
}

/** FieldFile methods that reach the storage: `save` and `delete` also save the instance by default. */
const FIELD_FILE_METHODS = new Set(["save", "delete", "open", "read", "chunks", "close"]);

/**
 * `sync_to_async(record_set.recording_archive.save)`: a FileField's value is a FieldFile, whose
 * storage methods have no async form in Django. Proven when the owner is a proven instance of a
 * model declaring the field; "named like" when only the project's models declare that name, as
 * a file field and as nothing else.
 */
export function fieldFileTarget(f: OrmFile, target: SyntaxNode): string | undefined {
  const field = target.childForFieldName("object");
  const method = target.childForFieldName("attribute")?.text ?? "";
  if (field?.type !== "attribute" || !FIELD_FILE_METHODS.has(method)) return undefined;
  const owner = field.childForFieldName("object")!;
  const name = field.childForFieldName("attribute")!.text;
  const models = f.ctx.project.models;
  const storage =
    method !== "save" && method !== "delete"
      ? "file storage work"
      : savesInstance(target)
        ? "storage work that also saves the instance (save=True by default)"
        : "storage work";
  const proven = owner.type === "identifier" ? f.proofs.instanceOf(owner) : undefined;
  if (proven)
    return models[proven.model]?.files?.includes(name)
      ? `${field.text}.${method}(), FieldFile.${method}() of ${proven.model}'s FileField ${name}: ${storage}, with no async form in Django`
      : undefined;
  const declaring = Object.entries(models).filter(([, m]) => m.files?.includes(name));
  const otherwise = Object.values(models).some(
    (m) =>
      m.relations.includes(name) ||
      m.managers.includes(name) ||
      (m.manyToMany ?? []).includes(name) ||
      (m.reverse ?? []).includes(name),
  );
  if (declaring.length === 0 || otherwise) return undefined;
  const names = declaring.map(([model]) => model).join(", ");
  return `${field.text}.${method}(), FieldFile.${method}() if ${owner.text} is a model instance (${name} is a FileField of ${names} in this project, and no relation or manager of that name): ${storage}, with no async form in Django`;
}

/** `sync_to_async(x.f.save)(name, content, save=False)`: the call's `save=` is not False. */
function savesInstance(target: SyntaxNode): boolean {
  const wrapper = target.parent?.parent;
  const call = wrapper?.parent?.type === "call" ? wrapper.parent : undefined;
  const save = call
    ?.childForFieldName("arguments")
    ?.namedChildren.find(
      (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "save",
    );
  return save?.childForFieldName("value")?.text !== "False";
}
