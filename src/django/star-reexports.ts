import { starImports as starImportStatements } from "../python/shapes.js";
import { dottedName } from "../python/module-names.js";
import type { ProjectFacts, ProjectIndex, SyntaxNode } from "../model/types.js";
import { visibleBindings } from "../python/scope.js";

// Names a module of the project hands on from a library module by `from library import *`
// (taiga's `taiga/base/db/models/__init__.py`: `from django.db.models import *`), read from the
// index's star references. Package re-exports of the project's own functions: src/project/reexports.ts.

const starsOfIndex = new WeakMap<ProjectIndex, Map<string, string[]>>();

/** Each file of the project holding `from x import *`, to the dotted modules it star-imports. */
function starImports(index: ProjectIndex): Map<string, string[]> {
  let stars = starsOfIndex.get(index);
  if (!stars) {
    stars = new Map();
    for (const ref of index.references ?? [])
      if (ref.kind === "star")
        stars.set(ref.path, [...(stars.get(ref.path) ?? []), dottedName(ref.target)]);
    starsOfIndex.set(index, stars);
  }
  return stars;
}

/** The files holding a star import that may be the module `dotted` (`a/b.py`, `a/b/__init__.py`). */
function starFilesOf(index: ProjectIndex, dotted: string): string[] {
  const base = dotted.split(".").join("/");
  const ends = [`${base}.py`, `${base}/__init__.py`];
  return [...starImports(index).keys()].filter((path) =>
    ends.some((end) => path === end || path.endsWith(`/${end}`)),
  );
}

/**
 * Does the project module `dotted` (as imported: `core.db.models`) hand on `name` from the
 * library module `library` (`django.db.models`) by `from django.db.models import *`, itself or
 * through another module of the project that does? Every file that may be the module must, and
 * none may define a class of that name. taiga's `taiga.base.db.models` re-exports Django's
 * `QuerySet` so.
 */
export function reexportsAllOf(
  index: ProjectIndex,
  dotted: string,
  library: string,
  name: string,
  depth = 0,
): boolean {
  const files = starFilesOf(index, dotted);
  if (files.length === 0 || depth > 3) return false;
  const ownClass = (path: string) =>
    index.functions.some((f) => f.path === path && f.className === name);
  return files.every(
    (path) =>
      !ownClass(path) &&
      starImports(index)
        .get(path)!
        .some((from) => from === library || reexportsAllOf(index, from, library, name, depth + 1)),
  );
}

/**
 * orm-review-6 R1 (xiidot1303's bots, every module opening with `from bot.bot import *`): a
 * project model's name bound by no statement of a module that has star imports: theirs.
 */
export function starImportedModel(
  project: ProjectFacts,
  name: string,
  at: SyntaxNode,
): string | undefined {
  if (!project.models[name] || visibleBindings(at, name).bound.length > 0) return undefined;
  return starImportStatements(at.tree.rootNode).length > 0 ? name : undefined;
}
