import { reexportSource } from "../../src/project/reexports.js";
import { isAlembicEnv, runsAlembicEnv } from "../../src/python/migration-scripts.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { likelyLocalMethod } from "../../src/python/mro.js";
import { moduleClass } from "./receivers.js";
import { classBodyAssignments } from "./class-attributes.js";
import { settingOf } from "../../src/model/settings.js";
import {
  functionsNamed,
  indexedModule,
  indexedName,
  modulePaths,
} from "../../src/project/index-lookup.js";
import type {
  Context,
  FileSemantics,
  IndexedFunction,
  ProjectFacts,
  ProjectIndex,
  ProjectSurvey,
  SyntaxNode,
} from "../../src/model/types.js";
import { SameFileFunctions } from "./callees.js";
import { moduleLevelClass } from "./constructors.js";
import { consumedProducer } from "./consumed-generators.js";
import { siteLambda } from "./lambda-arguments.js";
import { isLibraryDunder, propertyAccessors } from "./implicit-calls.js";
import { producerOf, siteIterator } from "./generator-steps.js";
import { contextRunFunction } from "./context-runs.js";
import { passedFunctions, wrappedFunction } from "./passed-functions.js";
import { DECORATED, DECORATING, RETURNED, returnedValues } from "./returned-callables.js";
import { HAZARD_DEPTH, PROJECT_KEY, type CallFact, type FunctionFacts } from "./loop-hazards.js";
import { targetOf, threadSites, wrapperCalls } from "./sites.js";

/*
 * Unwrap mode's survey: `await asyncio.to_thread(guarded_write, row)` may reach a function of
 * another file that takes a `threading.Lock`, sleeps or starts an event loop, a call or three
 * deep. Before the rewrite pass the survey reads the functions the unwrap sites reach in other
 * files of the project (following their calls, same file or imported, to the check's depth),
 * and the plan hands their call facts to each file's loop-hazard check.
 */

/** What one file gives: the facts of the functions asked of it, and the project keys they reach. */
export interface CalleeFacts {
  functions: Record<string, FunctionFacts>;
  /** Functions of other modules reached, with the depth they are reached at. */
  reaches: { key: string; depth: number }[];
}

/** The plan: facts of other files' functions by key, and project functions left unread. */
export interface CalleePlan {
  functions: Record<string, FunctionFacts>;
  unread: string[];
}

/** What a survey asks of a file for its module-level code (an Alembic env.py). */
const MODULE_CODE = "<module>";

/** The key the facts of a migration environment's module code are kept by. */
const ENV_KEY = "env:";

/** As deep as the loop-hazard check looks. */
const MAX_DEPTH = HAZARD_DEPTH;

/**
 * `guarded_write@2@py:app.store.guarded_write`: a function asked of a file, the depth it is
 * reached at, and the key its callers reach it by.
 */
const wanted = (name: string, depth: number, key = "") => `${name}@${depth}@${key}`;

function unwrapMode(ctx: Context, meta: Parameters<typeof settingOf>[1]): boolean {
  return settingOf(ctx, meta, "mode") === "unwrap";
}

/** The indexed function a project key names: `py:app.locks.guarded`, `py:app.store.Store.flush`. */
export function indexedByKey(index: ProjectIndex, key: string): IndexedFunction | undefined {
  if (!key.startsWith(PROJECT_KEY)) return undefined;
  const dotted = key.slice(PROJECT_KEY.length);
  const name = dotted.slice(dotted.lastIndexOf(".") + 1);
  const owner = dotted.slice(0, dotted.lastIndexOf("."));
  const ownerClass = owner.slice(owner.lastIndexOf(".") + 1);
  const asFunction = indexedModule(index, owner, name);
  const asMethod = indexedModule(index, owner.slice(0, owner.lastIndexOf(".")), name);
  return functionsNamed(index, name).find(
    (f) =>
      !f.nested &&
      (f.className ? f.className === ownerClass && f.module === asMethod : f.module === asFunction),
  );
}

