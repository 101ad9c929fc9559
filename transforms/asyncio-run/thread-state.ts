import { surveyedPlan } from "../../src/model/plans.js";
import { pendingKeys } from "../../src/project/survey-reach.js";
import {
  firstFunctionIn,
  methodsNamed,
  methodsOfName,
  pathsOfModuleTail,
} from "../../src/project/index-modules.js";
import { threadLocals } from "./thread-local-names.js";
import { factoryBound, importedKey, KEY, MAKER, makerAnswer } from "./thread-factories.js";
import type {
  Context,
  FileSemantics,
  IndexedFunction,
  ProjectIndex,
  ProjectSurvey,
  SyntaxNode,
} from "../../src/model/types.js";

/**
 * asyncio.run runs the coroutine on the caller's thread; async_to_sync runs it on another one.
 * A coroutine that reaches thread-local state (a SQLAlchemy `scoped_session`, a
 * `threading.local()`) sees another session or object after the rewrite. Read in this file (the
 * coroutine function, the functions of the file it calls, and the functions that made its
 * arguments, a few calls deep), and through the project: a survey follows the names those
 * functions import into the modules defining them (`from app.db import Session, save_name`). Which names are thread-local: thread-local-names.ts.
 */

/** How deep the check follows calls, in a file and across files. */
const DEPTH = 4;

/** Module-level defs of the file by name, and methods of its module-level classes as `C.m`. */
function moduleDefs(file: FileSemantics): Map<string, SyntaxNode> {
  const defs = new Map<string, SyntaxNode>();
  const unwrap = (s: SyntaxNode) =>
    s.type === "decorated_definition" ? s.childForFieldName("definition") : s;
  for (const statement of file.root.namedChildren) {
    const def = unwrap(statement);
    if (def?.type === "function_definition") defs.set(def.childForFieldName("name")!.text, def);
    if (def?.type !== "class_definition") continue;
    const cls = def.childForFieldName("name")!.text;
    for (const member of def.childForFieldName("body")?.namedChildren ?? []) {
      const method = unwrap(member);
      if (method?.type === "function_definition")
        defs.set(`${cls}.${method.childForFieldName("name")!.text}`, method);
    }
  }
  return defs;
}

/** `self.run_async(...)`: a method any subclass of the project may override. */
function selfMethod(inner: SyntaxNode): string | undefined {
  const callee = inner.childForFieldName("function");
  const object = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  return object?.type === "identifier" && object.text === "self"
    ? callee!.childForFieldName("attribute")!.text
    : undefined;
}

/** What the functions reached from some names of a file use: thread-local state, or imports. */
interface Reached {
  /** `Session (a sqlalchemy.orm.scoped_session, used by save_name())`. */
  hit?: string;
  /** The same, naming where the state is made: `..., app/db.py:5, used by save_name())`. */
  hitThere?: string;
  /** Names of other modules they use, by key, with the function of this file using each. */
  imports: Map<string, string>;
}

/**
 * `self.metrics.log_metric(...)` in a method, where the class says what `self.metrics` is (a
 * class-level annotation `metrics: MetricContext`, or `self.metrics = MetricContext(...)`):
 * `py:app.telemetry.MetricContext.log_metric`, the method of that class.
 */
function attributeMethodKeys(file: FileSemantics, def: SyntaxNode): string[] {
  const cls = def.parent?.parent;
  if (cls?.type !== "class_definition") return [];
  const keys: string[] = [];
  for (const call of def.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    const holder = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
    if (holder?.type !== "attribute" || holder.childForFieldName("object")?.text !== "self")
      continue;
    const type = attributeClass(cls, holder.childForFieldName("attribute")!.text);
    const key = type ? (importedKey(file, type) ?? localClassKey(file, type)) : undefined;
    if (key) keys.push(`${key}.${callee!.childForFieldName("attribute")!.text}`);
  }
  return keys;
}

/** The class named by `attr: C` in the class body or `self.attr = C(...)` in its methods. */
function attributeClass(cls: SyntaxNode, attr: string): SyntaxNode | undefined {
  for (const assignment of cls.descendantsOfType("assignment")) {
    const left = assignment.childForFieldName("left");
    const named =
      left?.text === attr && assignment.parent?.parent?.id === cls.childForFieldName("body")?.id
        ? assignment.childForFieldName("type")?.namedChildren[0]
        : left?.text === `self.${attr}`
          ? assignment.childForFieldName("right")?.childForFieldName("function")
          : undefined;
    if (named?.type === "identifier") return named;
  }
  return undefined;
}

