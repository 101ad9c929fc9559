import type { ManagerChains, ModelFacts, SyntaxNode } from "../model/types.js";
import { basesOutsideOrm, importedModules } from "./class-bases.js";
import { chainMethodsOf, resolvedChainMethods } from "./chain-methods.js";
import { inMemoryMethodsOf } from "./in-memory-methods.js";
import { columnKindOf } from "./model-columns.js";
import { purePropertiesOf } from "./pure-properties.js";
import { querysetPropertiesOf } from "./queryset-properties.js";
import { querysetMadeBy } from "./project-chains.js";
import {
  boundTargetsOf,
  pkRelationNullable,
  relationTargetNode,
  targetWriting,
} from "./relation-keys.js";
import type { TargetWriting } from "./relation-keys.js";
import { inheritedReverse, metaOf, relationWritten } from "./reverse-names.js";
import type { MetaFacts, PendingReverse } from "./reverse-names.js";
import { LIBRARY_BASE_MANY_TO_MANY } from "./library-models.js";

const libraryManyToMany = (base: string) => LIBRARY_BASE_MANY_TO_MANY[base] ?? [];

/** A Python identifier, which may hold letters beyond ASCII (`class Bücher`). */
export const IDENTIFIER = "[\\p{ID_Start}_][\\p{ID_Continue}]*";

const CLASS_WITH_BASES = new RegExp(`\\bclass\\s+${IDENTIFIER}\\s*\\(`, "u");

/** A cheap text check: can this file declare a class with bases (a model, or a base of one)? */
export function mayDeclareModels(source: string): boolean {
  return CLASS_WITH_BASES.test(source);
}

const FIELD_RELATIONS = new Set(["ForeignKey", "OneToOneField"]);
const FIELD_MANY_TO_MANY = new Set(["ManyToManyField"]);
/** `models.FileField`, `ImageField`, a storage package's `S3FileField`: values are FieldFiles. */
const FILE_FIELD = /^\w*(?:File|Image)Field$/;

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

/** Whether a base class name (its last segment) is one of Django's or a known library's model bases. */
export function isKnownModelBase(name: string): boolean {
  return MODEL_BASES.has(name);
}

/** `models.CharField(...)`, `models.ManyToManyField(...)`: a field only a model body declares. */
function isModelField(callee: SyntaxNode, imports?: Map<string, string>): boolean {
  if (!/Field$/.test(lastName(callee))) return false;
  // `CharField(...)` after `from django.db.models import CharField`.
  if (callee.type === "identifier") return imports?.get(callee.text) === "django.db.models";
  if (callee.type !== "attribute") return false;
  const owner = callee.childForFieldName("object")?.text.replace(/\s+/g, "");
  return owner === "models" || owner === "django.db.models";
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
  /** Bases known to lie outside the ORM (`BaseModel` imported from pydantic, `object`). */
  outsideOrm?: string[];
  /** Manager attributes and the class each is made of: `objects = TicketManager()`. */
  managerClasses?: Record<string, string>;
  /** The public methods a manager class (a base ends in `Manager`) defines. */
  methods?: string[];
  /** `[model, related_name]` of each ForeignKey or ManyToManyField naming its reverse manager. */
  reverse?: [string, string][];
  /** A manager or QuerySet class's methods that only build a queryset, with their `self` deps. */
  chainMethods?: Record<string, string[]>;
  /** Manager attributes made of a QuerySet class: `PostQuerySet.as_manager()`, `from_queryset`. */
  managerQuerysets?: Record<string, string>;
  /** A manager class whose `get_queryset` makes a QuerySet class of the project: that class. */
  makesQueryset?: string;
  /** Its `class Meta`'s reverse-name options, when it declares one (reverse-names.ts). */
  meta?: MetaFacts;
  /** Relations whose reverse name its concrete model decides (reverse-names.ts). */
  pendingReverse?: PendingReverse[];
  /** A pghistory event model: the tracked model, whose fields and relations it copies. */
  tracks?: string;
}

