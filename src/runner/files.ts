import {
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  type Dirent,
} from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";
import { displayPath, relativePath, type Listed } from "../project/paths.js";

/** Folders no one wants rewritten: version control, dependencies, virtualenvs, build output. */
export const DEFAULT_EXCLUDED_DIRS = new Set([
  ".git",
  ".hg",
  ".svn",
  "node_modules",
  ".venv",
  "venv",
  "__pycache__",
  "site-packages",
  "build",
  "dist",
  ".tox",
  ".nox",
  ".mypy_cache",
  ".ruff_cache",
  ".pytest_cache",
]);

export class PathError extends Error {
  override name = "PathError";
}

export interface FileSelection {
  include: string[];
  exclude: string[];
  /** Folder the globs are relative to (the configuring pyproject.toml's); default: the working folder. */
  globBase?: string;
  /**
   * The project's root: a link named on the command line whose target lies outside it is not
   * followed (never written through).
   */
  projectRoot?: string;
}

/** Where include/exclude globs are anchored: the project root when a pyproject.toml configures the run. */
export function globBaseFor(configFile: string | undefined, cwd = process.cwd()): string {
  return configFile ? dirname(resolve(cwd, configFile)) : cwd;
}

/**
 * `join(dir, name)` for a folder the walk reached (absolute and normal: a resolved root, or a
 * folder below it) and a name its listing gave: join's normalising, once per entry of a large
 * project, is not needed.
 */
function inFolder(dir: string, name: string): string {
  return dir.endsWith(sep) ? dir + name : dir + sep + name;
}

/** A .gitignore and the folder its patterns are relative to. */
interface IgnoreRules {
  base: string;
  rules: Ignore;
}

function loadGitignore(dir: string): IgnoreRules | undefined {
  const file = join(dir, ".gitignore");
  if (!existsSync(file)) return undefined;
  try {
    return { base: dir, rules: ignore().add(readFileSync(file, "utf8")) };
  } catch {
    return undefined;
  }
}

/** .gitignore files of the folders above `dir` up to the work tree's root (the folder with .git). */
function gitignoresAbove(dir: string): IgnoreRules[] {
  const chain: IgnoreRules[] = [];
  for (let current = dirname(dir); ; current = dirname(current)) {
    const rules = loadGitignore(current);
    if (rules) chain.unshift(rules);
    if (existsSync(join(current, ".git")) || dirname(current) === current) break;
  }
  // Only meaningful when we really are inside a work tree.
  return chain;
}