/** Facts of the named defs of a file (`name`, `Class.name`) and of the same-file defs they reach. */
function factsOf(
  file: FileSemantics,
  names: readonly string[],
  project: ProjectFacts | undefined,
): CalleeFacts {
  const functions = new SameFileFunctions(file, {}, project);
  const out: CalleeFacts = { functions: {}, reaches: [] };
  const queue: { def: SyntaxNode; depth: number }[] = [];
  for (const asked of names) {
    const [name, depth, key] = asked.split("@");
    if (name === MODULE_CODE) {
      // An Alembic env.py, which a library's command runs (src/python/migration-scripts.ts).
      const facts = functions.moduleFacts(`${file.path} (run by alembic)`);
      out.functions[key] = facts;
      for (const call of facts.calls)
        for (const reached of reachedKeys(call))
          if (reached.startsWith(PROJECT_KEY))
            out.reaches.push({ key: reached, depth: Number(depth) + 1 });
          else {
            const def = functions.defOf(reached);
            if (def) queue.push({ def, depth: Number(depth) + 1 });
          }
      continue;
    }
    if (name.endsWith(RETURNED) || name.endsWith(DECORATING)) {
      const made = key ? returnedHop(functions, file, name) : undefined;
      if (made) out.functions[key] = made.facts;
      for (const k of made?.keys ?? [])
        if (k.startsWith(PROJECT_KEY)) out.reaches.push({ key: k, depth: Number(depth) });
        else queue.push({ def: functions.defOf(k)!, depth: Number(depth) });
      continue;
    }
    // A property's getter and setter share a name: both are read (implicit-calls.ts).
    const accessors = key ? propertyAccessors(functions, file, name) : undefined;
    if (accessors) {
      out.functions[key] = accessors.facts;
      queue.push(...accessors.defs.map((def) => ({ def, depth: Number(depth) })));
      continue;
    }
    // A class asked as a constructor: what building an instance runs (constructors.ts).
    const def = defNamed(file, name) ?? moduleLevelClass(file, name);
    if (!def) {
      const hop = key
        ? (reexported(file, name, key) ??
          moduleValueMethod(functions, file, name) ??
          classBases(functions, file, name))
        : undefined;
      if (hop) {
        out.functions[key] = hop.facts;
        for (const reached of hop.facts.calls)
          if (reached.reaches) out.reaches.push({ key: reached.reaches, depth: Number(depth) });
      }
      continue;
    }
    queue.push({ def, depth: Number(depth) });
    // Callers in other files reach it by its dotted name.
    if (key) out.functions[key] = functions.factsOfDef(def).facts;
  }
  followDefs(functions, queue, out);
  return out;
}

/**
 * Reads the defs of `queue` and the same-file defs they call, to the check's depth, into `out`;
 * the calls that reach other files' functions go to `out.reaches`.
 */
function followDefs(
  functions: SameFileFunctions,
  queue: { def: SyntaxNode; depth: number }[],
  out: CalleeFacts,
): void {
  for (let item = queue.shift(); item; item = queue.shift()) {
    const { key, facts } = functions.factsOfDef(item.def);
    if (Object.hasOwn(out.functions, key)) continue;
    out.functions[key] = facts;
    if (item.depth >= MAX_DEPTH) continue;
    for (const call of facts.calls)
      for (const key of reachedKeys(call)) {
        if (key.startsWith(PROJECT_KEY)) out.reaches.push({ key, depth: item.depth + 1 });
        else {
          const def = functions.defOf(key);
          if (def) queue.push({ def, depth: item.depth + 1 });
        }
      }
  }
}

/** The functions a call may run: its callee, and the overrides or namesakes it may run instead. */
function reachedKeys(call: CallFact): string[] {
  return [...(call.reaches ? [call.reaches] : []), ...(call.alternatives ?? [])];
}

/**
 * `from shop.api.catalog import list_products` in `shop/api/__init__.py`, asked for
 * `shop.api.list_products`: the package re-exports the function, and the check follows the
 * import to where it is defined (a hop, not a call: no name of its own in a message).
 */
function reexported(
  file: FileSemantics,
  name: string,
  key: string,
): { facts: FunctionFacts } | undefined {
  // `DatabaseConnectionManager.create_session` of a package re-exporting the class: its method.
  const [first, ...rest] = name.split(".");
  const from = reexportSource(file.source, file.module, file.path, first);
  const reaches = from?.includes(".") ? `${PROJECT_KEY}${[from, ...rest].join(".")}` : undefined;
  if (!reaches || reaches === key) return undefined;
  return { facts: { name, hop: true, calls: [{ text: name, reaches }], path: file.path } };
}

/**
 * `WorkflowValidator.validate_json`, asked of the module that sets `WorkflowValidator =
 * TypeAdapter(Workflow)`: the method of what made the value (a library's, or a project class's,
 * followed). Not a def of the project, it was "project code not found", and refused (InvokeAI's
 * `extract_metadata_from_image`).
 */