/** The body facts of a class: its managers, relation fields and, for a manager, its methods. */
function bodyFactsOf(
  body: SyntaxNode | null,
  isManager: boolean,
  imports?: Map<string, string>,
  bound: (name: string) => boolean = () => false,
): Omit<ClassFacts, "bases"> {
  const cls: Omit<ClassFacts, "bases"> = {
    facts: { managers: [], relations: [], manyToMany: [] },
  };
  if (isManager) {
    const chains = chainMethodsOf(body, imports);
    if (Object.keys(chains).length > 0) cls.chainMethods = chains;
    const made = querysetMadeBy(body);
    if (made) cls.makesQueryset = made;
  }
  const { facts } = cls;
  const writings: Record<string, TargetWriting> = {};
  const meta = isManager ? undefined : metaOf(body);
  if (meta) cls.meta = meta;
  for (const statement of body?.namedChildren ?? []) {
    const def =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    const method = def?.type === "function_definition" ? def.childForFieldName("name")?.text : "";
    if (isManager && method && !method.startsWith("_")) (cls.methods ??= []).push(method);
    const assignment = statement.namedChildren[0];
    if (assignment?.type !== "assignment") continue;
    const target = assignment.childForFieldName("left");
    const value = assignment.childForFieldName("right");
    if (target?.type !== "identifier" || value?.type !== "call") continue;
    const callee = value.childForFieldName("function");
    const calleeName = callee ? lastName(callee) : "";
    if (callee && isModelField(callee, imports)) cls.declaresFields = true;
    const column = columnKindOf(value, imports);
    if (column) facts.columns = { ...facts.columns, [target.text]: column };
    if (FIELD_RELATIONS.has(calleeName)) {
      facts.relations.push(target.text);
      const to = relationTarget(value);
      if (to) facts.targets = { ...facts.targets, [target.text]: to };
      const nullable = pkRelationNullable(value);
      if (nullable !== undefined)
        facts.pkRelations = { ...facts.pkRelations, [target.text]: nullable };
      writings[target.text] = targetWriting(value);
    } else if (FIELD_MANY_TO_MANY.has(calleeName)) {
      facts.manyToMany!.push(target.text);
      const to = relationTarget(value);
      if (to) facts.manyToManyTargets = { ...facts.manyToManyTargets, [target.text]: to };
    } else if (FILE_FIELD.test(calleeName)) (facts.files ??= []).push(target.text);
    else if (/Manager$/.test(calleeName) || /\.as_manager$/.test(callee?.text ?? "")) {
      facts.managers.push(target.text);
      if (/Manager$/.test(calleeName))
        cls.managerClasses = { ...cls.managerClasses, [target.text]: calleeName };
      const queryset = callee?.type === "attribute" ? querysetOfManager(callee) : undefined;
      if (queryset) cls.managerQuerysets = { ...cls.managerQuerysets, [target.text]: queryset };
    } else if (callee?.type === "call" && /\.from_queryset$/.test(lastCallee(callee))) {
      // `models.Manager.from_queryset(PostQuerySet)()`, or a project manager's.
      facts.managers.push(target.text);
      const maker = callee.childForFieldName("function")!;
      const base = lastName(maker.childForFieldName("object") ?? maker);
      if (base !== "Manager" && base !== "BaseManager")
        cls.managerClasses = { ...cls.managerClasses, [target.text]: base };
      const queryset = callee.childForFieldName("arguments")?.namedChildren[0];
      if (queryset?.type === "identifier" || queryset?.type === "attribute")
        cls.managerQuerysets = { ...cls.managerQuerysets, [target.text]: lastName(queryset) };
    }
    if (calleeName === "ForeignKey" || FIELD_MANY_TO_MANY.has(calleeName))
      reverseFact(cls, meta, relationWritten(value));
  }
  const boundTargets = boundTargetsOf(writings, facts.targets, bound);
  if (boundTargets.length > 0) facts.boundTargets = boundTargets;
  const inMemory = isManager ? [] : inMemoryMethodsOf(body);
  if (inMemory.length > 0) facts.inMemoryMethods = inMemory;
  const pureProperties = isManager ? [] : purePropertiesOf(body, imports);
  if (pureProperties.length > 0) facts.inMemoryProperties = pureProperties;
  const querysets = isManager ? {} : querysetPropertiesOf(body);
  if (Object.keys(querysets).length > 0) facts.querysetProperties = querysets;
  return cls;
}

