import type { ProjectFacts } from "../model/types.js";

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
  for (const head of source.matchAll(CLASS_HEAD)) {
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
  let item = "";
  const flush = () => {
    if (!/^\s*\w+\s*=(?!=)/.test(item))
      for (const [name] of item.replace(/#[^\n]*/g, "").matchAll(NAME)) names.push(name);
    item = "";
  };
  for (let i = start; i < source.length && i < start + 2000; i++) {
    const c = source[i];
    if (c === ")" && depth === 0) break;
    if (c === "(" || c === "[") depth++;
    else if (c === ")" || c === "]") depth--;
    if (c === "," && depth === 0) flush();
    else item += c;
  }
  flush();
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
  if (!heads || sub === base) return true;
  const seen = new Set<string>();
  const queue = [sub];
  while (queue.length > 0) {
    const at = queue.pop()!;
    for (const b of heads[at] ?? []) {
      if (b === base) return true;
      if (!seen.has(b)) {
        seen.add(b);
        queue.push(b);
      }
    }
  }
  return false;
}