function moduleValueMethod(
  functions: SameFileFunctions,
  file: FileSemantics,
  qualname: string,
): { facts: FunctionFacts; reaches: string } | undefined {
  const [value, method, more] = qualname.split(".");
  if (!method || more !== undefined) return undefined;
  // `logger = base_logger` (`from loguru import logger as base_logger`): the import's method.
  const alias = functions.moduleAlias(value);
  if (alias) {
    const reaches = `${PROJECT_KEY}${alias}.${method}`;
    const call: CallFact = { text: qualname, qualified: `${alias}.${method}`, reaches };
    return { facts: { name: qualname, hop: true, calls: [call], path: file.path }, reaches };
  }
  const made = functions.moduleValueMaker(value);
  // `VISITOR_NODE_TYPES = {...}`: a builtin container's method, nothing of the project.
  if (made && BUILTIN_CONTAINERS.has(made))
    return { facts: { name: qualname, hop: true, calls: [], path: file.path }, reaches: "" };
  if (!made) return undefined;
  const cls = made.includes(".")
    ? absoluteName(made, file.module, file.path)
    : `${file.module}.${made}`;
  if (!cls) return undefined;
  // `app[k]` of `app = FastAPI()`: an implicit call of a library's value is not read (as in a file).
  if (isLibraryDunder(functions.project, cls, method))
    return { facts: { name: qualname, hop: true, calls: [], path: file.path }, reaches: "" };
  const reaches = `${PROJECT_KEY}${cls}.${method}`;
  // `with _sem:` from another module (`_sem.__enter__`): entering it, as the waits table says.
  const entered = method === "__enter__";
  const call: CallFact = {
    text: entered ? value : qualname,
    method: entered ? "with" : method,
    receiverMadeBy: made,
    reaches,
  };
  return { facts: { name: qualname, hop: true, calls: [call], path: file.path }, reaches };
}

const BUILTIN_CONTAINERS = new Set(["dict", "list", "set", "frozenset", "tuple"]);

/**
 * `eval.make_operator()`, asked for what the project function returns (returned-callables.ts):
 * the functions it returns, when every one of them is read; otherwise none, and the key stays
 * project code not read (hazard-review-6 V9b, tracecat's template operator).
 */
function returnedHop(
  functions: SameFileFunctions,
  file: FileSemantics,
  name: string,
): { facts: FunctionFacts; keys: string[] } | undefined {
  // `dec(*)`: what a decorator returns around the def it decorates (decoratorCalls); what is not
  // read there adds nothing, as at a decorator of the same file.
  const decorating = name.endsWith(DECORATING);
  const made = name.slice(0, -(decorating ? DECORATING : RETURNED).length);
  // `limiter.limit` of a module value `limiter = RateLimiter(...)`: its class's method (Z17).
  const maker = defNamed(file, made) ?? moduleValueDef(functions, file, made);
  const values = maker
    ? returnedValues(functions, maker, new Set(), decorating ? DECORATED : undefined)
    : { keys: [], unknown: !decorating };
  if (!decorating && (values.unknown || values.keys.length === 0)) return undefined;
  const calls = values.keys.map((reaches) => ({ text: name, reaches }));
  return { facts: { name, hop: true, calls, path: file.path }, keys: values.keys };
}

/**
 * A class with no `__init__` in its file, asked as a constructor: its bases' constructors run.
 * A library's or a builtin's (an exception, a pydantic model) runs no project code; a project
 * base is followed. It was "project code not found", and refused (bisheng's
 * `KnowledgeWebLinkImportError`).
 */
function classBases(
  functions: SameFileFunctions,
  file: FileSemantics,
  name: string,
): { facts: FunctionFacts } | undefined {
  // `ExecuteSubflowArgs.model_validate`: a method the class inherits (pydantic's, here).
  const [className, method, more] = name.split(".");
  const cls = more === undefined ? moduleClass(file, className) : undefined;
  // A method of its own, or a field (`fn: Callable[..., Any]`, hazard-review-6 V10): not inherited.
  if (
    !cls ||
    (method && (likelyLocalMethod(cls, method) || classBodyAssignments(cls, method).length > 0))
  )
    return undefined;
  const calls: CallFact[] = [];
  for (const base of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
    if (base.type !== "identifier" && base.type !== "attribute") continue;
    const local = base.type === "identifier" && moduleClass(file, base.text);
    const fact = local
      ? { text: base.text, reaches: `${PROJECT_KEY}${file.module}.${base.text}` }
      : functions.callFact(base, base);
    const reaches =
      fact.reaches &&
      (method ? `${fact.reaches.replace(/\.__init__$/, "")}.${method}` : fact.reaches);
    if (reaches?.startsWith(PROJECT_KEY)) calls.push({ text: fact.text, reaches });
  }
  return { facts: { name, hop: true, calls, path: file.path } };
}

