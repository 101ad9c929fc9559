import { dottedName } from "../python/module-names.js";
import { lastSegment } from "../python/lookup.js";
import { firstFunctionUnder, functionsOfModule } from "./index-modules.js";
import { namedCallsOf } from "./named-calls.js";
import type { IndexedCall, IndexedFunction, ProjectIndex, SyntaxNode } from "../model/types.js";

// Lookups into the project index by name, made once per index (one object per run).

/**
 * The index's functions by name, in index order, per index (one object per run): callees are
 * looked up by name at every call of a file, and a scan of a large project's fifty thousand
 * functions per callee was a tenth of a run on Django's own source.
 */
const byNameOfIndex = new WeakMap<ProjectIndex, Map<string, IndexedFunction[]>>();

const NONE: readonly IndexedFunction[] = [];

/** The project's functions and methods named `name`, in index order. */
export function functionsNamed(index: ProjectIndex, name: string): readonly IndexedFunction[] {
  let byName = byNameOfIndex.get(index);
  if (!byName) {
    byName = new Map();
    for (const f of index.functions) {
      const list = byName.get(f.name);
      if (list) list.push(f);
      else byName.set(f.name, [f]);
    }
    byNameOfIndex.set(index, byName);
  }
  return byName.get(name) ?? NONE;
}

/**
 * The module-level functions named `name` in `module` (no method, no nested def), in index order:
 * a name shared by many methods (`save`, `get`) is not filtered again at every call.
 */
const moduleLevelOfIndex = new WeakMap<ProjectIndex, Map<string, IndexedFunction[]>>();

export function moduleFunctionsNamed(
  index: ProjectIndex,
  module: string,
  name: string,
): readonly IndexedFunction[] {
  let byKey = moduleLevelOfIndex.get(index);
  if (!byKey) {
    byKey = new Map();
    for (const f of index.functions) {
      if (f.className || f.nested) continue;
      const key = `${f.module}\0${f.name}`;
      const list = byKey.get(key);
      if (list) list.push(f);
      else byKey.set(key, [f]);
    }
    moduleLevelOfIndex.set(index, byKey);
  }
  return byKey.get(`${module}\0${name}`) ?? NONE;
}

const callsByName = new WeakMap<ProjectIndex, Map<string, IndexedCall[]>>();

/** The index's calls whose callee's last name is `name`, in index order. */
export function callsNamed(index: ProjectIndex, name: string): readonly IndexedCall[] {
  let byName = callsByName.get(index);
  // A one-file run reads a few names' calls from the cache, not the project's every call.
  if (!byName) {
    const named = namedCallsOf(index, name);
    if (named) return named;
  }
  if (!byName) {
    byName = new Map();
    for (const call of index.calls) {
      const last = lastSegment(call.callee);
      const list = byName.get(last);
      if (list) list.push(call);
      else byName.set(last, [call]);
    }
    callsByName.set(index, byName);
  }
  return byName.get(name) ?? [];
}

const topModules = new WeakMap<ProjectIndex, ReadonlySet<string>>();

/** The first names of the project's modules (`billing` for `billing.services`). */
export function projectTopModules(index: ProjectIndex): ReadonlySet<string> {
  let tops = topModules.get(index);
  if (!tops) {
    // Functions come grouped by module: each module's first name taken once.
    const found = new Set<string>();
    let last: string | undefined;
    for (const { module } of index.functions)
      if (module !== last) found.add(dottedName((last = module)).split(".")[0]);
    tops = found;
    topModules.set(index, tops);
  }
  return tops;
}

/** `Class.method` or `function`: how the index names the def holding a call (`within`). */
export function indexedName(f: IndexedFunction): string {
  return f.className ? `${f.className}.${f.name}` : f.name;
}

/** A sync function of the project and a direct call of it from an `async def`. */
export interface LoopCall {
  call: IndexedCall;
  caller: IndexedFunction;
}