function isIgnored(chain: IgnoreRules[], path: string, isDir: boolean): boolean {
  for (const { base, rules } of chain) {
    const rel = relativePath(base, path).split(sep).join("/");
    if (!rel || rel.startsWith("..")) continue;
    if (rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** A `.py` symbolic link that discovery did not follow, and why (reported per file as AS908). */
export interface NotFollowed {
  /** The link's absolute path. */
  path: string;
  reason: string;
}

/**
 * The Python files under the given paths, sorted, each once: folders walked recursively with
 * .gitignore honoured and the default folders skipped; files named explicitly always kept.
 * Symbolic links are not followed out of the given paths, and never into folders.
 */
export function pythonFiles(
  paths: string[],
  selection: FileSelection,
  cwd = process.cwd(),
): string[] {
  return discoverPythonFiles(paths, selection, cwd).files;
}

/**
 * pythonFiles, plus the `.py` links it did not follow. A link to a file inside the given paths
 * stands for its target, so the target is processed once and written in place, and the link stays
 * a link; a link out of the given paths, dangling or looping is never followed.
 */
export function discoverPythonFiles(
  paths: string[],
  selection: FileSelection,
  cwd = process.cwd(),
): { files: string[]; notFollowed: NotFollowed[]; excludedNamed: string[]; listed: Listed } {
  const roots = paths.map((p) => resolve(cwd, p));
  // Every missing path is named at once, not only the first.
  const missing = roots.filter((r) => !existsSync(r));
  if (missing.length > 0)
    throw new PathError(
      missing.map((r) => `${displayPath(r, cwd)}: no such file or folder`).join("\n"),
    );
  const discovery = new Discovery(roots, selection, cwd);
  for (const [i, root] of roots.entries()) discovery.addRoot(root, i);
  const { listings } = discovery;
  // Each folder's names made into a map when first asked (most never are).
  const byName = new Map<string, Map<string, Dirent>>();
  return {
    files: [...discovery.found].sort(),
    notFollowed: discovery.notFollowed,
    excludedNamed: discovery.excludedNamed,
    listed: (path) => {
      const folder = dirname(path);
      let names = byName.get(folder);
      if (!names) {
        const entries = listings.get(folder);
        if (!entries) return undefined;
        byName.set(folder, (names = new Map(entries.map((e) => [e.name, e]))));
      }
      const entry = names.get(basename(path));
      return entry === undefined ? false : entry.isSymbolicLink() ? undefined : true;
    },
  };
}

/** One walk over the given paths: what it found, what it did not follow, what it left out. */
class Discovery {
  readonly found = new Set<string>();
  readonly notFollowed: NotFollowed[] = [];
  /** Files named on the command line that an exclude glob leaves out: the run says so. */
  readonly excludedNamed: string[] = [];
  /** Each folder walked, and what it holds. */
  readonly listings = new Map<string, Dirent[]>();
  private readonly include?: (path: string) => boolean;
  private readonly exclude?: (path: string) => boolean;
  private readonly globBase: string;
  private readonly realRoots: string[];
  private readonly projectRoot: string | undefined;

  constructor(
    private readonly roots: string[],
    selection: FileSelection,
    cwd: string,
  ) {
    if (selection.include.length > 0) this.include = picomatch(selection.include, { dot: true });
    if (selection.exclude.length > 0) this.exclude = picomatch(selection.exclude, { dot: true });
    this.globBase = selection.globBase ?? cwd;
    this.projectRoot = selection.projectRoot;
    this.realRoots = roots.map((r) => realpathSync(r));
  }

  addRoot(root: string, i: number): void {
    const stat = statSync(root);
    if (stat.isDirectory()) {
      if (DEFAULT_EXCLUDED_DIRS.has(root.split(sep).pop() ?? "") && this.roots.length > 1) return;
      this.walk(root, gitignoresAbove(root));
    } else if (stat.isFile()) {
      // Named on the command line: the user asked for it, whatever its name (pre-commit passes
      // files). A link named so is processed through its target, so the link stays a link.
      if (this.exclude && this.exclude(displayPath(root, this.globBase))) {
        this.excludedNamed.push(root);
        return;
      }
      if (!lstatSync(root).isSymbolicLink()) this.found.add(root);
      else if (this.insideProject(this.realRoots[i])) this.found.add(this.realRoots[i]);
      else
        this.notFollowed.push({
          path: root,
          reason: `symbolic link to ${this.realRoots[i]}, outside the project`,
        });
    }
  }

  /** Is the real path inside the project root (or is there no root to keep to)? */
  private insideProject(real: string): boolean {
    if (this.projectRoot === undefined) return true;
    let root: string;
    try {
      root = realpathSync(this.projectRoot);
    } catch {
      return true;
    }
    return real === root || real.startsWith(root + sep);
  }

  private selected(path: string): boolean {
    if (!this.include && !this.exclude) return true;
    const shown = displayPath(path, this.globBase);
    return (!this.include || this.include(shown)) && !(this.exclude && this.exclude(shown));
  }

  /** The real path spelled under the given root that holds it (as the walk spells files), if any. */
  private underRoots(real: string): string | undefined {
    const i = this.realRoots.findIndex((root) => real === root || real.startsWith(root + sep));
    return i < 0 ? undefined : join(this.roots[i], relative(this.realRoots[i], real));
  }

  /** Where a `.py` link leads, when it may be followed; otherwise records why not. */
  private linkTarget(path: string): string | undefined {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      this.notFollowed.push({
        path,
        reason: code === "ELOOP" ? "symbolic link loop" : "dangling symbolic link",
      });
      return undefined;
    }
    const target = this.underRoots(real);
    if (target === undefined) {
      this.notFollowed.push({ path, reason: `symbolic link to ${real}, outside the given paths` });
      return undefined;
    }
    try {
      if (!statSync(real).isFile()) return undefined; // a link to a folder is never walked
    } catch {
      return undefined;
    }
    return target;
  }

  private walk(dir: string, chain: IgnoreRules[]): void {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // unreadable folders are skipped; unreadable files are reported per file
    }
    this.listings.set(dir, entries);
    // The listing says whether there is a .gitignore: no look-up per folder for one.
    const own = entries.some((e) => e.name === ".gitignore") ? loadGitignore(dir) : undefined;
    const rules = own ? [...chain, own] : chain;
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = inFolder(dir, entry.name);
      if (entry.isDirectory()) {
        if (DEFAULT_EXCLUDED_DIRS.has(entry.name) || isIgnored(rules, path, true)) continue;
        if (this.exclude && this.exclude(displayPath(path, this.globBase) + "/")) continue;
        this.walk(path, rules);
      } else if (entry.name.endsWith(".py")) {
        if (isIgnored(rules, path, false) || !this.selected(path)) continue;
        if (entry.isSymbolicLink()) {
          const target = this.linkTarget(path);
          if (target !== undefined) this.found.add(target);
        } else if (entry.isFile()) this.found.add(path);
      }
    }
  }
}

/**
 * Every Python file under a project root, with .gitignore, the default skips and `exclude`
 * honoured: what the pre-pass reads whatever paths were named. Nothing when it cannot be walked.
 */
export function filesUnderRoot(
  exclude: string[],
  configFile: string | undefined,
  cwd: string,
): (root: string) => { files: string[]; listed?: Listed } {
  return (root) => {
    try {
      const { files, listed } = discoverPythonFiles(
        [root],
        { include: [], exclude, globBase: globBaseFor(configFile, cwd) },
        cwd,
      );
      return { files, listed };
    } catch {
      return { files: [] };
    }
  };
}