/**
 * A relation's reverse name where the class's own body fixes it (a plain `related_name`, or its
 * own Meta's plain `default_related_name`); else left for its concrete model to decide
 * (reverse-names.ts: an abstract model's fields, `%(class)s` patterns, an inherited Meta).
 */
function reverseFact(
  cls: Omit<ClassFacts, "bases">,
  meta: MetaFacts | undefined,
  written: PendingReverse | undefined,
): void {
  if (!written) return;
  const [target, related] = written;
  const fixed = meta?.abstract
    ? undefined
    : related
      ? related
      : meta?.defaultRelatedName && !meta.defaultRelatedName.includes("%")
        ? meta.defaultRelatedName
        : undefined;
  if (fixed && !fixed.includes("%")) (cls.reverse ??= []).push([target, fixed]);
  else (cls.pendingReverse ??= []).push(written);
}

/** `PostQuerySet.as_manager` -> `PostQuerySet`. */
function querysetOfManager(callee: SyntaxNode): string | undefined {
  if (callee.childForFieldName("attribute")?.text !== "as_manager") return undefined;
  const owner = callee.childForFieldName("object");
  return owner ? lastName(owner) : undefined;
}

/** The callee text of a call, as written. */
function lastCallee(call: SyntaxNode): string {
  return call.childForFieldName("function")?.text ?? "";
}