/** `limiter.limit` with `limiter = RateLimiter(...)` at module level: the method of that class. */
function moduleValueDef(
  functions: SameFileFunctions,
  file: FileSemantics,
  qualname: string,
): SyntaxNode | undefined {
  const [value, method, more] = qualname.split(".");
  const made = method && more === undefined ? functions.moduleValueMaker(value) : undefined;
  const cls = made && !made.includes(".") ? moduleClass(file, made) : undefined;
  return cls && likelyLocalMethod(cls, method);
}

/** A module-level def `name` or a method `Class.name` of a module-level class. */
function defNamed(file: FileSemantics, qualname: string): SyntaxNode | undefined {
  const [first, second] = qualname.split(".");
  const statements = (node: SyntaxNode) =>
    (node.childForFieldName("body") ?? node).namedChildren.map((s) =>
      s.type === "decorated_definition" ? s.childForFieldName("definition") : s,
    );
  const named = (nodes: (SyntaxNode | null)[], type: string, name: string) =>
    nodes.filter((n) => n?.type === type && n.childForFieldName("name")?.text === name).at(-1);
  if (second === undefined)
    return named(statements(file.root), "function_definition", first) ?? undefined;
  const cls = named(statements(file.root), "class_definition", first);
  return (cls && named(statements(cls), "function_definition", second)) ?? undefined;
}

/**
 * The first round: the project functions this file's thread sites run. A site's callee is at
 * depth 0, as the loop-hazard check counts it: counted 1, the survey stopped a call short of the
 * check, and a lock as deep as the check reads was never read (hazard-review-5 J18b: bisheng's
 * `Milvus.__init__` -> `_ensure_orm_connection`, five calls below the site).
 */
function siteFacts(file: FileSemantics, project: ProjectFacts | undefined): CalleeFacts {
  const functions = new SameFileFunctions(file, {}, project);
  const out: CalleeFacts = { functions: {}, reaches: [] };
  const sameFile: string[] = [];
  for (const site of threadSites(file, wrapperCalls(file.root, file.source))) {
    const target = targetOf(file, site);
    if (!target || "problem" in target) continue;
    // `to_thread(next, it)`: what made the generator runs (generator-steps.ts).
    const iterator = siteIterator(file, target, site.call);
    const ran = contextRunFunction(file, (f, at) => functions.callFact(f, at), site, target);
    const fn =
      ran ??
      consumedProducer({ functions }, target, site.call) ??
      (iterator ? producerOf(file, iterator, site.call) : target.fn);
    if (!fn) continue;
    const fact = functions.callFact(fn, fn);
    // `lambda: f(g())`: what the lambda computes in the thread (lambda-arguments.ts).
    const lambda = siteLambda(target);
    if (lambda) sameFile.push(functions.keyOf(lambda));
    // `func` a parameter of a helper: what its callers pass (passed-functions.ts).
    const wrapped = wrappedFunction(fn);
    for (const arg of wrapped ? [wrapped] : (passedFunctions(file, fn, project?.index) ?? []))
      for (const key of reachedKeys(functions.callFact(arg, arg)))
        if (key.startsWith(PROJECT_KEY)) out.reaches.push({ key, depth: 0 });
        else sameFile.push(key);
    for (const key of reachedKeys(fact))
      if (key.startsWith(PROJECT_KEY)) out.reaches.push({ key, depth: 0 });
      else sameFile.push(key);
  }
  // Same-file callees are read by the rewrite pass itself; what they import is asked here, for a
  // def nested in the caller too (InvokeAI's `_resize` closure, whose imported helpers were
  // never read).
  const inner: CalleeFacts = { functions: {}, reaches: [] };
  const queue = sameFile.map((key) => ({ def: functions.defOf(key), depth: 0 }));
  followDefs(
    functions,
    queue.filter((item): item is { def: SyntaxNode; depth: number } => item.def !== undefined),
    inner,
  );
  out.reaches.push(...inner.reaches);
  return out;
}

/**
 * The files `module` may be: a module or package the index lists functions of, or a plain module
 * defining none, which may still re-export one (`from app.utils.converters import embed_texts`
 * + `__all__`: hazard-review-4 K10, SurfSense's document_embedder.py), found by its outline.
 */
function moduleFiles(index: ProjectIndex, module: string): string[] {
  const paths = modulePaths(index, module);
  if (paths.length > 0) return paths;
  const path = outlinePaths(index).get(module);
  return path === undefined ? [] : [path];
}

