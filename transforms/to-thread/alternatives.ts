import { mayDeriveFrom } from "../../src/project/class-tree.js";
import { dottedName } from "../../src/python/module-names.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import type { IndexedFunction, ProjectFacts } from "../../src/model/types.js";
import { PROJECT_KEY } from "./loop-hazards.js";

/*
 * Which other project methods a method call may run. A call on a receiver typed as a project
 * class runs that class's method or a subclass's override: SurfSense's `self._engine` is an
 * abstract `VersionedContentEngine` whose git engine takes a `threading.Lock` in
 * `open_working_copy` (hazard-review-4). A call on a receiver no annotation or constructor types
 * (`request.app.replay_manager.stop`, frigate) may run any project method of that name: the check
 * reads them all, and one that cannot run on the loop refuses the unwrap.
 */

/** More methods of one name than this are not read one by one: the call stays unproven. */
const MAX_NAMESAKES = 64;

/** The key a call reaches an indexed method by: `py:app.replay.ReplayManager.stop`. */
export function methodKey(f: IndexedFunction): string {
  return `${PROJECT_KEY}${f.module}.${f.className}.${f.name}`;
}

/**
 * The project's overrides of the method `key` names (`py:app.engines.base.Engine.open`): methods
 * of that name in classes whose heads lead to that class.
 */
export function overridesOf(project: ProjectFacts | undefined, key: string): string[] {
  if (!key.startsWith(PROJECT_KEY)) return [];
  const parts = key.slice(PROJECT_KEY.length).split(".");
  const [className, name] = parts.slice(-2);
  return parts.length < 3 || !/^[A-Z_]/.test(className)
    ? []
    : overridesIn(project, className, name);
}

/**
 * The overrides of `className.name` in the project's subclasses of that class: what
 * `self.run(...)` in an abstract `BasePipeline` runs (hazard-review-5 J16).
 */
export function overridesIn(
  project: ProjectFacts | undefined,
  className: string,
  name: string,
): string[] {
  const index = project?.index;
  if (!index) return [];
  return functionsNamed(index, name)
    .filter(
      (f) =>
        !f.nested &&
        f.className &&
        f.className !== className &&
        project.subclassHeads !== undefined &&
        mayDeriveFrom(project, f.className, className),
    )
    .map(methodKey);
}

/**
 * Test modules, which unwrap mode leaves alone (index.ts): their fakes (a `_BlockingEmbeddingModel`
 * whose `embed` waits on an Event) are not what the application's receivers hold.
 */
const TEST_MODULE = /(^|\/)(tests\/|test_[^/]*\.py$|[^/]*_test\.py$|conftest\.py$)/;

export function isTestModule(path: string): boolean {
  return TEST_MODULE.test(path);
}

/**
 * Every project method named `name` outside the tests, when few enough to read (undefined when
 * too many), the classes whose names share the most words with the receiver's first
 * (`replay_manager` -> `DebugReplayManager`): the one a message names is the likeliest.
 */
export function namesakesOf(
  project: ProjectFacts | undefined,
  name: string,
  receiver: string,
): string[] | undefined {
  const index = project?.index;
  if (!index) return [];
  const methods = functionsNamed(index, name).filter(
    (f) => !f.nested && f.className && !TEST_MODULE.test(f.path),
  );
  if (methods.length > MAX_NAMESAKES) return undefined;
  const words = new Set(wordsOf(receiver.slice(receiver.lastIndexOf(".") + 1)));
  const likeness = (f: IndexedFunction) => wordsOf(f.className!).filter((w) => words.has(w)).length;
  return methods
    .map((f, i) => ({ f, i, score: likeness(f) }))
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .map(({ f }) => methodKey(f));
}

/** `replay_manager`, `DebugReplayManager` -> `replay`, `manager` (and `debug`). */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split("_")
    .filter((w) => w.length > 1);
}

/**
 * `py:kb.milvus.Milvus` for a call `Milvus(...)`: a project class, whose construction runs its
 * `__init__` (`py:kb.milvus.Milvus.__init__`), read like any method (hazard-review-5 J18: bisheng's
 * Milvus takes a class-level `threading.Lock` in `__init__`). Undefined when no `__init__` of
 * that class is indexed (not a class, or one that inherits it).
 */
export function constructorKey(project: ProjectFacts | undefined, key: string): string | undefined {
  const index = project?.index;
  if (!index || !key.startsWith(PROJECT_KEY)) return undefined;
  const dotted = key.slice(PROJECT_KEY.length);
  const className = dotted.slice(dotted.lastIndexOf(".") + 1);
  const module = dotted.slice(0, dotted.lastIndexOf("."));
  if (!/^[A-Z]/.test(className) || !module) return undefined;
  const defines = (name: string) =>
    functionsNamed(index, name).some(
      (f) =>
        f.className === className &&
        !f.nested &&
        (f.module === module || f.module.endsWith(`.${module}`) || f.module.endsWith(`/${module}`)),
    );
  // With a `__new__` or a dataclass's `__post_init__`, the class is read whole (constructors.ts).
  const more = defines("__new__") || defines("__post_init__");
  return defines("__init__") && !more ? `${key}.__init__` : undefined;
}

