import { statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { SyntaxNode } from "../model/types.js";
import { firstSyntaxProblem, parsePython } from "../syntax/parse.js";
import { keepTree, peekTree } from "../syntax/kept-trees.js";
import type { SyntaxTree } from "../syntax/tree.js";
import { bindingsNamed } from "../python/scope.js";
import { textOfPath } from "./source.js";

// orm-review-6 R12 (dark_village `from utils.consts import STATUS`, `STATUS[2][0]`): a name another
// module of the project binds at module level to a literal (a tuple of pairs, a dict of strings)
// is a value held in memory wherever it is imported. The module is found on disk as Python would
// find it from the importing file (its package for a relative import, else the first folder at
// or above the file, up to the project root, holding the module's path) and read again only
// once it changed.

/** Constants files are small: a bigger one is not read for this. */
const MAX_BYTES = 256 * 1024;

/**
 * By file path, the module's tree (null when it cannot be read) and the stamp it was read at: a
 * process that runs twice (the API, `verify`) reads a module again once it changed.
 */
const trees = new Map<string, { stamp: string; root: SyntaxNode | null }>();

function moduleRoot(file: string): SyntaxNode | undefined {
  let stamp: string;
  let size: number;
  try {
    const stat = statSync(file);
    stamp = `${stat.mtimeMs}:${stat.size}`;
    size = stat.size;
  } catch {
    return undefined;
  }
  const known = trees.get(file);
  if (known?.stamp === stamp) return known.root ?? undefined;
  let root: SyntaxNode | null = null;
  try {
    const text = size <= MAX_BYTES ? textOfPath(file) : undefined;
    if (text !== undefined) root = sharedTree(file, text).rootNode;
  } catch {
    root = null;
  }
  trees.set(file, { stamp, root });
  return root ?? undefined;
}

/**
 * The tree of `file`: the one the survey keeps for it in this thread, or a parse kept for the
 * survey and the rewrite when clean (Django: half its modules read for constants are surveyed
 * too, a parse each of up to 100,000 characters, in either order).
 */
function sharedTree(file: string, text: string): SyntaxTree {
  const kept = peekTree(file, text);
  if (kept) return kept;
  const tree = parsePython(text);
  if (!firstSyntaxProblem(tree)) keepTree(file, text, tree);
  return tree;
}

/** The files a dotted module may be, looked for from `folder`: `a/b.py` or `a/b/__init__.py`. */
export function moduleFileUnder(folder: string, module: string): string | undefined {
  const path = join(folder, ...module.split("."));
  for (const file of [`${path}.py`, join(path, "__init__.py")]) {
    try {
      if (statSync(file).isFile()) return file;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** The file of the module `from <module> import ...` names in `file`, within `projectRoot`. */
function importedModuleFile(projectRoot: string, file: string, module: string): string | undefined {
  const dots = /^\.*/.exec(module)![0].length;
  if (dots > 0) {
    let folder = dirname(resolve(file));
    for (let i = 1; i < dots; i++) folder = dirname(folder);
    const rest = module.slice(dots);
    return rest ? moduleFileUnder(folder, rest) : join(folder, "__init__.py");
  }
  for (let folder = dirname(resolve(file)); ; folder = dirname(folder)) {
    if (folder !== projectRoot && !folder.startsWith(projectRoot + sep)) return undefined;
    const found = moduleFileUnder(folder, module);
    if (found) return found;
    if (folder === projectRoot) return undefined;
  }
}

/**
 * The values a project module assigns at module level to the name `qualified` imports
 * (`utils.consts.STATUS`), when assignments are all that bind it there, or its one module-level
 * def; undefined when the module is not the project's, or binds the name otherwise (an import, a
 * loop, `global`, a def and an assignment).
 */
export function moduleConstantValues(
  projectRoot: string,
  file: string,
  qualified: string,
): SyntaxNode[] | undefined {
  const [, dots, rest] = /^(\.*)(.*)$/.exec(qualified)!;
  const cut = rest.lastIndexOf(".");
  const module = dots + (cut < 0 ? "" : rest.slice(0, cut));
  const name = rest.slice(cut + 1);
  if (!module || !name) return undefined;
  const path = importedModuleFile(projectRoot, file, module);
  const root = path ? moduleRoot(path) : undefined;
  if (!root) return undefined;
  const bound = bindingsNamed(root, name);
  if (bound.length === 0) return undefined;
  // orm-human-7 K2: a module-level def (`def strip_marker(text): ...`), for its returns.
  const def = bound[0].node.parent;
  if (bound.length === 1 && def?.type === "function_definition" && def.parent?.id === root.id)
    return [def];
  // orm-human-7 K4: a module-level class (`@dataclass class PlainIndicator:`), for how it is built.
  const holder = def?.parent?.type === "decorated_definition" ? def.parent : def;
  if (bound.length === 1 && def?.type === "class_definition" && holder?.parent?.id === root.id)
    return [def];
  const values: SyntaxNode[] = [];
  for (const b of bound) {
    const assignment = b.node.parent;
    const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
    if (assignment?.childForFieldName("left")?.id !== b.node.id || !right) return undefined;
    values.push(right);
  }
  return values;
}