/** `ForeignKey(Player, ...)`, `OneToOneField("game.Player", ...)`, `to="self"`: the class name. */
function relationTarget(call: SyntaxNode): string | undefined {
  const target = relationTargetNode(call);
  if (target?.type === "identifier" || target?.type === "attribute") return lastName(target);
  return target?.type === "string"
    ? /^["'](?:[\w.]*\.)?(\w+)["']$/.exec(target.text)?.[1]
    : undefined;
}

/**
 * Every class with bases in a file, with the managers and relation fields its body declares.
 * `source` (the file's text) says where the bases are imported from.
 */
export function classesIn(root: SyntaxNode, source?: string): Record<string, ClassFacts> {
  const classes: Record<string, ClassFacts> = {};
  const imports = source === undefined ? undefined : importedModules(source);
  // The classes the module declares at its top level.
  const topClasses = new Set(
    root.namedChildren
      .map((c) => (c.type === "decorated_definition" ? c.childForFieldName("definition") : c))
      .filter((c) => c?.type === "class_definition")
      .map((c) => c!.childForFieldName("name")?.text ?? ""),
  );
  const bound = (name: string) => topClasses.has(name);
  for (const cls of root.descendantsOfType("class_definition")) {
    const name = cls.childForFieldName("name")?.text;
    // `models.Manager["RunEnvelope"]`, `Generic[T]`: the class subscripted (orm-review-6 R4).
    const written = (cls.childForFieldName("superclasses")?.namedChildren ?? [])
      .map((b) => (b.type === "subscript" ? (b.childForFieldName("value") ?? b) : b))
      .filter((b) => b.type === "identifier" || b.type === "attribute");
    const bases = written.map(lastName);
    if (!name || bases.length === 0) continue;
    const outside = imports
      ? basesOutsideOrm(
          written.map((b) => b.text),
          imports,
        )
      : [];
    const body = bodyFactsOf(
      cls.childForFieldName("body"),
      bases.some((b) => /(Manager|QuerySet)$/.test(b)),
      imports,
      bound,
    );
    classes[name] = { bases, ...body, ...(outside.length ? { outsideOrm: outside } : {}) };
    const event = trackedEventModel(cls);
    if (event && !classes[event]) classes[event] = eventModelFacts(name);
  }
  return classes;
}

/**
 * orm-review-3 N6: `@pghistory.track(...)` on `class UserTag` makes the model `UserTagEvent`
 * (or the `model_name=` given) in the same module: the tracked model's fields, its ForeignKeys
 * copied as ForeignKeys, plus `pgh_obj` and `pgh_context`, two more relations.
 */
function trackedEventModel(cls: SyntaxNode): string | undefined {
  const holder = cls.parent;
  if (holder?.type !== "decorated_definition") return undefined;
  for (const decorator of holder.namedChildren) {
    const expr = decorator.type === "decorator" ? decorator.namedChildren[0] : undefined;
    const callee = expr?.type === "call" ? expr.childForFieldName("function") : undefined;
    if (callee?.text.replace(/\s+/g, "") !== "pghistory.track") continue;
    const named = expr!
      .childForFieldName("arguments")
      ?.namedChildren.find(
        (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "model_name",
      )
      ?.childForFieldName("value");
    if (named) return /^["'](\w+)["']$/.exec(named.text)?.[1];
    return `${cls.childForFieldName("name")?.text}Event`;
  }
  return undefined;
}

/** The event model's facts: a model on the tracked one's fields (see modelClassesFrom). */
function eventModelFacts(tracked: string): ClassFacts {
  return {
    bases: [],
    facts: { managers: [], relations: ["pgh_obj", "pgh_context"], manyToMany: [] },
    declaresFields: true,
    tracks: tracked,
  };
}

/**
 * The classes of every file by name. orm-review-7 S25: where two files declare a class of the
 * same name (a model `RGBView` and a strawberry type `RGBView` on a base of the same name), the
 * one with more evidence of a model (fields declared, relations, managers, columns) is the one
 * the name stands for in the facts; on a tie the later file's, as before.
 */
function classesByName(classSets: Iterable<Record<string, ClassFacts>>): Map<string, ClassFacts> {
  const all = new Map<string, ClassFacts>();
  for (const set of classSets)
    for (const [name, cls] of Object.entries(set)) {
      const seen = all.get(name);
      if (!seen || modelEvidence(cls) >= modelEvidence(seen)) all.set(name, cls);
    }
  return all;
}

function modelEvidence(cls: ClassFacts): number {
  const { facts } = cls;
  const declared =
    facts.relations.length +
    facts.managers.length +
    (facts.manyToMany?.length ?? 0) +
    Object.keys(facts.columns ?? {}).length;
  return (cls.declaresFields ? 2 : 0) + (declared > 0 ? 1 : 0) - (cls.outsideOrm?.length ? 1 : 0);
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
  const all = classesByName(classSets);
  const models: Record<string, ModelFacts> = {};
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, cls] of all) {
      if (models[name]) continue;
      if (cls.tracks) {
        const tracked = models[cls.tracks];
        if (!tracked) continue;
        models[name] = {
          managers: [],
          relations: [...cls.facts.relations, ...tracked.relations],
          ...(tracked.targets ? { targets: tracked.targets } : {}),
          ...(tracked.files ? { files: tracked.files } : {}),
        };
        changed = true;
        continue;
      }
      const modelBases = cls.bases.filter((b) => b !== name && models[b]);
      const known = cls.declaresFields || cls.bases.some((b) => MODEL_BASES.has(b));
      if (!known && modelBases.length === 0) continue;
      const fromLibrary = cls.bases.flatMap((b) => (all.has(b) ? [] : libraryManyToMany(b)));
      const facts: ModelFacts = {
        managers: [...cls.facts.managers],
        relations: [...cls.facts.relations],
        manyToMany: [...new Set([...(cls.facts.manyToMany ?? []), ...fromLibrary])],
      };
      const files = [
        ...(cls.facts.files ?? []),
        ...modelBases.flatMap((b) => models[b].files ?? []),
      ];
      if (files.length > 0) facts.files = files;
      Object.assign(facts, inheritedMaps(cls, modelBases, models));
      if (cls.meta?.abstract) facts.abstract = true;
      const overrides = managerOverridesOf(cls, all);
      for (const base of modelBases) {
        facts.managers.push(...models[base].managers);
        facts.relations.push(...models[base].relations);
        facts.manyToMany!.push(...(models[base].manyToMany ?? []));
        for (const [manager, methods] of Object.entries(models[base].managerOverrides ?? {}))
          overrides[manager] ??= methods;
      }
      if (Object.keys(overrides).length > 0) facts.managerOverrides = overrides;
      const chains = managerChainsOf(cls, all);
      for (const base of modelBases)
        for (const [manager, c] of Object.entries(models[base].chains ?? {})) chains[manager] ??= c;
      if (Object.keys(chains).length > 0) facts.chains = chains;
      const own = selfManagersOf(cls, all);
      if (own) facts.selfManagers = own;
      if (cls.facts.inMemoryMethods) facts.inMemoryMethods = cls.facts.inMemoryMethods;
      if (cls.facts.inMemoryProperties) facts.inMemoryProperties = cls.facts.inMemoryProperties;
      // Its own only: a subclass may define the name otherwise.
      if (cls.facts.querysetProperties) facts.querysetProperties = cls.facts.querysetProperties;
      models[name] = facts;
      changed = true;
    }
  }
  addReverseManagers(all, models);
  for (const [name, cls] of all)
    for (const base of cls.bases)
      if (models[name] && models[base] && base !== name)
        (models[base].subclasses ??= []).push(name);
  return models;
}