/**
 * `MetricContext(repo_id).log_metric()`, and `ctx = MetricContext(repo_id)` then
 * `ctx.log_metric()`: methods of an instance the function makes itself, as `C.m` when the class
 * is this file's (`defs`), else as the key of the imported class (named with a capital, so that
 * a function's result is not taken for a class).
 */
function instanceMethods(
  file: FileSemantics,
  def: SyntaxNode,
  defs: Map<string, SyntaxNode>,
): { local: string[]; keys: string[] } {
  const made = new Map<string, SyntaxNode>();
  for (const assignment of def.descendantsOfType("assignment")) {
    const left = assignment.childForFieldName("left");
    const ctor = assignment.childForFieldName("right")?.childForFieldName("function");
    if (left?.type === "identifier" && ctor?.type === "identifier") made.set(left.text, ctor);
  }
  const out = { local: [] as string[], keys: [] as string[] };
  for (const call of def.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (callee?.type !== "attribute") continue;
    const object = callee.childForFieldName("object")!;
    const ctor = object.type === "call" ? object.childForFieldName("function") : undefined;
    const cls =
      ctor?.type === "identifier"
        ? ctor
        : object.type === "identifier"
          ? made.get(object.text)
          : undefined;
    const method = callee.childForFieldName("attribute")!.text;
    if (!cls) continue;
    if (defs.has(`${cls.text}.${method}`)) out.local.push(`${cls.text}.${method}`);
    const key = /^[A-Z]/.test(cls.text) ? importedKey(file, cls) : undefined;
    if (key) out.keys.push(`${key}.${method}`);
  }
  return out;
}

/** A class defined in this file, by the key its module gives it. */
function localClassKey(file: FileSemantics, name: SyntaxNode): string | undefined {
  return file.module ? `${KEY}${file.module}.${name.text}` : undefined;
}

/** Walks the defs named (and those of the file they call), a few calls deep. */
function reachedFrom(file: FileSemantics, names: readonly string[]): Reached {
  const locals = threadLocals(file);
  const bound = factoryBound(file);
  const defs = moduleDefs(file);
  const imports = new Map<string, string>();
  const seen = new Set<string>();
  let current = [...names];
  for (let depth = 0; depth < DEPTH && current.length > 0; depth++) {
    const next: string[] = [];
    for (const name of current) {
      // `MetricContext(...)` runs `MetricContext.__init__`.
      const def = defs.get(name) ?? defs.get(`${name}.__init__`);
      if (!def || seen.has(name)) continue;
      seen.add(name);
      for (const id of def.descendantsOfType("identifier")) {
        const local = locals.get(id.text);
        if (local && file.importBindingOf(id.text, id) === undefined)
          return {
            hit: `${id.text} (a ${local.made}, used by ${name}())`,
            hitThere: `${id.text} (a ${local.made}, ${file.path}:${local.line}, used by ${name}())`,
            imports,
          };
        // `Session = make_registry(url)` above: asked of this module, which asks the factory's.
        const madeThere = bound.has(id.text) && !locals.has(id.text) && file.module;
        if (madeThere && !imports.has(`${KEY}${file.module}.${id.text}`))
          imports.set(`${KEY}${file.module}.${id.text}`, name);
        if (id.parent?.type === "call" && id.parent.childForFieldName("function")?.id === id.id)
          next.push(id.text);
        // `self.populate()` in a method: the class's own method.
        const owner = name.includes(".") ? name.split(".")[0] : undefined;
        const call = id.parent?.parent;
        if (
          owner &&
          id.parent?.type === "attribute" &&
          id.parent.childForFieldName("object")?.text === "self" &&
          id.parent.childForFieldName("attribute")?.id === id.id &&
          call?.type === "call" &&
          call.childForFieldName("function")?.id === id.parent.id
        )
          next.push(`${owner}.${id.text}`);
        // `db.Session` (a module's attribute) or `Session.execute` (the imported name itself).
        for (const key of [importedKey(file, id), importedKey(file, id, false)])
          if (key && !imports.has(key)) imports.set(key, name);
      }
      const instances = instanceMethods(file, def, defs);
      next.push(...instances.local);
      for (const key of [...attributeMethodKeys(file, def), ...instances.keys])
        if (!imports.has(key)) imports.set(key, name);
    }
    current = next;
  }
  return { imports };
}

