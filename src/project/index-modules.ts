import type { IndexedFunction, ProjectIndex } from "../model/types.js";

/*
 * Lookups into the project index by module, made once per index (one object per run). The
 * surveys ask "the first function of module m", "the first function of a module under package
 * p" for every key they follow: a scan of a large project's fifty thousand functions per key was
 * a third of a run on Django's own source (issue 25). Each answer is the one the scan in index
 * order gave.
 */

interface ModuleMaps {
  /** Each module's functions, in index order. */
  byModule: Map<string, IndexedFunction[]>;
  /** Per `p`: the first function (index order) whose module starts with `p.`. */
  firstUnder: Map<string, IndexedFunction>;
  /** Per `p`: the first function (index order) whose module is `p.<name>` (no further dot). */
  firstChild: Map<string, IndexedFunction>;
}

const mapsOfIndex = new WeakMap<ProjectIndex, ModuleMaps>();

const NONE: readonly IndexedFunction[] = [];

function mapsOf(index: ProjectIndex): ModuleMaps {
  let maps = mapsOfIndex.get(index);
  if (maps) return maps;
  maps = { byModule: new Map(), firstUnder: new Map(), firstChild: new Map() };
  const { byModule, firstUnder, firstChild } = maps;
  for (const f of index.functions) {
    const module = f.module;
    const list = byModule.get(module);
    if (list) {
      // A module's prefixes were set from its first function, which comes earlier.
      list.push(f);
      continue;
    }
    byModule.set(module, [f]);
    // Every dot of the id ends a prefix `p` with `module.startsWith(p + ".")`.
    for (let dot = module.indexOf("."); dot >= 0; dot = module.indexOf(".", dot + 1)) {
      const prefix = module.slice(0, dot);
      if (!firstUnder.has(prefix)) firstUnder.set(prefix, f);
    }
    const last = module.lastIndexOf(".");
    if (last >= 0 && !firstChild.has(module.slice(0, last)))
      firstChild.set(module.slice(0, last), f);
  }
  mapsOfIndex.set(index, maps);
  return maps;
}

/** The functions and methods the index lists in `module` (by id), in index order. */
export function functionsOfModule(index: ProjectIndex, module: string): readonly IndexedFunction[] {
  return mapsOf(index).byModule.get(module) ?? NONE;
}

/** The first function (index order) of a module inside `module`: `f.module.startsWith(module + ".")`. */
export function firstFunctionUnder(
  index: ProjectIndex,
  module: string,
): IndexedFunction | undefined {
  return mapsOf(index).firstUnder.get(module);
}

/** The first function (index order) of a module directly inside package `module` (`module.<name>`). */
export function firstFunctionIn(index: ProjectIndex, module: string): IndexedFunction | undefined {
  return mapsOf(index).firstChild.get(module);
}
