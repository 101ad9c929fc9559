import { dottedName } from "../python/module-names.js";
import type { IndexedModule, ProjectIndex } from "../model/types.js";

/*
 * Which files may reach a module, import by import: a survey that follows names from a call to
 * where they are declared (a receiver's annotation, a class attribute, a type alias, a package's
 * re-export) only ever moves from a module to one its imports bind, or stays in the module. So a
 * file whose imports lead to none of the modules declaring what the survey looks for cannot reach
 * any, and the survey need not read it.
 *
 * A name bound by an import may lead to the module it names, to the module holding it (`from m
 * import f`: m), and to any module under it (`import shop` reaches `shop.api.perms` through
 * attributes); without import roots, so two services' same-named modules count as one (more
 * files, never fewer).
 */

/** The module ids (dotted, no import root) `name` may lead to, tested against `reached`. */
function leadsTo(name: string, reached: ReadonlySet<string>, under: ReadonlySet<string>): boolean {
  if (name.endsWith(".*")) {
    const module = name.slice(0, -2);
    return reached.has(module) || under.has(module);
  }
  const dot = name.lastIndexOf(".");
  return reached.has(name) || under.has(name) || (dot > 0 && reached.has(name.slice(0, dot)));
}

/** Every proper dotted prefix of `module`: `a.b.c` -> `a`, `a.b`. */
function prefixesOf(module: string): string[] {
  const out: string[] = [];
  for (let dot = module.indexOf("."); dot > 0; dot = module.indexOf(".", dot + 1))
    out.push(module.slice(0, dot));
  return out;
}

/**
 * The files (root-relative paths) whose imports may lead, module by module, to a file `declares`
 * accepts (those included), or undefined when the index does not know the project's imports (an
 * index made by hand): then any file may.
 */
export function filesReaching(
  index: ProjectIndex,
  declares: (path: string, file: IndexedModule) => boolean,
): Set<string> | undefined {
  const modules = index.modules;
  if (!modules) return undefined;
  const reachedFiles = new Set<string>();
  const reached = new Set<string>();
  /** Every proper prefix of a reached module: a name there leads to something under it. */
  const under = new Set<string>();
  const reach = (path: string, file: IndexedModule) => {
    reachedFiles.add(path);
    const module = dottedName(file.module);
    reached.add(module);
    for (const prefix of prefixesOf(module)) under.add(prefix);
  };
  for (const [path, file] of Object.entries(modules)) if (declares(path, file)) reach(path, file);
  let pending = Object.entries(modules).filter(([path]) => !reachedFiles.has(path));
  // Rounds until nothing more is reached: as many as the longest chain of imports followed.
  for (let grew = reachedFiles.size > 0; grew;) {
    grew = false;
    const left: typeof pending = [];
    for (const [path, file] of pending) {
      if (
        reached.has(dottedName(file.module)) ||
        file.imports.some((name) => leadsTo(name, reached, under))
      ) {
        reach(path, file);
        grew = true;
      } else left.push([path, file]);
    }
    pending = left;
  }
  return reachedFiles;
}

/** Whether one of a file's imports leads to one of `modules` (dotted, no import root). */
export function importsLeadingTo(modules: ReadonlySet<string>): (file: IndexedModule) => boolean {
  const under = new Set([...modules].flatMap(prefixesOf));
  return (file) => modules.size > 0 && file.imports.some((name) => leadsTo(name, modules, under));
}

/** Bits `from` has that `into` lacks, added; whether any was. */
function orInto(into: Uint32Array, from: Uint32Array | undefined): boolean {
  if (!from) return false;
  let grew = false;
  for (let w = 0; w < into.length; w++) {
    const added = from[w] & ~into[w];
    if (added !== 0) {
      into[w] |= added;
      grew = true;
    }
  }
  return grew;
}

/** `bits` ORed into the set kept under `key` (a copy made on its first use). */
function gather(sets: Map<string, Uint32Array>, key: string, bits: Uint32Array): void {
  const kept = sets.get(key);
  if (kept) orInto(kept, bits);
  else sets.set(key, bits.slice());
}

/**
 * `filesReaching` for `count` sets of files at once: for each file (root-relative path), a
 * bit set whose bit k says its imports may lead to a file of set k (`seedsOf` lists the sets a
 * file is in), or undefined when the index does not know the project's imports. The same least
 * fixed point as `filesReaching` per set: a file reaches what a file of its own dotted name
 * reaches, and what each module its imports lead to reaches (`leadsTo`).
 */
export function setsReached(
  index: ProjectIndex,
  seedsOf: (path: string, file: IndexedModule) => readonly number[],
  count: number,
): Map<string, Uint32Array> | undefined {
  const modules = index.modules;
  if (!modules) return undefined;
  const words = Math.max(1, Math.ceil(count / 32));
  const files = Object.entries(modules).map(([path, file]) => {
    const bits = new Uint32Array(words);
    for (const k of seedsOf(path, file)) bits[k >>> 5] |= 1 << (k & 31);
    return { path, bits, keys: keysOf(file), through: throughOf(file) };
  });
  for (let grew = true; grew;) {
    grew = false;
    const sets = new Map<string, Uint32Array>();
    for (const file of files) for (const key of file.keys) gather(sets, key, file.bits);
    for (const file of files)
      for (const key of file.through) grew = orInto(file.bits, sets.get(key)) || grew;
  }
  return new Map(files.map((file) => [file.path, file.bits]));
}

/** The keys a file is found by: its dotted name ("="), and the packages above it ("<"). */
function keysOf(file: IndexedModule): string[] {
  const module = dottedName(file.module);
  return [`=${module}`, ...prefixesOf(module).map((p) => `<${p}`)];
}

/**
 * The keys a file reaches other files through: its own dotted name, the modules its imports name
 * and the packages they are in ("="), and the packages' insides ("<").
 */
function throughOf(file: IndexedModule): string[] {
  const through = [`=${dottedName(file.module)}`];
  for (const name of file.imports) {
    const star = name.endsWith(".*");
    const target = star ? name.slice(0, -2) : name;
    through.push(`=${target}`, `<${target}`);
    const dot = target.lastIndexOf(".");
    if (!star && dot > 0) through.push(`=${target.slice(0, dot)}`);
  }
  return through;
}

/**
 * For a few files (a one-file run's): the files each one's imports may lead to, module by module,
 * itself included, walked forward from it. A file is in `filesReaching` exactly when one of these
 * is accepted, and `setsReached` gives it the sets of these: the same reach (`keysOf`,
 * `throughOf`), without a fixed point over the whole project, which costs more than the walk from
 * one file. Undefined when the index does not know the project's imports.
 */
export function reachFrom(
  index: ProjectIndex,
): ((path: string) => ReadonlySet<string> | undefined) | undefined {
  const modules = index.modules;
  if (!modules) return undefined;
  const byKey = new Map<string, string[]>();
  for (const [path, file] of Object.entries(modules))
    for (const key of keysOf(file)) {
      const found = byKey.get(key);
      if (found) found.push(path);
      else byKey.set(key, [path]);
    }
  return (start) => {
    if (!modules[start]) return undefined;
    const reached = new Set([start]);
    const pending = [start];
    // Each key's files are taken once: most files of a project import the same few modules.
    const taken = new Set<string>();
    for (let path = pending.pop(); path !== undefined; path = pending.pop())
      for (const key of throughOf(modules[path])) {
        if (taken.has(key)) continue;
        taken.add(key);
        for (const next of byKey.get(key) ?? [])
          if (!reached.has(next)) {
            reached.add(next);
            pending.push(next);
          }
      }
    return reached;
  };
}
