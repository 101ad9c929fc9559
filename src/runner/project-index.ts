import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Options } from "../config/options.js";
import type { IndexedCall, IndexedFunction, ProjectFacts, ProjectIndex } from "../model/types.js";
import type { Outline } from "../python/outline.js";
import type { PrePass } from "./file-job.js";
import { discoverPythonFiles, displayPath, globBaseFor } from "./files.js";
import type { Pool } from "./pool.js";
import {
  dependencyFacts,
  dependencyFilesAbove,
  dependencyFilesIn,
  entryPointsOf,
  projectFacts,
  unreadModelBodies,
  type FileFacts,
} from "./project-facts.js";

/** Files whose folder is a Python project's root (nearest first wins). */
const ROOT_MARKERS = ["manage.py", "pyproject.toml", "setup.cfg", "setup.py", ".git"];

/**
 * The project a path belongs to: the nearest folder at or above it holding `manage.py`,
 * `pyproject.toml`, `setup.cfg`, `setup.py` or `.git`; the path's own folder when none does.
 */
export function projectRootOf(path: string): string {
  const start = resolve(path);
  const from = existsSync(start) && statSync(start).isFile() ? dirname(start) : start;
  for (let dir = from; ; dir = dirname(dir)) {
    if (ROOT_MARKERS.some((m) => existsSync(join(dir, m)))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** Version of the cache's layout and of what the pre-pass records: a change starts it afresh. */
const CACHE_VERSION = 3;
export const CACHE_DIR = ".asyncshift_cache";

interface CacheEntry {
  size: number;
  mtimeMs: number;
  prePass: PrePass;
}

/**
 * The pre-pass of every file, kept on disk under the project root (`.asyncshift_cache/`, like
 * ruff's cache: safe to delete, ignored by git through its own `.gitignore`), keyed by path, size
 * and modification time, so one staged file in a large project does not read the whole project
 * again. `key` holds what else the entries depend on (the tool's version, the trigger words).
 */
class IndexCache {
  private entries: Record<string, CacheEntry> = {};
  private changed = false;
  private readonly file: string;

  constructor(
    private readonly root: string,
    private readonly key: string,
  ) {
    this.file = join(root, CACHE_DIR, `index-v${CACHE_VERSION}.json`);
    try {
      const stored = JSON.parse(readFileSync(this.file, "utf8")) as {
        key: string;
        entries: Record<string, CacheEntry>;
      };
      if (stored.key === key) this.entries = stored.entries;
    } catch {
      // no cache yet, or unreadable: start afresh
    }
  }

  get(file: string, stat: { size: number; mtimeMs: number }): PrePass | undefined {
    const entry = this.entries[relative(this.root, file)];
    return entry && entry.size === stat.size && entry.mtimeMs === stat.mtimeMs
      ? entry.prePass
      : undefined;
  }

  set(file: string, stat: { size: number; mtimeMs: number }, prePass: PrePass): void {
    this.entries[relative(this.root, file)] = { size: stat.size, mtimeMs: stat.mtimeMs, prePass };
    this.changed = true;
  }

  /** Written atomically; a cache that cannot be written (read-only checkout) is simply not kept. */
  save(kept: ReadonlySet<string>): void {
    const present = Object.keys(this.entries).filter((p) => kept.has(p));
    if (!this.changed && present.length === Object.keys(this.entries).length) return;
    try {
      const dir = dirname(this.file);
      mkdirSync(dir, { recursive: true });
      const ignore = join(dir, ".gitignore");
      if (!existsSync(ignore))
        writeFileSync(ignore, "# Created by asyncshift: safe to delete.\n*\n");
      const entries = Object.fromEntries(present.map((p) => [p, this.entries[p]]));
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ key: this.key, entries }));
      renameSync(temp, this.file);
    } catch {
      // not writable: the next run reads the files again
    }
  }
}

export interface PrePassResult {
  /** The pre-pass of each file of the run, in order (undefined: unreadable). */
  prePass: (PrePass | undefined)[];
  project: ProjectFacts;
  index: ProjectIndex;
}

/**
 * The pre-pass: facts of every Python file under the project root, whatever paths were named
 * (pre-commit passes only staged files: a model declared in an unstaged file must still prove a
 * rewrite), from the cache where a file has not changed.
 */
