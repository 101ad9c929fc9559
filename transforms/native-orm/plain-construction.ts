import { projectTopModules } from "../../src/project/index-lookup.js";
import { fromModuleName } from "../../src/python/shapes.js";
import { useProjectRecords } from "../../src/python/record-classes.js";
import type { ImportBinding, ProjectIndex, SyntaxNode } from "../../src/model/types.js";
import { isExpressionClass } from "../../src/django/in-memory-calls.js";
import type { OrmFile } from "./types.js";
import { qualifiedName } from "../../src/python/imports.js";
import { importedClass } from "../../src/python/imported-constants.js";

// orm-review-4 P20: `ControllerInfo(url=..., token=job.uuid)` builds a pydantic model of the
// project in memory. A class of the project is built in memory when every base up its chain
// stores what it is given (src/project/plain-classes.ts) and no class of the chain defines code
// that runs when an instance is built: `__init__`, `__new__`, `__post_init__`, a pydantic
// validator or `model_post_init`, a ninja `resolve_*` method. The arguments are judged where
// they are written, as any other call's.

/** Methods run when an instance is built (or validated, for pydantic and ninja). */
const CONSTRUCTION_HOOKS = /^(__init__|__new__|__post_init__|model_post_init|resolve_\w+)$/;
const VALIDATOR = /validator$|^validates?$/i;

/** `Name` or `module.Name` as called: the class name, if the callee reads as one. */
function className(callee: SyntaxNode): string | undefined {
  const name =
    callee.type === "identifier"
      ? callee.text
      : callee.type === "attribute"
        ? callee.childForFieldName("attribute")?.text
        : undefined;
  return name && /^_*[A-Z]/.test(name) ? name : undefined;
}

/** By class name, the first method of it the index holds that runs when an instance is built. */
const hooksOf = new WeakMap<object, ReadonlyMap<string, string>>();

function constructionHooks(index: ProjectIndex): ReadonlyMap<string, string> {
  const known = hooksOf.get(index);
  if (known) return known;
  const hooks = new Map<string, string>();
  for (const fn of index.functions)
    if (
      fn.className &&
      !hooks.has(fn.className) &&
      (CONSTRUCTION_HOOKS.test(fn.name) || fn.decorators.some((d) => VALIDATOR.test(d)))
    )
      hooks.set(fn.className, `${fn.className}.${fn.name} (${fn.path}:${fn.line})`);
  hooksOf.set(index, hooks);
  return hooks;
}

/**
 * Where a class of `chain` (a class of the project and its project bases) runs code of its own
 * when an instance is built (`Message.__init__ (app/messages.py:14)`), by the project's index.
 */
export function constructionHook(f: OrmFile, chain: readonly string[]): string | undefined {
  const index = f.ctx.project.index;
  if (!index) return "the project's index (not built for a lone file)";
  const hooks = constructionHooks(index);
  return chain.map((cls) => hooks.get(cls)).find(Boolean);
}

/**
 * Is `callee(...)` the construction of a class of the project built in memory? The name must be
 * bound to a class: imported from a module of the project, or a class statement of this file.
 */
export function isPlainConstruction(f: OrmFile, callee: SyntaxNode): boolean {
  if (isLocalDataclass(f, callee)) return true;
  const name = className(callee);
  const facts = name ? f.ctx.project.plainClasses?.[name] : undefined;
  if (!name || !facts || !boundToClass(f, callee)) return false;
  return constructionHook(f, facts.chain) === undefined;
}

const DATACLASS_DECORATORS =
  /^(dataclasses\.dataclass|attr\.(s|define|frozen|attrs)|attrs\.(define|frozen)|strawberry\.(type|input|interface))$/;
const INIT_HOOKS = /^(__init__|__new__|__post_init__|__attrs_post_init__|__attrs_pre_init__)$/;

/**
 * orm-review-6 R3b (daiv's `PoolEntry(name=row.name)`): a `@dataclass` (or attrs class) of this
 * file with no bases and no hook run at construction, whose fields' defaults are no
 * `default_factory` of a function: built in memory, its arguments stored.
 */
