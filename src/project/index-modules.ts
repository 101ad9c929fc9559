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

/** Lookups by a module's dotted tail and by method name, made when first asked (see below). */
interface TailMaps {
  /** Per `m`: the paths (first seen in index order) of functions whose module is `m` or ends `.m`. */
  pathsByTail: Map<string, Set<string>>;
  /** Per method name: the methods (functions of a class) so named, in index order. */
  methodsByName: Map<string, IndexedFunction[]>;
  /** Per `Class\0name`: the methods so named, in index order. */
  methods: Map<string, IndexedFunction[]>;
}

const tailMapsOfIndex = new WeakMap<ProjectIndex, TailMaps>();

function pushed<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function tailMapsOf(index: ProjectIndex): TailMaps {
  let maps = tailMapsOfIndex.get(index);
  if (maps) return maps;
  maps = { pathsByTail: new Map(), methodsByName: new Map(), methods: new Map() };
  const { pathsByTail, methodsByName, methods } = maps;
  let last: IndexedFunction | undefined;
  for (const f of index.functions) {
    if (f.className !== undefined) {
      pushed(methodsByName, f.name, f);
      pushed(methods, `${f.className}\0${f.name}`, f);
    }
    if (last && last.module === f.module && last.path === f.path) continue;
    last = f;
    // The module id itself, and every tail after one of its dots.
    for (let dot = -1; ;) {
      const tail = f.module.slice(dot + 1);
      const paths = pathsByTail.get(tail);
      if (paths) paths.add(f.path);
      else pathsByTail.set(tail, new Set([f.path]));
      dot = f.module.indexOf(".", dot + 1);
      if (dot < 0) break;
    }
  }
  tailMapsOfIndex.set(index, maps);
  return maps;
}

/**
 * The paths, in index order and once each, of the functions whose module is `module` or ends
 * with `.<module>` (`f.module === module || f.module.endsWith("." + module)`).
 */
export function pathsOfModuleTail(index: ProjectIndex, module: string): string[] {
  const paths = tailMapsOf(index).pathsByTail.get(module);
  return paths ? [...paths] : [];
}

/** The methods `className.name` the index lists, in index order. */
export function methodsNamed(
  index: ProjectIndex,
  className: string,
  name: string,
): readonly IndexedFunction[] {
  return tailMapsOf(index).methods.get(`${className}\0${name}`) ?? NONE;
}

/** The methods named `name` of any class the index lists, in index order. */
export function methodsOfName(index: ProjectIndex, name: string): readonly IndexedFunction[] {
  return tailMapsOf(index).methodsByName.get(name) ?? NONE;
}
