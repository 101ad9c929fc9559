import { djangoUserModels } from "../django/user-model.js";
import { lastSegment } from "../python/lookup.js";
import { existsSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import type { Options } from "../config/options.js";
import type {
  IndexedCall,
  IndexedFunction,
  IndexedModule,
  IndexedReference,
  ModelFacts,
  ProjectFacts,
  ProjectIndex,
  SubProject,
} from "../model/types.js";
import { PACKED_CALL_WIDTH, type PackedOutline } from "../python/packed-outline.js";
import { outlineOfPath, prePassOfText, type PrePass } from "./pre-pass.js";
import { displayPath, relativePath, type Listed } from "./paths.js";
import { IndexCache } from "./index-cache.js";
import { contentKeyOf, stampClock } from "./content-keys.js";
import type { JobRunner } from "./jobs.js";
import { dottedName, ModuleNames } from "../python/module-names.js";
import { absoluteName } from "../python/relative-imports.js";
import { referencesOfFile } from "./references.js";
import { setNamedCallsOf, type NamedCalls } from "./named-calls.js";
import {
  dependencyFacts,
  dependencyFilesAbove,
  dependencyFilesIn,
  entryPointsOf,
  nearestDependencyFiles,
  projectFacts,
  subProjectFacts,
  modelsOfFiles,
  NO_DEPENDENCIES,
  unreadModelBodies,
  withDependencies,
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

export { CACHE_DIR } from "./index-cache.js";
export { stampClock } from "./content-keys.js";

/**
 * Below this much work the pre-pass (a text scan, few parses) runs in the main thread: threads
 * pay off only when the share of the scan they take off it outlasts their cost. Measured on two
 * cores, a thread costs about 0.35 s of CPU (loading the bundle and tree-sitter, its copy of the
 * project index, its own collections: Django's own source took 1.73 s of CPU on two threads and
 * 0.96 s inline), and the scan reads about 18 MB/s (12 under load). So the threads' share, 1 -
 * 1/jobs of the scan, must be worth 0.35 s (6.3 MB): 12.6 MB for two threads, 8.4 MB for four.
 * On an idle machine starting threads costs less wall time than CPU (they start side by side):
 * there wagtail's 9.5 MB ran 5% faster on two threads; under load 25% slower.
 */
function prePassBytesForThreads(jobs: number): number {
  if (threadsWhateverTheSize()) return 0;
  return jobs <= 1 ? Infinity : (6.3 * 2 ** 20) / (1 - 1 / jobs);
}

function threadsWhateverTheSize(): boolean {
  return Boolean(process.env.ASYNCSHIFT_TEST_THREADS);
}

/**
 * Should the rewrite pass over these files run on threads? Only when the share the threads take
 * off the main thread outlasts what they cost (see prePassBytesForThreads): the pass reads about
 * 3 MB/s (a parse, a copy of the tree, every transform), so 0.35 s is 1 MB, 2 MB on its half for
 * two threads. Django's own 50 files with sites (0.9 MB) ran faster inline.
 */
export function rewriteWorthThreads(files: string[], sizes: Map<string, number>, jobs: number) {
  if (jobs <= 1) return false;
  if (threadsWhateverTheSize()) return true;
  const bytes = files.reduce((sum, f) => sum + (sizes.get(f) ?? 0), 0);
  return bytes >= 2 ** 20 / (1 - 1 / jobs);
}

export interface PrePassResult {
  /** The pre-pass of each file of the run, in order (undefined: unreadable). */
  prePass: (PrePass | undefined)[];
  /** Each file's size when the pre-pass looked (absent: it could not). */
  sizes: Map<string, number>;
  /**
   * The SHA-256 of each file's bytes as the pre-pass read them (absent: it could not): what the
   * plans were made from, checked again before a file is written.
   */
  hashes: Map<string, string>;
  project: ProjectFacts;
  index: ProjectIndex;
  /** How this run names the project's modules. */
  modules: ModuleNames;
}

/**
 * The pre-pass: facts of every Python file under the project root, whatever paths were named
 * (pre-commit passes only staged files: a model declared in an unstaged file must still prove a
 * rewrite), from the cache where a file has not changed.
 */
export async function projectPrePass(
  pool: JobRunner,
  files: string[],
  options: Pick<Options, "paths"> &
    Partial<Pick<Options, "include" | "maxFileSize">> & {
      cache?: boolean;
      /** What the walk that found `files` listed (see Listed). */
      listed?: Listed;
    },
  cwd: string,
  cacheKey: string,
  /** Every Python file under a folder, as the run's discovery finds them, and what it listed. */
  filesUnder: (root: string) => string[] | { files: string[]; listed?: Listed },
  /** A file read from this text instead of the disk (`--stdin-filename`), never cached. */
  source?: { file: string; text: string },
): Promise<PrePassResult> {
  const { root, all, listed } = projectFilesOf(files, options, cwd, filesUnder);
  const modules = projectModuleNames(root, all, listed);
  const cache = options.cache === false ? undefined : new IndexCache(root, cacheKey);
  const paths = all.map((file) => relativePath(root, file));
  const now = stampClock.now();
  const stats = all.map((file, i) => contentKeyOf(file, now, cache, paths[i]));
  const prePass = all.map((file, i) =>
    file === source?.file
      ? prePassOfText(source.text)
      : stats[i]
        ? cache?.get(paths[i], stats[i]!)
        : undefined,
  );
  const missing = all.flatMap((file, i) => (prePass[i] ? [] : [i]));
  // Opening and reading a file costs what scanning about 1.5 KB does (a dense project's
  // thousands of small files are more work than their bytes say).
  const missingBytes = missing.reduce((sum, i) => sum + (stats[i]?.size ?? 0) + 1536, 0);
  const read = await pool.run<PrePass | undefined>(
    missing.map((i) => ({
      kind: "facts" as const,
      file: all[i],
      ...(options.maxFileSize ? { maxBytes: options.maxFileSize * 1024 * 1024 } : {}),
    })),
    undefined,
    { inline: missingBytes < prePassBytesForThreads(pool.size) },
  );
  missing.forEach((i, k) => (prePass[i] = read[k]));
  const { models, reread } = await readModelBodies(pool, all, prePass);
  if (cache) {
    // Only what was read in this run: a warm run leaves the cache file as it is.
    for (const i of new Set([...missing, ...reread]))
      if (prePass[i] && stats[i] && all[i] !== source?.file)
        cache.set(paths[i], stats[i]!, prePass[i]!);
    cache.save(new Set(paths));
  }
  const project = projectFactsOfPrePass(
    { all, files, prePass, root, cwd },
    models,
    reread,
    source ? undefined : cache,
  );
  const index = indexOf(
    modules,
    all.map((file, i) => ({ file, path: paths[i], outline: prePass[i]?.outline })),
    cache,
    // A text not read from disk has calls the cache does not hold.
    source ? undefined : cache?.namedCalls(),
  );
  const positions = new Map(all.map((f, i) => [f, i]));
  const sizes = new Map(all.flatMap((f, i) => (stats[i] ? [[f, stats[i]!.size] as const] : [])));
  const hashes = new Map(all.flatMap((f, i) => (stats[i] ? [[f, stats[i]!.hash] as const] : [])));
  return {
    prePass: files.map((f) => prePass[positions.get(f)!]),
    sizes,
    hashes,
    project,
    index,
    modules,
  };
}

/** The project's root, its every file (the run's first), and what the walk listed. */
function projectFilesOf(
  files: string[],
  options: Pick<Options, "paths"> & Partial<Pick<Options, "include">> & { listed?: Listed },
  cwd: string,
  filesUnder: (root: string) => string[] | { files: string[]; listed?: Listed },
): { root: string; all: string[]; listed?: Listed } {
  const root = projectRootOf(resolve(cwd, options.paths[0] ?? "."));
  // The run's own discovery, when it walked the root with no include glob, found the same files.
  const walkedRoot =
    options.paths.length === 1 &&
    resolve(cwd, options.paths[0]) === root &&
    (options.include ?? []).length === 0;
  const walked = walkedRoot ? { files, listed: options.listed } : filesUnder(root);
  const { files: projectFiles, listed } = Array.isArray(walked) ? { files: walked } : walked;
  return { root, all: [...new Set([...files, ...projectFiles])], listed };
}

/** The project's facts from the pre-pass of its files and the dependency files above them. */
function projectFactsOfPrePass(
  run: {
    all: string[];
    files: string[];
    prePass: (PrePass | undefined)[];
    root: string;
    cwd: string;
  },
  models: ReturnType<typeof modelsOfFiles> | undefined,
  reread: number[],
  cache: IndexCache | undefined,
): ProjectFacts {
  const { all, files, prePass, root, cwd } = run;
  const dependencyFiles = projectDependencyFiles(all, root);
  // The files' part depends on their facts (the cache's entries), the paths shown (from cwd) and
  // the order: the named files come first.
  const key = JSON.stringify([cwd, files.map((f) => relativePath(root, f))]);
  let fromFiles = cache?.derivedFacts(key);
  if (!fromFiles) {
    fromFiles = projectFacts(
      NO_DEPENDENCIES,
      all.flatMap((file, i) => {
        const facts = prePass[i]?.facts;
        return facts ? [{ path: displayPath(file, cwd), facts }] : [];
      }),
      // Resolved once for both, unless a second round read bodies (and found more).
      reread.length === 0 ? models : undefined,
    );
    cache?.keepDerivedFacts(key, fromFiles);
  }
  const project = withDependencies(dependencyFacts(dependencyFiles), fromFiles);
  project.root = root;
  // Said in diagnostics like a chain's blockers: from the project root.
  const unsafeIn = project.asyncUnsafeAllowedIn;
  if (unsafeIn) project.asyncUnsafeAllowedIn = displayPath(resolve(cwd, unsafeIn), root);
  const subProjects = subProjectsOf(root, files, all, prePass);
  if (Object.keys(subProjects).length > 0) project.subProjects = subProjects;
  // orm-human-6 G11: each Django project's user model, from its own settings (ormk).
  const userModels = djangoUserModels(root, all);
  if (Object.keys(userModels).length > 0) project.userModels = userModels;
  const entryPoints = entryPointsOf(dependencyFiles);
  if (entryPoints.length > 0) project.entryPoints = entryPoints;
  return project;
}

/**
 * The dependency files the project's facts are read from: each Django project's in a folder below
 * the root (backend/manage.py pins Django there: the same pin is read whether the run names the
 * repository or that folder), then those at and above the root.
 */
function projectDependencyFiles(all: readonly string[], root: string): string[] {
  const djangoFolders = all
    .filter((f) => f.endsWith(`${sep}manage.py`))
    .map((f) => dirname(f))
    .filter((d) => d !== root)
    .sort((a, b) => a.length - b.length);
  return [...djangoFolders.flatMap((d) => dependencyFilesIn(d)), ...dependencyFilesAbove(root)];
}

/**
 * The folders below the root that declare their own dependencies and are the nearest such folder
 * of one of the run's files, with what their dependency files and their files' imports say.
 */
function subProjectsOf(
  root: string,
  files: readonly string[],
  all: readonly string[],
  prePass: readonly (PrePass | undefined)[],
): Record<string, SubProject> {
  const cache = new Map<string, { folder: string; files: string[] } | null>();
  const nearest = new Map<string, string[]>();
  for (const file of files) {
    const found = nearestDependencyFiles(dirname(file), root, cache);
    if (found) nearest.set(found.folder, found.files);
  }
  const subProjects: Record<string, SubProject> = {};
  for (const [folder, dependencyFiles] of nearest) {
    // Its own files: those whose nearest folder declaring dependencies is this one.
    const imports = () => {
      const own = all.flatMap((f, i) =>
        (folder === root || f.startsWith(folder + sep)) &&
        nearestDependencyFiles(dirname(f), root, cache)?.folder === folder
          ? [prePass[i]?.facts]
          : [],
      );
      return {
        django: own.some((f) => f?.importsDjango),
        asgiref: own.some((f) => f?.importsAsgiref),
      };
    };
    const evidence = dependencyFiles.map((f) => relative(root, f).split(sep).join("/")).join(", ");
    subProjects[relative(root, folder).split(sep).join("/")] = subProjectFacts(
      dependencyFiles,
      imports,
      evidence,
    );
  }
  return subProjects;
}

/**
 * A second, small round: bodies the first left unread, in files that turned out to hold models.
 * Returns the models it resolved (none when no file left bodies unread) and the positions of the
 * files read again.
 */
async function readModelBodies(
  pool: JobRunner,
  files: string[],
  prePass: (PrePass | undefined)[],
): Promise<{ models?: Record<string, ModelFacts>; reread: number[] }> {
  // The models are resolved only when a file left bodies unread (a warm run's stored facts never
  // do): projectFacts resolves the same models itself when it is not given them.
  if (!prePass.some((p) => p?.facts?.bodiesUnread)) return { reread: [] };
  const models = modelsOfFiles(prePass.map((p) => p?.facts));
  const reread = unreadModelBodies(
    prePass.map((p) => p?.facts),
    models,
  );
  const read = await pool.run<FileFacts | undefined>(
    reread.map((i) => ({ kind: "model-facts" as const, file: files[i] })),
  );
  reread.forEach((i, k) => {
    if (read[k]) prePass[i] = { ...prePass[i]!, facts: read[k] };
  });
  return { models, reread };
}

/**
 * The module names of a run's project: the files the pre-pass listed answer without the disk,
 * others are looked for once each.
 */
export function projectModuleNames(
  root: string,
  listed: Iterable<string> = [],
  walked?: Listed,
): ModuleNames {
  const files = new Set(listed);
  return new ModuleNames(
    root,
    (file) => files.has(file) || (walked?.(file) ?? existsSync(file)),
    [...files],
    relativePath,
  );
}

interface FileOutline {
  file: string;
  /** Relative to the root, in the platform's separators. */
  path: string;
  outline?: PackedOutline;
}

/** The calls of a file's outline: its own, from the cache's calls file, or read again. */
function callsOfOutline(
  { file, path, outline }: Required<FileOutline>,
  cache: IndexCache | undefined,
): (string | number)[] {
  return outline.c ?? cache?.callsOf(path) ?? outlineOfPath(file)?.c ?? [];
}

/** asgiref's wrappers: where a call graph reaches thread-sensitive work (asyncio-run asks). */
const ALWAYS_INDEXED = ["sync_to_async", "database_sync_to_async", "async_to_sync"];

/**
 * The functions of the project and the calls that may reach them: calls whose callee's last name
 * is a project function's (the index keeps no call the project cannot resolve), and asgiref's
 * wrappers. Read from the packed outlines as they are (see PackedOutline).
 */
function indexOf(
  modules: ModuleNames,
  outlines: FileOutline[],
  cache: IndexCache | undefined,
  named: NamedCalls | undefined,
): ProjectIndex {
  const functions: IndexedFunction[] = [];
  const names = new Set<string>(ALWAYS_INDEXED);
  const withOutlines = outlinedFiles(outlines);
  for (const file of withOutlines) {
    const { shown: path, outline } = file;
    if (outline.f.length === 0) continue;
    const module = modules.ofRelative(file.path);
    for (const [name, className, parent, isAsync, decorators, line] of outline.f) {
      names.add(name);
      // Literals, not spreads: a spread in an object literal is a slow copy, once per function.
      functions.push(
        className !== 0
          ? {
              module,
              path,
              name,
              className,
              nested: parent >= 0,
              async: isAsync === 1,
              decorators,
              line,
            }
          : { module, path, name, nested: parent >= 0, async: isAsync === 1, decorators, line },
      );
    }
  }
  const patches = withOutlines.flatMap(({ shown: path, outline }) =>
    (outline.p ?? []).map((p) => ({ path, ...p })),
  );
  let calls: IndexedCall[] | undefined;
  let references: IndexedReference[] | undefined;
  let imports: Record<string, IndexedModule> | undefined;
  const index: ProjectIndex = {
    root: modules.root,
    functions,
    // Made when first read: a run whose files follow no call across files (most one-file runs)
    // never asks, and a large project has a hundred thousand of them.
    get calls() {
      return (calls ??= indexedCalls(withOutlines, names, cache));
    },
    patches,
    // Made when first read, as the calls: only a conversion in place asks.
    get references() {
      return (references ??= withOutlines.flatMap((file) => {
        const packed = referencesOfOutline(file, cache);
        return packed.length === 0
          ? []
          : referencesOfFile({ ...file, module: modules.ofRelative(file.path) }, packed);
      }));
    },
  };
  // Made when first read, and not an own enumerable property: a worker thread's copy of the
  // index (structured clone) leaves it out, as no survey starts there.
  Object.defineProperty(index, "modules", {
    get: () => (imports ??= importsOfOutlines(modules, withOutlines)),
    enumerable: false,
  });
  // One file's calls without the whole project's (a one-file run's mock check reads its tests').
  callsOfFileIn.set(
    index,
    callsOfFileOf(withOutlines, names, cache, () => calls),
  );
  if (named)
    setNamedCallsOf(
      index,
      named.lookup(withOutlines, names, () => calls),
    );
  return index;
}

/** The files that have an outline, with their root-relative path in "/" separators. */
function outlinedFiles(outlines: FileOutline[]): (Required<FileOutline> & { shown: string })[] {
  // Literals, not spreads: once per file of the project.
  return outlines.flatMap(({ file, path, outline }) =>
    outline ? [{ file, path, shown: sep === "/" ? path : path.split(sep).join("/"), outline }] : [],
  );
}

/** How an index this module made gives one file's calls (see callsInFile). */
const callsOfFileIn = new WeakMap<ProjectIndex, (path: string) => readonly IndexedCall[]>();

/** `callsInFile` for an index made of these outlines: from its calls once made, else the file's. */
function callsOfFileOf(
  withOutlines: (Required<FileOutline> & { shown: string })[],
  names: ReadonlySet<string>,
  cache: IndexCache | undefined,
  made: () => IndexedCall[] | undefined,
): (path: string) => readonly IndexedCall[] {
  const byShown = new Map(withOutlines.map((file) => [file.shown, file]));
  const ofFile = new Map<string, IndexedCall[]>();
  return (path) => {
    let found = ofFile.get(path);
    if (found) return found;
    found = [];
    const calls = made();
    if (calls) for (const c of calls) if (c.path === path) found.push(c);
    const file = calls ? undefined : byShown.get(path);
    if (file) pushCallsOfFile(found, file, names, cache);
    ofFile.set(path, found);
    return found;
  };
}

/**
 * The index's calls in the file at `path` (root-relative, "/" separators), in index order: the
 * same as `index.calls.filter((c) => c.path === path)`, without making the project's calls when
 * the index was made here.
 */
export function callsInFile(index: ProjectIndex, path: string): readonly IndexedCall[] {
  const ofFile = callsOfFileIn.get(index);
  return ofFile ? ofFile(path) : index.calls.filter((c) => c.path === path);
}

const DOT = ".".charCodeAt(0);

/** Each file's module and what its imports bind, made absolute (see IndexedModule). */
function importsOfOutlines(
  modules: ModuleNames,
  withOutlines: readonly (Required<FileOutline> & { shown: string })[],
): Record<string, IndexedModule> {
  const out: Record<string, IndexedModule> = {};
  for (const { path, shown, outline } of withOutlines) {
    const module = modules.ofRelative(path);
    // A module without an import root names its absolute imports as written (see absoluteName).
    const asWritten = !module.includes("/");
    const imports = new Set<string>();
    const renames: [string, string][] = [];
    for (const written of outline.i ?? []) {
      const as = written.indexOf(" as ");
      const qualified = as < 0 ? written : written.slice(0, as);
      if (as >= 0)
        renames.push([qualified.slice(qualified.lastIndexOf(".") + 1), written.slice(as + 4)]);
      const absolute =
        asWritten && qualified.charCodeAt(0) !== DOT
          ? qualified
          : absoluteName(qualified, module, shown);
      if (absolute !== undefined) imports.add(dottedName(absolute));
    }
    // Assigned, not spread (a spread is a slow copy, for every file of the project).
    const entry: IndexedModule = { module, imports: [...imports] };
    if (renames.length > 0) entry.renames = renames;
    if (outline.a) entry.awaitableTypes = true;
    if (outline.t) entry.returns = outline.t;
    if (outline.m) entry.annotated = outline.m;
    if (outline.v) entry.assigned = outline.v;
    out[shown] = entry;
  }
  return out;
}

/**
 * The references of a file's outline: its own (an outline read in this run has its calls, and
 * references when it has any), from the cache's calls file, or read again.
 */
function referencesOfOutline(
  { file, path, outline }: Required<FileOutline>,
  cache: IndexCache | undefined,
): (string | number)[] {
  if (outline.c) return outline.r ?? [];
  return cache?.referencesOf(path) ?? outlineOfPath(file)?.r ?? [];
}

/** The calls of the outlines whose callee's last name is in `names`. */
function indexedCalls(
  withOutlines: (Required<FileOutline> & { shown: string })[],
  names: ReadonlySet<string>,
  cache: IndexCache | undefined,
): IndexedCall[] {
  const calls: IndexedCall[] = [];
  for (const file of withOutlines) pushCallsOfFile(calls, file, names, cache);
  return calls;
}

/** One outline's calls whose callee's last name is in `names`, pushed to `calls` in order. */
function pushCallsOfFile(
  calls: IndexedCall[],
  file: Required<FileOutline> & { shown: string },
  names: ReadonlySet<string>,
  cache: IndexCache | undefined,
): void {
  const { shown: path, outline } = file;
  const c = callsOfOutline(file, cache);
  let withinNames: string[] | undefined;
  for (let k = 0; k + PACKED_CALL_WIDTH - 1 < c.length; k += PACKED_CALL_WIDTH) {
    const callee = c[k] as string;
    if (!names.has(lastSegment(callee))) continue;
    const flags = c[k + 2] as number;
    const within = c[k + 3] as number;
    withinNames ??= outline.f.map(([name, className]) =>
      className !== 0 ? `${className}.${name}` : name,
    );
    const call: IndexedCall = {
      path,
      line: c[k + 1] as number,
      callee,
      awaited: (flags & 1) === 1,
    };
    if (flags & 2) call.passesUser = true;
    if (within >= 0) call.within = withinNames[within];
    calls.push(call);
  }
}