function isLocalDataclass(f: OrmFile, callee: SyntaxNode): boolean {
  if (callee.type !== "identifier") return false;
  // orm-human-7 K4: one of another project module (`from .types import PlainIndicator`).
  const imported = f.file.importBindingOf(callee.text, callee);
  const bound = imported ? [] : f.file.visibleBindings(callee, callee.text);
  const cls = imported
    ? importedClass(callee, imported.qualified)
    : bound.length === 1
      ? bound[0].node.parent
      : undefined;
  if (!imported && cls?.type === "class_definition" && isLocalExpression(f, cls)) return true;
  const holder = cls?.parent;
  if (cls?.type !== "class_definition" || holder?.type !== "decorated_definition") return false;
  if ((cls.childForFieldName("superclasses")?.namedChildren.length ?? 0) > 0) return false;
  const decorated = holder.namedChildren.some((d) => {
    if (d.type !== "decorator") return false;
    const expr = d.namedChildren[0];
    const target = expr?.type === "call" ? expr.childForFieldName("function") : expr;
    return !!target && DATACLASS_DECORATORS.test(qualifiedName(target) ?? "");
  });
  const body = cls.childForFieldName("body");
  const hooked = (body?.namedChildren ?? []).some((m) => {
    const def = m.type === "decorated_definition" ? m.childForFieldName("definition") : m;
    return (
      def?.type === "function_definition" &&
      INIT_HOOKS.test(def.childForFieldName("name")?.text ?? "")
    );
  });
  return (
    decorated &&
    !hooked &&
    !/default_factory\s*=\s*(?!(list|dict|set|tuple)\b)/.test(body?.text ?? "")
  );
}

/**
 * orm-review-6 R15 (`class TsVectorConcat(Func): template = ...`): a class of this file whose
 * bases are all Django's query expressions and which runs no `__init__` of its own: building it
 * builds an expression, in memory.
 */
function isLocalExpression(f: OrmFile, cls: SyntaxNode): boolean {
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  if (bases.length === 0 || bases.some((b) => !isExpressionClass(f.file.qualifiedName(b))))
    return false;
  return !(cls.childForFieldName("body")?.namedChildren ?? []).some((m) => {
    const def = m.type === "decorated_definition" ? m.childForFieldName("definition") : m;
    return (
      def?.type === "function_definition" &&
      INIT_HOOKS.test(def.childForFieldName("name")?.text ?? "")
    );
  });
}

/** Why building a class of the project otherwise built in memory is not: the code it runs. */
export function constructionProblem(f: OrmFile, callee: SyntaxNode): string | undefined {
  const name = className(callee);
  const facts = name ? f.ctx.project.plainClasses?.[name] : undefined;
  if (!name || !facts || !boundToClass(f, callee)) return undefined;
  const hook = constructionHook(f, facts.chain);
  return hook
    ? `${callee.text}() builds a class of the project that runs ${hook} when built, which is not followed: it may touch the database`
    : undefined;
}

/**
 * `Name` imported from a module of the project, or defined by a class statement of this file;
 * `mod.Name` on a module of the project. A library's class of the same name is another class.
 */
function boundToClass(f: OrmFile, callee: SyntaxNode): boolean {
  const root = callee.type === "attribute" ? callee.childForFieldName("object") : callee;
  if (root?.type !== "identifier") return false;
  const binding = f.file.importBindingOf(root.text, root);
  if (binding) return isProjectName(f, binding);
  if (callee.type !== "identifier") return false;
  const bound = f.file.visibleBindings(callee, callee.text);
  return bound.length > 0 && bound.every((b) => b.node.parent?.type === "class_definition");
}

/** Is what `binding` imports from a module of the project (relative, or under its top modules)? */
function isProjectName(f: OrmFile, binding: ImportBinding): boolean {
  if (
    binding.statement.type === "import_from_statement" &&
    fromModuleName(binding.statement).startsWith(".")
  )
    return true;
  const index = f.ctx.project.index;
  return !!index && projectTopModules(index).has(binding.qualified.split(".")[0]);
}

