import type { ModelFacts, SyntaxNode } from "../model/types.js";

/** A Python identifier, which may hold letters beyond ASCII (`class Bücher`). */
export const IDENTIFIER = "[\\p{ID_Start}_][\\p{ID_Continue}]*";

const CLASS_WITH_BASES = new RegExp(`\\bclass\\s+${IDENTIFIER}\\s*\\(`, "u");

/** A cheap text check: can this file declare a class with bases (a model, or a base of one)? */
export function mayDeclareModels(source: string): boolean {
  return CLASS_WITH_BASES.test(source);
}

const FIELD_RELATIONS = new Set(["ForeignKey", "OneToOneField"]);
const FIELD_MANY_TO_MANY = new Set(["ManyToManyField"]);

/**
 * Base classes that make a class a Django model without the pre-pass seeing their source:
 * Django's own abstract models and the common third-party ones.
 */
const MODEL_BASES = new Set([
  "Model",
  "AbstractUser",
  "AbstractBaseUser",
  "PermissionsMixin",
  // django-extensions and django-model-utils
  "TimeStampedModel",
  "TitleDescriptionModel",
  "TitleSlugDescriptionModel",
  "ActivatorModel",
  "StatusModel",
  "SoftDeletableModel",
  "TimeFramedModel",
  // django-mptt, django-treebeard, django-polymorphic
  "MPTTModel",
  "MP_Node",
  "AL_Node",
  "NS_Node",
  "PolymorphicModel",
]);

/** `models.CharField(...)`, `models.ManyToManyField(...)`: a field only a model body declares. */
function isModelField(callee: SyntaxNode): boolean {
  if (callee.type !== "attribute") return false;
  const owner = callee.childForFieldName("object");
  return owner?.text === "models" && /Field$/.test(lastName(callee));
}

function lastName(expr: SyntaxNode): string {
  return expr.type === "attribute" ? (expr.childForFieldName("attribute")?.text ?? "") : expr.text;
}

/** A class with bases, as the pre-pass saw it: base names (last segments) and its field facts. */
export interface ClassFacts {
  bases: string[];
  facts: ModelFacts;
  /** The body declares a `models.<X>Field(...)`: a model, whatever its bases are. */
  declaresFields?: boolean;
}

/** Every class with bases in a file, with the managers and relation fields its body declares. */
export function classesIn(root: SyntaxNode): Record<string, ClassFacts> {
  const classes: Record<string, ClassFacts> = {};
  for (const cls of root.descendantsOfType("class_definition")) {
    const name = cls.childForFieldName("name")?.text;
    const bases = (cls.childForFieldName("superclasses")?.namedChildren ?? [])
      .filter((b) => b.type === "identifier" || b.type === "attribute")
      .map(lastName);
    if (!name || bases.length === 0) continue;
    const facts: ModelFacts = { managers: [], relations: [], manyToMany: [] };
    let declaresFields = false;
    const body = cls.childForFieldName("body");
    for (const statement of body?.namedChildren ?? []) {
      const assignment = statement.namedChildren[0];
      if (assignment?.type !== "assignment") continue;
      const target = assignment.childForFieldName("left");
      const value = assignment.childForFieldName("right");
      if (target?.type !== "identifier" || value?.type !== "call") continue;
      const callee = value.childForFieldName("function");
      const calleeName = callee ? lastName(callee) : "";
      if (callee && isModelField(callee)) declaresFields = true;
      if (FIELD_RELATIONS.has(calleeName)) facts.relations.push(target.text);
      else if (FIELD_MANY_TO_MANY.has(calleeName)) facts.manyToMany!.push(target.text);
      else if (/Manager$/.test(calleeName) || /\.as_manager$/.test(callee?.text ?? ""))
        facts.managers.push(target.text);
    }
    classes[name] = { bases, facts, ...(declaresFields ? { declaresFields } : {}) };
  }
  return classes;
}

/**
 * The model classes among classes seen in any number of files: a class is a model when a base is
 * `Model` (or a known abstract model) or another model class, in any file, or its body declares a
 * `models.<X>Field` (a third-party base the table does not know); it inherits its model
 * bases' managers and relations (abstract models declare fields for their children).
 */
export function modelClassesFrom(
  classSets: Iterable<Record<string, ClassFacts>>,
): Record<string, ModelFacts> {
  const all = new Map<string, ClassFacts>();
  for (const set of classSets) for (const [name, cls] of Object.entries(set)) all.set(name, cls);
  const models: Record<string, ModelFacts> = {};
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, cls] of all) {
      if (models[name]) continue;
      const modelBases = cls.bases.filter((b) => b !== name && models[b]);
      const known = cls.declaresFields || cls.bases.some((b) => MODEL_BASES.has(b));
      if (!known && modelBases.length === 0) continue;
      const facts: ModelFacts = {
        managers: [...cls.facts.managers],
        relations: [...cls.facts.relations],
        manyToMany: [...(cls.facts.manyToMany ?? [])],
      };
      for (const base of modelBases) {
        facts.managers.push(...models[base].managers);
        facts.relations.push(...models[base].relations);
        facts.manyToMany!.push(...(models[base].manyToMany ?? []));
      }
      models[name] = facts;
      changed = true;
    }
  }
  return models;
}

/** The model classes one file declares (bases resolved within the file only). */
export function modelClassesIn(root: SyntaxNode): Record<string, ModelFacts> {
  return modelClassesFrom([classesIn(root)]);
}