/** A function whose result a coroutine call's argument is, and the argument's text. */
interface ArgumentMaker {
  callee: SyntaxNode;
  argument: string;
}

/**
 * The functions whose results the coroutine call's arguments are (`session = get_session()`
 * then `asyncio.run(record(session, name))`): what they return is handed to the coroutine.
 */
function argumentMakers(file: FileSemantics, inner: SyntaxNode): ArgumentMaker[] {
  const fn = file.enclosingFunction(inner);
  const args = inner.childForFieldName("arguments")?.namedChildren ?? [];
  const makers: ArgumentMaker[] = [];
  for (const arg of args) {
    const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
    if (value?.type === "call")
      makers.push({ callee: value.childForFieldName("function")!, argument: value.text });
    if (value?.type !== "identifier" || !fn) continue;
    for (const b of file.bindingsNamed(fn, value.text)) {
      const right =
        b.node.parent?.type === "assignment" ? b.node.parent.childForFieldName("right") : null;
      const callee = right?.type === "call" ? right.childForFieldName("function") : null;
      if (callee?.type === "identifier" || callee?.type === "attribute")
        makers.push({ callee, argument: value.text });
    }
  }
  return makers;
}

/** Where the walk starts: names of this file, imported keys, and state an argument's maker makes. */
interface Starts {
  names: string[];
  keys: string[];
  /** `session (a sqlalchemy.orm.scoped_session made by make_registry() at app/db.py:8)`. */
  made?: string;
  /** Factories of other modules asked whether they make the state, with the argument each made. */
  makers: Map<string, string>;
}

/**
 * The coroutine function and its arguments' makers. A maker is also asked whether it makes
 * thread-local state itself (`session = make_registry(url)`, handed to the coroutine).
 */
function startsOf(file: FileSemantics, inner: SyntaxNode): Starts {
  const out: Starts = { names: [], keys: [], makers: new Map() };
  const coroutine = inner.childForFieldName("function");
  const starts = [...(coroutine ? [{ callee: coroutine, argument: "" }] : [])];
  for (const { callee, argument } of [...starts, ...argumentMakers(file, inner)]) {
    const root = callee.type === "attribute" ? callee.childForFieldName("object") : callee;
    const key = root?.type === "identifier" ? importedKey(file, root) : undefined;
    if (key) out.keys.push(key);
    if (key && argument) out.makers.set(`${MAKER}${key}`, argument);
    else if (callee.type === "identifier") out.names.push(callee.text);
    if (key || !argument || callee.type !== "identifier") continue;
    const answer = makerAnswer(file, callee.text);
    if (answer.hit) out.made ??= `${argument} (a ${answer.hit})`;
    for (const maker of answer.reaches) out.makers.set(maker, argument);
  }
  return out;
}

/** What the survey found: thread-local state each key of the project reaches. */
export interface ThreadStatePlan {
  hits: Record<string, string>;
}

/**
 * `session (a sqlalchemy.orm.scoped_session, used by sync_orders)` when the coroutine `inner`
 * (or a function making one of its arguments) reaches thread-local state, in this file or, by
 * the survey's plan, in another file of the project; else undefined.
 */
export function threadLocalReached(
  file: FileSemantics,
  inner: SyntaxNode,
  ctx: Context,
): string | undefined {
  const { names, keys, made, makers } = startsOf(file, inner);
  if (made) return made;
  const reached = reachedFrom(file, names);
  if (reached.hit) return reached.hit;
  const hits = surveyedPlan<ThreadStatePlan>(ctx, "asyncio-run")?.hits ?? {};
  for (const key of keys) if (hits[key]) return hits[key];
  for (const [key, argument] of makers) if (hits[key]) return `${argument} (a ${hits[key]})`;
  const method = selfMethod(inner);
  if (method && hits[`method:${method}`]) return hits[`method:${method}`];
  for (const [key, by] of reached.imports)
    if (hits[key]) return `${hits[key]}, reached from ${by}()`;
  return undefined;
}

/** What one file gives the survey: hits by key, and the keys each of its keys reaches. */
export interface StateFacts {
  hits: Record<string, string>;
  reaches: Record<string, string[]>;
  /** How many modules away from an asyncio.run site each key asked of this file is. */
  depths: Record<string, number>;
  /** Names bound to an imported factory's result, by key. */
  bound?: Record<string, BoundName>;
}

