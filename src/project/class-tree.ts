import type { ProjectFacts } from "../model/types.js";
import { matchesAtLineStarts } from "../python/line-keywords.js";

// orm-review-3 N7d (django-ninja-extra): `self.delete` in `ModelService` is its own method unless
// a subclass overrides it. Another class of the project with a `delete` (a `Route`, a factory's
// classmethod) is no override unless its bases lead to `ModelService`. The pre-pass reads every
// class head of a file; the project keeps their bases by class name.

const CLASS_HEAD = /^[ \t]*class[ \t]+([\p{ID_Start}_][\p{ID_Continue}]*)[ \t]*\(/gmu;
const NAME = /[\p{ID_Start}_][\p{ID_Continue}]*/gu;

export interface ClassTreeFacts {
  /** The file's classes with bases, by name: every name their base list holds (see `basesIn`). */
  classBases?: Record<string, string[]>;
}

/** The class heads of a file, read without a parse. */
export function classTreeFactsIn(source: string): ClassTreeFacts {
  if (!source.includes("class")) return {};
  const bases: Record<string, string[]> = {};
  for (const head of matchesAtLineStarts(source, "class", CLASS_HEAD)) {
    const names = basesIn(source, head.index + head[0].length).filter((b) => b !== head[1]);
    if (names.length > 0) bases[head[1]] = [...new Set([...(bases[head[1]] ?? []), ...names])];
  }
  return Object.keys(bases).length > 0 ? { classBases: bases } : {};
}

/**
 * Every name in a base list that starts at `start` (after its `(`), keyword arguments left
 * out: `ModelService[Product]` gives both names, which may say more than the class derives from,
 * never less.
 */
function basesIn(source: string, start: number): string[] {
  const names: string[] = [];
  let depth = 0;
  let itemStart = start;
  const flush = (end: number) => {
    const item = source.slice(itemStart, end);
    if (!/^\s*\w+\s*=(?!=)/.test(item))
      for (const [name] of item.replace(/#[^\n]*/g, "").matchAll(NAME)) names.push(name);
    itemStart = end + 1;
  };
  let i = start;
  for (const last = Math.min(source.length, start + 2000); i < last; i++) {
    const c = source.charCodeAt(i);
    if (c === 41 /* ) */ && depth === 0) break;
    if (c === 40 /* ( */ || c === 91 /* [ */) depth++;
    else if (c === 41 || c === 93 /* ] */) depth--;
    // Each item is the text between commas at the list's own depth.
    if (c === 44 /* , */ && depth === 0) flush(i);
  }
  flush(i);
  return names;
}

/** The project's classes with bases by name (two classes of one name: the union of theirs). */
export function projectSubclassHeads(files: Iterable<ClassTreeFacts>): Record<string, string[]> {
  const heads: Record<string, string[]> = {};
  for (const f of files)
    for (const [name, bases] of Object.entries(f.classBases ?? {}))
      heads[name] = heads[name] ? [...new Set([...heads[name], ...bases])] : bases;
  return heads;
}

/**
 * May a class named `sub` derive from the class named `base`? Yes when the heads lead there, or
 * when nothing is known (an index made by hand, without the pre-pass's heads), or the names are
 * the same (two classes of one name in two modules).
 */
export function mayDeriveFrom(project: ProjectFacts, sub: string, base: string): boolean {
  const heads = project.subclassHeads;
  return !heads || sub === base || ancestorsOf(heads, sub).has(base);
}

/**
 * Whether a class named `name` in another module may derive from the class of that name here:
 * only as `class X(other.X)`, a base of its own name (orm-human-5 H6d, two `CustomUserManager`s
 * in two apps are namesakes, not an override).
 */
export function namesakeMayDerive(project: ProjectFacts, name: string): boolean {
  const heads = project.subclassHeads;
  return !heads || (heads[name] ?? []).includes(name);
}

/**
 * A class of the project in whose method resolution order the class named `other` may come after
 * the class named `cls`, where `super()` in `cls` would find it: one deriving from both (`class
 * X(cls, other)`); "" when nothing is known of the project's classes. A subclass of `cls` always
 * comes before it.
 */
export function joinedAfter(project: ProjectFacts, cls: string, other: string): string | undefined {
  const heads = project.subclassHeads;
  if (!heads) return "";
  if (ancestorsOf(heads, other).has(cls)) return undefined;
  return Object.keys(heads).find((x) => {
    const above = ancestorsOf(heads, x);
    return above.has(cls) && above.has(other);
  });
}

/** What the project tells of an imported class on the way of `self.<name>` (see importedClassLookup). */
export type ImportedClassLookup =
  /** The class and every ancestor are the project's, and none defines the name: look past it. */
  | { kind: "passes"; module: string }
  /** A class on the way is not the project's (`channels.auth.AuthMiddleware`): out of sight. */
  | { kind: "hidden"; module: string; by: string }
  /** Not known as a project class, or it or an ancestor defines the name (or its `a`-form). */
  | { kind: "unknown" };

const NO_METHODS = new Set(["object"]);

/**
 * An imported class (`channels_auth_token_middlewares.middleware.HeaderAuthTokenMiddleware`) as
 * the project defines it: in that module, or in the one submodule of that package defining a
 * class of that name (the package's `__init__` re-exports it, YegorDB's middlewares), with its
 * ancestors by name. Whether `self.<name>` looks past it to the next class of the order.
 */
export function importedClassLookup(
  project: ProjectFacts,
  qualified: string,
  name: string,
): ImportedClassLookup {
  const index = project.index;
  const dot = qualified.lastIndexOf(".");
  if (!index || !project.subclassHeads || dot < 0) return { kind: "unknown" };
  const [module, className] = [qualified.slice(0, dot), qualified.slice(dot + 1)];
  const classModules = new Set(
    index.functions.filter((f) => f.className === className).map((f) => f.module),
  );
  const inside = [...classModules].filter((m) => m.startsWith(`${module}.`));
  const defining = classModules.has(module) ? module : inside.length === 1 ? inside[0] : undefined;
  // A package binding the name itself (a function, an assignment the index lists) is not read.
  if (!defining || index.functions.some((f) => f.module === module && f.name === className))
    return { kind: "unknown" };
  const ancestors = ancestorsOf(project.subclassHeads, className);
  const isProjectClass = (c: string) =>
    c in project.subclassHeads! || index.functions.some((f) => f.className === c);
  const outside = [...ancestors].find((c) => !NO_METHODS.has(c) && !isProjectClass(c));
  // Nor its `a`-form: a twin added below `self.<name>` is called as `self.a<name>`.
  const underscores = /^_*/.exec(name)![0];
  const names = [name, `${underscores}a${name.slice(underscores.length)}`];
  const defines = index.functions.some(
    (f) =>
      names.includes(f.name) &&
      f.className &&
      (f.className === className || ancestors.has(f.className)),
  );
  if (defines) return { kind: "unknown" };
  return outside
    ? { kind: "hidden", module: defining, by: outside }
    : { kind: "passes", module: defining };
}

function ancestorsOf(heads: Record<string, string[]>, className: string): Set<string> {
  const seen = new Set<string>();
  const queue = [className];
  while (queue.length > 0)
    for (const b of heads[queue.pop()!] ?? [])
      if (!seen.has(b) && b !== className) {
        seen.add(b);
        queue.push(b);
      }
  return seen;
}