/**
 * The calls of the sync function `fn` made directly in an `async def` of the project (not through
 * a thread): there an event loop is running, and anything in `fn` that starts one
 * (`asyncio.run`, `run_until_complete`, `async_to_sync`) raises RuntimeError. A module-level
 * function is matched by its name or `module.name` when no other module-level function of the
 * project has that name (or the caller is in its module); a method by `<object>.name` when no
 * function outside its module has that name: same-named methods of its own module (a sync
 * adapter and its subclasses) do not hide it.
 */
export function loopCallsOf(index: ProjectIndex, fn: IndexedFunction): LoopCall[] {
  const named = functionsNamed(index, fn.name);
  const moduleLast = dottedName(fn.module).split(".").pop();
  const found: LoopCall[] = [];
  for (const call of callsNamed(index, fn.name)) {
    if (call.awaited || call.within === undefined) continue;
    const bare = call.callee === fn.name || call.callee === `${moduleLast}.${fn.name}`;
    if (fn.className) {
      if (bare || named.some((f) => f.module !== fn.module)) continue;
    } else {
      const elsewhere = named.some((f) => !f.className && !f.nested && f.module !== fn.module);
      if (!bare || (elsewhere && call.path !== fn.path)) continue;
    }
    const caller = callerOf(index, call);
    if (caller?.async) found.push({ call, caller });
  }
  return found;
}

/**
 * The function holding an indexed call: of two defs of its name in the file (the nested
 * `wrapper`s of sibling functions, one sync, one async: hazard-review-6 V3), the nearest above it.
 */
function callerOf(index: ProjectIndex, call: IndexedCall): IndexedFunction | undefined {
  const named = index.functions.filter(
    (f) => f.path === call.path && indexedName(f) === call.within,
  );
  const above = named.filter((f) => f.line <= call.line).sort((a, b) => b.line - a.line);
  return above[0] ?? named[0];
}

/** The index's entry for a `def` of `module`: a module-level function or a method of a module-level class. */
export function indexedFunctionOf(
  index: ProjectIndex,
  module: string,
  def: SyntaxNode,
): IndexedFunction | undefined {
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = statement.parent?.parent;
  const inClass = cls?.type === "class_definition" && cls.parent?.type === "module";
  if (statement.parent?.type !== "module" && !inClass) return undefined;
  const name = def.childForFieldName("name")!.text;
  const className = inClass ? cls!.childForFieldName("name")!.text : undefined;
  const same = functionsNamed(index, name).filter(
    (f) => f.module === module && f.className === className && !f.nested,
  );
  // The index holds the file as it was read; an earlier transform may have moved its lines.
  if (same.length <= 1) return same[0];
  const line = def.startPosition.row + 1;
  return same.find((f) => f.line === line);
}

/**
 * The module the index names for a dotted import, exactly or, when a service's folder is not an
 * import root the index knows (`backend/` holding `ee/` and `onyx/`, run from the repository's
 * root), the one module whose name ends with it (`backend.ee.onyx.auth` for `ee.onyx.auth`).
 */
export function indexedModule(
  index: ProjectIndex,
  module: string,
  name: string,
): string | undefined {
  const named = functionsNamed(index, name);
  if (named.some((f) => f.module === module)) return module;
  const suffix = `.${module}`;
  const modules = new Set(named.filter((f) => f.module.endsWith(suffix)).map((f) => f.module));
  return modules.size === 1 ? [...modules][0] : undefined;
}

/**
 * The files a module of the project may be: its own (when the index lists a function of it), or,
 * for a package whose `__init__.py` defines nothing, that file beside its submodules'.
 */
export function modulePaths(index: ProjectIndex, module: string): string[] {
  const own = functionsOfModule(index, module)[0];
  if (own) return [own.path];
  const inside = firstFunctionUnder(index, module);
  if (!inside) return [];
  const rest = inside.module.slice(module.length + 1).split(".");
  const folder = inside.path.split("/").slice(0, -rest.length).join("/");
  return folder ? [`${folder}/__init__.py`] : [];
}

/**
 * Whether `module` is a package of the project: some module the index lists is inside it
 * (`shop.services` for `shop.services.stock`). A package's `__init__.py` may re-export its
 * submodules' functions (see reexports.ts).
 */
export function isProjectPackage(index: ProjectIndex, module: string): boolean {
  return module !== "" && firstFunctionUnder(index, module) !== undefined;
}