export async function projectPrePass(
  pool: Pool,
  files: string[],
  options: Pick<Options, "paths" | "exclude" | "configFile"> & { cache?: boolean },
  cwd: string,
  cacheKey: string,
): Promise<PrePassResult> {
  const root = projectRootOf(resolve(cwd, options.paths[0] ?? "."));
  const projectFiles = filesOfProject(root, options, cwd);
  const all = [...new Set([...files, ...projectFiles])];
  const cache = options.cache === false ? undefined : new IndexCache(root, cacheKey);
  const stats = all.map((file) => statOf(file));
  const prePass = all.map((file, i) => (stats[i] ? cache?.get(file, stats[i]!) : undefined));
  const missing = all.flatMap((file, i) => (prePass[i] ? [] : [i]));
  const read = await pool.run<PrePass | undefined>(
    missing.map((i) => ({ kind: "facts" as const, file: all[i] })),
  );
  missing.forEach((i, k) => (prePass[i] = read[k]));
  await readModelBodies(pool, all, prePass);
  if (cache) {
    all.forEach((file, i) => {
      if (prePass[i] && stats[i]) cache.set(file, stats[i]!, prePass[i]!);
    });
    cache.save(new Set(all.map((f) => relative(root, f))));
  }
  // A repository whose Django project sits in a folder (backend/manage.py) pins Django there: the
  // same pin is read whether the run names the repository or that folder.
  const djangoFolders = all
    .filter((f) => f.endsWith(`${sep}manage.py`))
    .map((f) => dirname(f))
    .filter((d) => d !== root)
    .sort((a, b) => a.length - b.length);
  const dependencyFiles = [
    ...djangoFolders.flatMap((d) => dependencyFilesIn(d)),
    ...dependencyFilesAbove(root),
  ];
  const project = projectFacts(
    dependencyFacts(dependencyFiles),
    all.flatMap((file, i) => {
      const facts = prePass[i]?.facts;
      return facts ? [{ path: displayPath(file, cwd), facts }] : [];
    }),
  );
  project.root = root;
  const entryPoints = entryPointsOf(dependencyFiles);
  if (entryPoints.length > 0) project.entryPoints = entryPoints;
  const index = indexOf(
    root,
    all.map((file, i) => ({ file, outline: prePass[i]?.outline })),
  );
  const positions = new Map(all.map((f, i) => [f, i]));
  return { prePass: files.map((f) => prePass[positions.get(f)!]), project, index };
}

/** The calls of one file the index holds, by root-relative path (for the mock check). */
export function callsByPath(index: ProjectIndex): Map<string, IndexedCall[]> {
  const byPath = new Map<string, IndexedCall[]>();
  for (const call of index.calls) {
    const list = byPath.get(call.path);
    if (list) list.push(call);
    else byPath.set(call.path, [call]);
  }
  return byPath;
}

/** A second, small round: bodies the first left unread, in files that turned out to hold models. */
async function readModelBodies(
  pool: Pool,
  files: string[],
  prePass: (PrePass | undefined)[],
): Promise<void> {
  const reread = unreadModelBodies(prePass.map((p) => p?.facts));
  const read = await pool.run<FileFacts | undefined>(
    reread.map((i) => ({ kind: "model-facts" as const, file: files[i] })),
  );
  reread.forEach((i, k) => {
    if (read[k]) prePass[i] = { ...prePass[i]!, facts: read[k] };
  });
}

function statOf(file: string): { size: number; mtimeMs: number } | undefined {
  try {
    const stat = statSync(file);
    return { size: stat.size, mtimeMs: stat.mtimeMs };
  } catch {
    return undefined;
  }
}

/** Every Python file under the root, with .gitignore, the default skips and `exclude` honoured. */
function filesOfProject(
  root: string,
  options: Pick<Options, "exclude" | "configFile">,
  cwd: string,
): string[] {
  try {
    return discoverPythonFiles(
      [root],
      { include: [], exclude: options.exclude, globBase: globBaseFor(options.configFile, cwd) },
      cwd,
    ).files;
  } catch {
    return [];
  }
}

/** `billing/tasks.py` -> `billing.tasks`; `billing/__init__.py` -> `billing`. */
export function moduleOf(root: string, file: string): string {
  const parts = relative(root, file).split(sep);
  const last = parts.pop()!.replace(/\.py$/, "");
  if (last !== "__init__") parts.push(last);
  return parts.join(".");
}

/**
 * The functions of the project and the calls that may reach them: calls whose callee's last name
 * is a project function's (the index keeps no call the project cannot resolve).
 */
function indexOf(root: string, outlines: { file: string; outline?: Outline }[]): ProjectIndex {
  const functions: IndexedFunction[] = [];
  for (const { file, outline } of outlines) {
    if (!outline) continue;
    const module = moduleOf(root, file);
    const path = relative(root, file).split(sep).join("/");
    for (const f of outline.functions)
      functions.push({
        module,
        path,
        name: f.name,
        ...(f.className ? { className: f.className } : {}),
        nested: f.parent !== undefined,
        async: f.async,
        decorators: f.decorators,
        line: f.line,
      });
  }
  const names = new Set(functions.map((f) => f.name));
  const calls: IndexedCall[] = [];
  for (const { file, outline } of outlines) {
    if (!outline) continue;
    const path = relative(root, file).split(sep).join("/");
    for (const call of outline.calls) {
      if (!names.has(call.callee.split(".").at(-1)!)) continue;
      const within = call.within === undefined ? undefined : outline.functions[call.within];
      calls.push({
        path,
        line: call.line,
        callee: call.callee,
        awaited: call.awaited,
        ...(call.passesUser ? { passesUser: true } : {}),
        ...(within
          ? { within: within.className ? `${within.className}.${within.name}` : within.name }
          : {}),
      });
    }
  }
  const patches = outlines.flatMap(({ file, outline }) =>
    (outline?.patches ?? []).map((p) => ({
      path: relative(root, file).split(sep).join("/"),
      ...p,
    })),
  );
  return { root, functions, calls, patches };
}