/**
 * The first file of each module id among the index's outlines. Every survey round asks again for
 * the keys still unread, and a scan of every outline per key was 80% of skyvern's unwrap run
 * (hazard-review-7: 66 s -> 334 s); built once per index.
 */
const OUTLINE_PATHS = new WeakMap<ProjectIndex, Map<string, string>>();

function outlinePaths(index: ProjectIndex): Map<string, string> {
  let paths = OUTLINE_PATHS.get(index);
  if (!paths) {
    paths = new Map();
    for (const [path, outline] of Object.entries(index.modules ?? {}))
      if (!paths.has(outline.module)) paths.set(outline.module, path);
    OUTLINE_PATHS.set(index, paths);
  }
  return paths;
}

/** The project's Alembic migration environments (env.py files importing alembic). */
function alembicEnvs(index: ProjectIndex): string[] {
  return Object.entries(index.modules ?? {})
    .filter(([path, outline]) => isAlembicEnv(path, outline.imports))
    .map(([path]) => path);
}

/** Every key reached and not surveyed yet, with the smallest depth it is reached at. */
function pending(facts: readonly CalleeFacts[]): Map<string, number> {
  const known = new Set<string>();
  const reached = new Map<string, number>();
  for (const f of facts) {
    for (const key of Object.keys(f.functions)) known.add(key);
    for (const { key, depth } of f.reaches)
      reached.set(key, Math.min(depth, reached.get(key) ?? Infinity));
  }
  for (const key of known) reached.delete(key);
  return reached;
}

export function calleeSurvey(
  meta: Parameters<typeof settingOf>[1],
): ProjectSurvey<CalleeFacts, CalleePlan> {
  return {
    startWords: ["to_thread", "run_in_executor"],
    start: (_index, ctx, rewritten) => (unwrapMode(ctx, meta) ? [...rewritten] : []),
    facts: (file, ctx, asked) =>
      asked ? factsOf(file, asked, ctx.project) : siteFacts(file, ctx.project),
    next(facts, index) {
      const byPath = new Map<string, string[]>();
      const ask = (path: string, what: string) => {
        const list = byPath.get(path) ?? [];
        list.push(what);
        byPath.set(path, list);
      };
      for (const [key, depth] of pending(facts)) {
        if (depth > MAX_DEPTH) continue;
        if (runsAlembicEnv(key.slice(PROJECT_KEY.length))) {
          for (const path of alembicEnvs(index))
            ask(path, wanted(MODULE_CODE, depth, ENV_KEY + path));
          continue;
        }
        // A class (`Milvus(...)`, perhaps through a package's re-export): its `__init__` runs.
        const fn = indexedByKey(index, key) ?? indexedByKey(index, `${key}.__init__`);
        if (fn) ask(fn.path, wanted(indexedName(fn), depth, key));
        else if (key.startsWith(PROJECT_KEY)) {
          // Not defined where it is imported from: a package re-exporting it, perhaps.
          const dotted = key.slice(PROJECT_KEY.length);
          const module = dotted.slice(0, dotted.lastIndexOf("."));
          const name = dotted.slice(dotted.lastIndexOf(".") + 1);
          for (const path of moduleFiles(index, module)) ask(path, wanted(name, depth, key));
          // `module.Value.method`: a method of a module-level value (moduleValueMethod).
          const owner = module.slice(0, module.lastIndexOf("."));
          const value = `${module.slice(module.lastIndexOf(".") + 1)}.${name}`;
          if (owner && moduleFiles(index, module).length === 0)
            for (const path of moduleFiles(index, owner)) ask(path, wanted(value, depth, key));
        }
      }
      return [...byPath].map(([path, names]) => ({ path, wanted: names }));
    },
    plan(facts, ctx) {
      const index = ctx.project.index!;
      // By file and offset (as that file's calls reach them) and by dotted name (as imports do).
      const functions: Record<string, FunctionFacts> = {};
      for (const f of facts) Object.assign(functions, f.functions);
      // `alembic.command.upgrade(...)` runs each env.py read: its facts are theirs.
      const envs = Object.keys(functions).filter((k) => k.startsWith(ENV_KEY));
      for (const key of pending(facts).keys())
        if (envs.length > 0 && runsAlembicEnv(key.slice(PROJECT_KEY.length)))
          functions[key] = {
            name: key.slice(PROJECT_KEY.length),
            calls: envs.map((env) => ({ text: env.slice(ENV_KEY.length), reaches: env })),
          };
      const unread = [...pending(facts).keys()].filter((key) => indexedByKey(index, key));
      return { plan: { functions, unread }, modules: [] };
    },
  };
}
