import { lastSegment } from "../python/lookup.js";
import type { IndexedCall, IndexedFunction, ProjectIndex } from "../model/types.js";

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
    tops = new Set(index.functions.map((fn) => fn.module.split(".")[0]));
    topModules.set(index, tops);
  }
  return tops;
}