/** `Session = make_registry(url)`: the name, and where it is bound (`app/models.py:7`). */
interface BoundName {
  name: string;
  at: string;
}

/** The asyncio.run calls of a file outside `async def`: where the coroutine changes thread. */
function runCalls(file: FileSemantics): SyntaxNode[] {
  if (!/\basyncio\b/.test(file.source) || !/\brun\s*\(/.test(file.source)) return [];
  return file.root.descendantsOfType("call").filter((call) => {
    const fn = call.childForFieldName("function");
    return fn?.type === "attribute" && file.qualifiedName(fn) === "asyncio.run";
  });
}

function siteFacts(file: FileSemantics): StateFacts {
  const out: StateFacts = { hits: {}, reaches: {}, depths: {} };
  for (const call of runCalls(file)) {
    const inner = call.childForFieldName("arguments")?.namedChildren[0];
    if (inner?.type !== "call") continue;
    const { names, keys, makers } = startsOf(file, inner);
    const site = `${file.path}:${call.startIndex}`;
    const method = selfMethod(inner);
    out.reaches[site] = [
      ...keys,
      ...makers.keys(),
      ...reachedFrom(file, names).imports.keys(),
      ...(method ? [`method:${method}`] : []),
    ];
    out.depths[site] = 0;
  }
  return out;
}

/** The names asked of a module: thread-local bindings, or functions and what they reach. */
function askedFacts(file: FileSemantics, asked: readonly string[]): StateFacts {
  const out: StateFacts = { hits: {}, reaches: {}, depths: {} };
  const locals = threadLocals(file);
  for (const entry of asked) {
    const [name, key, depth, override] = entry.split("@");
    out.depths[key] = Number(depth);
    const local = locals.get(name);
    if (local) {
      out.hits[key] = `${name} (a ${local.made}, ${file.path}:${local.line})`;
      continue;
    }
    if (override === "maker") {
      const answer = makerAnswer(file, name);
      if (answer.hit) out.hits[key] = answer.hit;
      else out.reaches[key] = answer.reaches;
      continue;
    }
    const made = factoryBound(file).get(name);
    if (made) {
      out.reaches[key] = [made.maker];
      out.bound = { ...out.bound, [key]: { name, at: `${file.path}:${made.line}` } };
      continue;
    }
    const reached = reachedFrom(file, [name]);
    if (reached.hitThere) out.hits[key] = reached.hitThere;
    else out.reaches[key] = [...reached.imports.keys()];
    // `Class.run_async`, asked for `self.run_async` of a base class: one of its overrides.
    const method = override ? name.split(".")[1] : undefined;
    if (method) out.reaches[`method:${method}`] = [...(out.reaches[`method:${method}`] ?? []), key];
  }
  return out;
}

/**
 * Where a key may be, and the name to ask there: a module-level name of a module the index
 * knows, or a method (`py:app.telemetry.MetricContext.log_metric`) of a class it lists.
 */
function placesOfKey(index: ProjectIndex, key: string): { path: string; name: string }[] {
  const parts = key.slice(KEY.length).split(".");
  const name = parts.at(-1)!;
  const module = parts.slice(0, -1).join(".");
  // By maps made once per index (issue 25: a scan of every function per key was a tenth of the
  // dense corpus's run), answering as the scans in index order did.
  const paths = pathsOfModuleTail(index, module);
  if (paths.length > 0) return paths.map((path) => ({ path, name }));
  // A method of a class the index lists: `py:app.telemetry.MetricContext.log_metric`.
  const cls = parts.at(-2);
  const owner = parts.slice(0, -2).join(".");
  const inOwner = (f: IndexedFunction) => f.module === owner || f.module.endsWith(`.${owner}`);
  const method =
    cls !== undefined
      ? methodsNamed(index, cls, name).find(inOwner)
      : index.functions.find((f) => f.className === cls && f.name === name && inOwner(f));
  if (method) return [{ path: method.path, name: `${cls}.${name}` }];
  // A module with no function (`Session = scoped_session(...)` alone): beside a sibling's file.
  const package_ = module.slice(0, module.lastIndexOf("."));
  const sibling = firstFunctionIn(index, package_);
  if (!sibling) return [];
  const folder = sibling.path.slice(0, sibling.path.lastIndexOf("/") + 1);
  const file = module.slice(package_.length + 1);
  return [
    { path: `${folder}${file}.py`, name },
    { path: `${folder}${file}/__init__.py`, name },
  ];
}

/**
 * Where a factory key may be: `py:app.db.make_registry` is `make_registry` of `app.db`, or the
 * method `db.make_registry` of a class `db` of `app`: every module the index's outlines list under
 * either name (a package `__init__` without a def included).
 */
function makerPlaces(index: ProjectIndex, key: string): { path: string; name: string }[] {
  if (!index.modules) return placesOfKey(index, key);
  const parts = key.slice(KEY.length).split(".");
  const readings = [
    { module: parts.slice(0, -1).join("."), name: parts.at(-1)! },
    { module: parts.slice(0, -2).join("."), name: parts.slice(-2).join(".") },
  ];
  const places: { path: string; name: string }[] = [];
  for (const [path, { module }] of Object.entries(index.modules))
    for (const reading of readings)
      if (reading.module && (module === reading.module || module.endsWith(`.${reading.module}`)))
        places.push({ path, name: reading.name });
  return places;
}

/** How the plan says the state `found` reaches, as reached by `key`. */
function hitText(key: string, found: string, state: string, bound?: BoundName): string {
  if (bound) return `${bound.name} (a ${state}, ${bound.at})`;
  // A re-export or a delegating factory: the maker names the function that makes the state.
  if (key.startsWith(MAKER)) return state;
  if (key.startsWith("method:"))
    return `${state}, reached by the override ${found.slice(KEY.length).split(".").slice(-2).join(".")}()`;
  const name = found.slice(found.lastIndexOf(".") + 1);
  return state.startsWith(`${name} (`) ? state : `${state}, reached through ${name}()`;
}

/** Thread-local state a key reaches through the keys it reaches, as the plan says it. */
function resolvedHits(facts: readonly StateFacts[]): Record<string, string> {
  const hits: Record<string, string> = {};
  const reaches: Record<string, string[]> = {};
  const bound: Record<string, BoundName> = {};
  for (const f of facts) {
    Object.assign(hits, f.hits);
    Object.assign(bound, f.bound);
    for (const [key, keys] of Object.entries(f.reaches))
      reaches[key] = [...(reaches[key] ?? []), ...keys];
  }
  for (let round = 0; round < DEPTH * 4; round++) {
    let changed = false;
    for (const [key, keys] of Object.entries(reaches)) {
      const found = hits[key] ? undefined : keys.find((k) => hits[k]);
      if (!found) continue;
      hits[key] = hitText(key, found, hits[found], bound[key]);
      changed = true;
    }
    if (!changed) break;
  }
  return hits;
}

/**
 * asyncio-run's survey: from each asyncio.run site's coroutine (and its arguments' makers) to
 * the names they import, module by module, until thread-local state or nothing new is found.
 */
export const threadStateSurvey: ProjectSurvey<StateFacts, ThreadStatePlan> = {
  startWords: ["asyncio"],
  start: (_index, _ctx, rewritten) => [...rewritten],
  facts: (file, _ctx, asked) => (asked ? askedFacts(file, asked) : siteFacts(file)),
  next(facts, index) {
    const byPath = new Map<string, string[]>();
    for (const [key, depth] of pendingKeys(facts, (f) => f.hits)) {
      if (key.startsWith("method:")) {
        // Every method of that name in the project's classes: an override, perhaps.
        const method = key.slice("method:".length);
        for (const f of methodsOfName(index, method))
          if (f.className && !f.nested && f.async) {
            const asked = `${f.className}.${method}@${KEY}${f.module}.${f.className}.${method}@${depth}@override`;
            byPath.set(f.path, [...(byPath.get(f.path) ?? []), asked]);
          }
        continue;
      }
      // A factory is followed through re-exports and delegations beyond the calls' depth.
      const maker = key.startsWith(MAKER);
      const named = maker ? key.slice(MAKER.length) : key;
      if (!named.startsWith(KEY) || depth > (maker ? DEPTH * 2 : DEPTH)) continue;
      for (const { path, name } of (maker ? makerPlaces : placesOfKey)(index, named))
        byPath.set(path, [
          ...(byPath.get(path) ?? []),
          `${name}@${key}@${depth}${maker ? "@maker" : ""}`,
        ]);
    }
    return [...byPath].map(([path, wanted]) => ({ path, wanted }));
  },
  plan: (facts) => ({ plan: { hits: resolvedHits(facts) }, modules: [] }),
};