/**
 * `py:app.deps.ApiDependencies.invoker.services.images.get_dto`: a method reached through
 * attributes of a project class (`ApiDependencies.invoker`, then `.services.images`), which the
 * index cannot type (InvokeAI's services, annotated with abstract classes: hazard-review-5 J2's
 * family). Such a call may run any project method of that name.
 */
export function isAttributeChainOfClass(project: ProjectFacts | undefined, key: string): boolean {
  return attributeChainOfClass(project, key) !== undefined;
}

/** `ApiDependencies` and `invoker.services.boards` for such a key (see isAttributeChainOfClass). */
export function attributeChainOfClass(
  project: ProjectFacts | undefined,
  key: string,
): { className: string; attributes: string } | undefined {
  const index = project?.index;
  if (!index || !key.startsWith(PROJECT_KEY)) return undefined;
  const parts = key.slice(PROJECT_KEY.length).split(".");
  // A library's (`EdgeShard.load(path).flush()`): its code, not a project method's namesake (V12).
  const top = dottedName(key.slice(PROJECT_KEY.length)).split(".")[0];
  if (!projectTopModules(index).has(top)) return undefined;
  const klass = parts.findIndex((p) => /^[A-Z]/.test(p));
  // A class, then at least one attribute of it, then the method.
  if (klass < 1 || parts.length - klass < 3) return undefined;
  const attributes = parts.slice(klass + 1, -1);
  if (!attributes.every((p) => /^[a-z_]/.test(p))) return undefined;
  return { className: parts[klass], attributes: attributes.join(".") };
}

/**
 * Is `made` a class of the project (dotted, its module the project's) none of whose project bases
 * or subclasses defines `name`? A value annotated so and called `name` on is of another class.
 */
export function lacksMethod(
  project: ProjectFacts | undefined,
  made: string,
  name: string,
): boolean {
  const index = project?.index;
  if (!index || !made.includes(".") || !projectTopModules(index).has(made.split(".")[0]))
    return false;
  const cls = made.slice(made.lastIndexOf(".") + 1);
  if (!/^[A-Z]/.test(cls)) return false;
  return !functionsNamed(index, name).some(
    (f) =>
      f.className !== undefined &&
      !f.nested &&
      (mayDeriveFrom(project!, cls, f.className) || mayDeriveFrom(project!, f.className, cls)),
  );
}

/** Is the class `made` names one of the project's `typing.Protocol`s (by its class head)? */
export function isProtocol(project: ProjectFacts | undefined, made: string): boolean {
  const bases = project?.subclassHeads?.[made.slice(made.lastIndexOf(".") + 1)];
  return bases?.includes("Protocol") ?? false;
}

/** The key of `className.name` when the index lists such a method (one class of that name). */
export function methodOfClass(
  project: ProjectFacts | undefined,
  className: string,
  name: string,
): string | undefined {
  const index = project?.index;
  const found = index
    ? functionsNamed(index, name).filter((f) => f.className === className && !f.nested)
    : [];
  return found.length === 1 ? methodKey(found[0]) : undefined;
}

/** More classes than this meeting one Protocol are not read one by one: the call stays unproven. */
const MAX_IMPLEMENTERS = 200;

/**
 * The methods `name` of the project's classes that meet the Protocol `protocol` (a value
 * annotated with it may be any of them): classes deriving from it, and classes that define every
 * method it declares (structurally, as a type checker accepts them). Undefined when there are
 * too many to read. crewAI's `action: _BuiltAction` runs `action.run()`, and a tool's `run`
 * takes `BaseTool._usage_lock` in another file (hazard-review-8 Y18g).
 */
export function protocolImplementers(
  project: ProjectFacts | undefined,
  protocol: string,
  name: string,
): string[] | undefined {
  const index = project?.index;
  if (!index) return [];
  const owner = protocol.slice(protocol.lastIndexOf(".") + 1);
  const declared = new Set(
    index.functions
      .filter((f) => f.className === owner && !f.nested && !/^__\w+__$/.test(f.name))
      .map((f) => f.name),
  );
  const methods = new Map<string, Set<string>>();
  for (const f of index.functions) {
    if (!f.className || f.nested || f.className === owner || isTestModule(f.path)) continue;
    const cls = `${f.module}.${f.className}`;
    methods.set(cls, (methods.get(cls) ?? new Set()).add(f.name));
  }
  const found: string[] = [];
  for (const [cls, own] of methods) {
    const className = cls.slice(cls.lastIndexOf(".") + 1);
    if (!own.has(name)) continue;
    const derives = project.subclassHeads !== undefined && mayDeriveFrom(project, className, owner);
    if (derives || [...declared].every((m) => own.has(m)))
      found.push(`${PROJECT_KEY}${cls}.${name}`);
  }
  return found.length > MAX_IMPLEMENTERS ? undefined : found;
}