const extendedOf = new WeakMap<Map<string, ClassFacts>, Set<string>>();

/** Every name some class of `all` has as a base, made once per `all` (not once per manager). */
function extendedIn(all: Map<string, ClassFacts>): Set<string> {
  let extended = extendedOf.get(all);
  if (!extended) {
    extended = new Set();
    for (const other of all.values()) for (const base of other.bases) extended.add(base);
    extendedOf.set(all, extended);
  }
  return extended;
}

/** The model's manager classes that no other class of the project extends (see selfManagers). */
function selfManagersOf(
  cls: ClassFacts,
  all: Map<string, ClassFacts>,
): Record<string, string> | undefined {
  // `objects = ChannelQuerySet.as_manager()`: `self` in the QuerySet's methods is one of this
  // model's querysets (orm-review-4 P7), a manager class of the same attribute first.
  const classes = { ...(cls.managerQuerysets ?? {}), ...(cls.managerClasses ?? {}) };
  const entries = Object.entries(classes).filter(
    ([, className]) => all.has(className) && !extendedIn(all).has(className),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * The maps a model takes from its model bases, its own entries last: columns, relation targets,
 * and which relations point at a primary key. `boundTargets` is its own only: an inherited
 * field's target is bound in its base's module.
 */
function inheritedMaps(
  cls: ClassFacts,
  modelBases: string[],
  models: Record<string, ModelFacts>,
): Pick<ModelFacts, "columns" | "targets" | "manyToManyTargets" | "pkRelations" | "boundTargets"> {
  const merged = <T>(pick: (m: ModelFacts) => Record<string, T> | undefined) => {
    const all = Object.assign({}, ...modelBases.map((b) => pick(models[b])), pick(cls.facts));
    return Object.keys(all).length > 0 ? (all as Record<string, T>) : undefined;
  };
  const columns = merged((m) => m.columns);
  const targets = merged((m) => m.targets);
  const pkRelations = merged((m) => m.pkRelations);
  const manyToManyTargets = merged((m) => m.manyToManyTargets);
  return {
    ...(columns ? { columns } : {}),
    ...(targets ? { targets } : {}),
    ...(manyToManyTargets ? { manyToManyTargets } : {}),
    ...(pkRelations ? { pkRelations } : {}),
    ...(cls.facts.boundTargets ? { boundTargets: cls.facts.boundTargets } : {}),
  };
}

/** The related_name managers each model's ForeignKeys and ManyToManyFields give their targets. */
function addReverseManagers(all: Map<string, ClassFacts>, models: Record<string, ModelFacts>) {
  for (const [name, cls] of all) {
    if (!models[name]) continue;
    for (const [target, related] of [...(cls.reverse ?? []), ...inheritedReverse(name, all)]) {
      const model = models[target === "self" ? name : target];
      if (model && !(model.reverse ??= []).includes(related)) model.reverse.push(related);
      if (model) (model.reverseModels ??= {})[related] = name;
    }
  }
}

/**
 * By manager attribute, the public methods its manager class defines, with those of the project
 * manager classes it extends: what the native `a<method>()` would not call.
 */
function managerOverridesOf(
  cls: ClassFacts,
  all: Map<string, ClassFacts>,
): Record<string, string[]> {
  const overrides: Record<string, string[]> = {};
  for (const [manager, className] of Object.entries(cls.managerClasses ?? {})) {
    const methods = new Set<string>();
    const seen = new Set<string>();
    for (let queue = [className]; queue.length > 0;) {
      const next = queue.pop()!;
      const manager = all.get(next);
      if (seen.has(next) || !manager) continue;
      seen.add(next);
      for (const m of manager.methods ?? []) methods.add(m);
      queue = [...queue, ...manager.bases];
    }
    if (methods.size > 0) overrides[manager] = [...methods].sort();
  }
  return overrides;
}

/**
 * The classes of `models` modules that are not models: "plain" when every base is known outside
 * the ORM or is itself such a project class (`class CardRequest(BaseModel)`, pydantic's), else
 * "unknown" (a base the pre-pass cannot see may be a third-party abstract model).
 */
export function otherClassesFrom(
  inModelsModules: Iterable<Record<string, ClassFacts>>,
  classSets: Iterable<Record<string, ClassFacts>>,
  models: Record<string, ModelFacts>,
): Record<string, "plain" | "unknown"> {
  const all = classesByName(classSets);
  const plain = new Map<string, boolean>();
  const isPlain = (name: string): boolean => {
    if (plain.has(name)) return plain.get(name)!;
    plain.set(name, false); // a cycle of bases proves nothing
    const cls = all.get(name);
    const result =
      !!cls &&
      !models[name] &&
      cls.bases.every((b) => cls.outsideOrm?.includes(b) || (b !== name && isPlain(b)));
    plain.set(name, result);
    return result;
  };
  const others: Record<string, "plain" | "unknown"> = {};
  for (const set of inModelsModules)
    for (const name of Object.keys(set))
      if (!models[name]) others[name] = isPlain(name) ? "plain" : "unknown";
  return others;
}

/** The project classes behind each manager attribute of a model, and their chain methods. */
function managerChainsOf(
  cls: ClassFacts,
  all: Map<string, ClassFacts>,
): Record<string, ManagerChains> {
  const chains: Record<string, ManagerChains> = {};
  for (const manager of cls.facts.managers) {
    const managerClass = cls.managerClasses?.[manager];
    const querysetClass =
      cls.managerQuerysets?.[manager] ??
      withBases(managerClass, all)
        .map((c) => all.get(c)?.makesQueryset)
        .find(Boolean);
    const fromManager = withBases(managerClass, all);
    const fromQueryset = withBases(querysetClass, all);
    if (fromManager.length + fromQueryset.length === 0) continue;
    const methods: Record<string, string> = {};
    const deps = (classes: string[]) => {
      const found: Record<string, string[]> = {};
      for (const name of classes) {
        for (const m of all.get(name)?.methods ?? []) methods[m] ??= name;
        for (const [m, d] of Object.entries(all.get(name)?.chainMethods ?? {})) found[m] ??= d;
      }
      return found;
    };
    const querysetDeps = deps(fromQueryset);
    // A manager made by get_queryset() alone has none of its QuerySet class's methods itself.
    const proxied = cls.managerQuerysets?.[manager] !== undefined;
    const managerDeps = { ...(proxied ? querysetDeps : {}), ...deps(fromManager) };
    const own = fromQueryset.flatMap((name) => all.get(name)?.methods ?? []);
    const shadowed = own.filter((m) => /^a[a-z]/.test(m)).map((m) => m.slice(1));
    chains[manager] = {
      manager: resolvedChainMethods(managerDeps),
      queryset: resolvedChainMethods(querysetDeps),
      methods,
      ...(shadowed.length > 0 ? { shadowed } : {}),
    };
  }
  return chains;
}

/** A project class and the project classes among its bases, nearest first. */
function withBases(name: string | undefined, all: Map<string, ClassFacts>): string[] {
  const found: string[] = [];
  for (let queue = name ? [name] : []; queue.length > 0;) {
    const next = queue.shift()!;
    if (found.includes(next) || !all.has(next)) continue;
    found.push(next);
    queue.push(...all.get(next)!.bases);
  }
  return found;
}