/** Computed attributes: a property's body runs when the attribute is read. */
const COMPUTED = /(^|\.)(property|cached_property|computed_field)$/;

const recordsOf = new WeakMap<object, Parameters<typeof useProjectRecords>[1]>();

/** What the index alone tells of records: classes computing an attribute, fields by class. */
interface IndexRecordFacts {
  computed: ReadonlySet<string>;
  fields: ReadonlyMap<string, string[]>;
  tops: ReadonlySet<string>;
}

// By index, not by project facts: each job's facts are a new object (the index is attached per
// job, see withSharedIndex), so a cache keyed by them was rebuilt for every file, reading every
// function and outline of the project each time (36% of the dense corpus's CPU).
const indexRecordFactsOf = new WeakMap<ProjectIndex, IndexRecordFacts>();

function indexRecordFacts(index: ProjectIndex): IndexRecordFacts {
  const known = indexRecordFactsOf.get(index);
  if (known) return known;
  const computed = new Set(
    index.functions.flatMap((fn) =>
      fn.className && fn.decorators.some((d) => COMPUTED.test(d)) ? [fn.className] : [],
    ),
  );
  const facts = { computed, fields: fieldAnnotations(index), tops: projectTopModules(index) };
  indexRecordFactsOf.set(index, facts);
  return facts;
}

/**
 * The project's record classes (pydantic models) no class of whose chain computes an attribute,
 * and the project's top modules: what value-kinds is told, per file, to read annotations with.
 */
export function projectRecords(f: OrmFile): Parameters<typeof useProjectRecords>[1] {
  const project = f.ctx.project;
  const known = recordsOf.get(project);
  if (known) return known;
  const index = project.index;
  const facts = index ? indexRecordFacts(index) : undefined;
  const candidates = Object.entries(project.plainClasses ?? {}).filter(
    ([, plain]) => plain.record && facts && !plain.chain.some((c) => facts.computed.has(c)),
  );
  const recordNames = new Set(candidates.map(([name]) => name));
  const fields = facts?.fields ?? new Map<string, string[]>();
  const names = new Set(
    candidates.flatMap(([name, plain]) =>
      plain.chain.every((c) => (fields.get(c) ?? []).every((a) => isPlainField(a, recordNames)))
        ? [name]
        : [],
    ),
  );
  const records = { names, tops: facts?.tops ?? new Set<string>() };
  recordsOf.set(project, records);
  return records;
}

/**
 * By class name, the annotations of the fields its body declares (`event: Optional[dict]`), as
 * the index's outlines read them; none without outlines, where no record is trusted.
 */
function fieldAnnotations(index: ProjectIndex): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  if (!index.modules) return fields;
  for (const module of Object.values(index.modules))
    for (const entry of module.annotated ?? []) {
      const [member, annotation] = entry.split("\t");
      const cls = member.slice(0, member.lastIndexOf("."));
      const list = fields.get(cls);
      if (list) list.push(annotation);
      else fields.set(cls, [annotation]);
    }
  return fields;
}

/** Words of a field annotation whose values are plain (a model instance is none of them). */
const PLAIN_FIELD_WORDS = new Set([
  ...["str", "int", "float", "bool", "bytes", "None", "dict", "list", "tuple", "set", "frozenset"],
  ...["Optional", "Union", "List", "Dict", "Tuple", "Set", "FrozenSet", "Literal", "ClassVar"],
  ...["typing", "datetime", "date", "time", "timedelta", "UUID", "uuid", "Decimal", "ConfigDict"],
]);

/**
 * A pydantic field that can hold no database object: an annotation of plain types only, or of
 * the project's records (`ControllerInfo`). `arbitrary_types_allowed` lets a field hold a model
 * instance, whose relations would be read lazily: such a field makes the class no record here.
 */
function isPlainField(annotation: string, records: ReadonlySet<string>): boolean {
  if (annotation === "*") return false;
  const words = annotation.replace(/(['"]).*?\1/g, "").match(/[A-Za-z_]\w*/g) ?? [];
  return words.every((w) => PLAIN_FIELD_WORDS.has(w) || records.has(w));
}
