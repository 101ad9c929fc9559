import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import picomatch from "picomatch";
import type { Options } from "./config.js";
import { lineColumnAt, lineStartsOf } from "./lines.js";
import { decodeSource } from "./file-job.js";
import { displayPath, globBaseFor, pythonFiles } from "./files.js";
import { firstSyntaxProblem, parsePython } from "./parse.js";
import { mayHoldSite } from "./pipeline.js";
import {
  dependencyFacts,
  dependencyFilesAbove,
  factsOfFile,
  projectFacts,
  type FileFacts,
} from "./python/project.js";
import { isAsyncFunction } from "./python/scope.js";
import { selectedTransforms } from "./runner.js";
import type { Context, SyntaxNode, Transform, TransformSite } from "./types.js";

/** A site as the inventory lists it: 1-based position, and whether the transform skips the file. */
export interface InventorySite {
  transform: string;
  kind: string;
  context: string;
  detail?: string;
  line: number;
  column: number;
  /** The file matches the transform's skip globs (tests, management commands, migrations, ...). */
  skipped: boolean;
}

export interface InventoryFile {
  path: string;
  status: "ok" | "syntax-error" | "unreadable";
  /** Why the file could not be looked at (syntax error line, not UTF-8, ...). */
  reason?: string;
  asyncFunctions: number;
  syncFunctions: number;
  sites: InventorySite[];
}

/** Counts by kind, then by context ("test/command" for sites in files the transform skips). */
export type SiteCounts = Record<string, Record<string, number>>;

export interface Inventory {
  files: InventoryFile[];
  totals: {
    files: number;
    asyncFunctions: number;
    syncFunctions: number;
    /** Files that define both async and sync functions. */
    mixedFiles: number;
    syntaxErrorFiles: number;
    unreadableFiles: number;
    sites: SiteCounts;
    /** Blocked sites by blocker (kind → blocker → count). */
    blockers: Record<string, Record<string, number>>;
  };
  /** Transforms that do not report sites (yet): their columns are not counted. */
  silentTransforms: string[];
}

/** Context shown for a site in a file its transform skips: a fresh process, where it is correct. */
export const SKIPPED_CONTEXT = "test/command";

function functionCounts(root: SyntaxNode): { async: number; sync: number } {
  let async = 0;
  let sync = 0;
  for (const fn of root.descendantsOfType("function_definition")) {
    if (isAsyncFunction(fn)) async++;
    else sync++;
  }
  return { async, sync };
}

/**
 * What each transform recognises in one file, without rewriting anything: every transform runs on
 * the file as read (not chained), even where its skip globs or the Django check would stop it.
 */
export function inventoryOfSource(
  path: string,
  source: string,
  transforms: readonly Transform[],
  ctx: Context,
  skipGlobs: Record<string, string[]>,
  silent: Set<string>,
): InventoryFile {
  const text = source.replace(/^\uFEFF/, "");
  const tree = parsePython(text);
  const problem = firstSyntaxProblem(tree);
  const empty = { path, asyncFunctions: 0, syncFunctions: 0, sites: [] as InventorySite[] };
  if (problem)
    return { ...empty, status: "syntax-error", reason: `syntax error on line ${problem.line + 1}` };
  const counts = functionCounts(tree.rootNode);
  const file: InventoryFile = {
    ...empty,
    status: "ok",
    asyncFunctions: counts.async,
    syncFunctions: counts.sync,
  };
  let lineStarts: number[] | undefined;
  for (const transform of transforms) {
    if (!mayHoldSite(text, transform, ctx)) continue;
    const id = transform.meta.id;
    const globs = skipGlobs[id] ?? transform.meta.defaultSkip ?? [];
    const skipped = globs.length > 0 && picomatch(globs, { dot: true })(path);
    let sites: TransformSite[] | undefined;
    try {
      sites = transform.transform({ path, source: text, tree }, ctx).sites;
    } catch {
      continue; // a transform that fails here fails in a run too, where it is reported (AS999)
    }
    if (sites === undefined) {
      silent.add(id);
      continue;
    }
    lineStarts ??= lineStartsOf(text);
    for (const site of sites)
      file.sites.push({
        transform: id,
        kind: site.kind,
        context: site.context,
        ...(site.detail !== undefined ? { detail: site.detail } : {}),
        ...lineColumnAt(text, lineStarts, site.start),
        skipped,
      });
  }
  file.sites.sort((a, b) => a.line - b.line || a.column - b.column);
  return file;
}

function bump(table: Record<string, Record<string, number>>, a: string, b: string): void {
  table[a] ??= {};
  table[a][b] = (table[a][b] ?? 0) + 1;
}

/** The context a site is counted under: skipped files count as test/command for asyncio.run. */
export function countedContext(site: InventorySite): string {
  return site.skipped && site.transform === "asyncio-run" ? SKIPPED_CONTEXT : site.context;
}

export function totalsOf(files: InventoryFile[]): Inventory["totals"] {
  const totals: Inventory["totals"] = {
    files: files.length,
    asyncFunctions: 0,
    syncFunctions: 0,
    mixedFiles: 0,
    syntaxErrorFiles: 0,
    unreadableFiles: 0,
    sites: {},
    blockers: {},
  };
  for (const file of files) {
    totals.asyncFunctions += file.asyncFunctions;
    totals.syncFunctions += file.syncFunctions;
    if (file.asyncFunctions > 0 && file.syncFunctions > 0) totals.mixedFiles++;
    if (file.status === "syntax-error") totals.syntaxErrorFiles++;
    if (file.status === "unreadable") totals.unreadableFiles++;
    for (const site of file.sites) {
      bump(totals.sites, site.kind, countedContext(site));
      if (site.context === "blocked") bump(totals.blockers, site.kind, site.detail ?? "unknown");
    }
  }
  return totals;
}

/** `asyncshift report`: the audit of the paths, reusing each transform's own site detection. */
export function inventory(options: Options, cwd = process.cwd()): Inventory {
  const transforms = selectedTransforms(options.transforms);
  const files = pythonFiles(
    options.paths,
    {
      include: options.include,
      exclude: options.exclude,
      globBase: globBaseFor(options.configFile, cwd),
    },
    cwd,
  );
  const sources = files.map((file) => {
    try {
      const decoded = decodeSource(readFileSync(file));
      return "text" in decoded ? { text: decoded.text } : { problem: decoded.problem.message };
    } catch (error) {
      return {
        problem: `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      };
    }
  });
  const firstPath = resolve(cwd, options.paths[0] ?? ".");
  const searchFrom =
    existsSync(firstPath) && statSync(firstPath).isFile() ? dirname(firstPath) : firstPath;
  const project = projectFacts(
    dependencyFacts(dependencyFilesAbove(searchFrom)),
    files.flatMap((file, i) => {
      const source = sources[i];
      if (!("text" in source) || source.text === undefined) return [];
      let facts: FileFacts;
      try {
        facts = factsOfFile(source.text);
      } catch {
        return [];
      }
      return [{ path: displayPath(file, cwd), facts }];
    }),
  );
  const ctx: Context = {
    project,
    options: {
      unsafeFixes: options.unsafeFixes,
      // The inventory describes the code whatever the project: Django-only transforms look too.
      django: true,
      toThreadMode: options.toThreadMode,
      twins: options.twins,
      ...(options.djangoVersion ? { djangoVersion: options.djangoVersion } : {}),
    },
  };
  const silent = new Set<string>();
  const results = files.map((file, i): InventoryFile => {
    const path = displayPath(file, cwd);
    const source = sources[i];
    if (!("text" in source) || source.text === undefined)
      return {
        path,
        status: "unreadable",
        reason: source.problem,
        asyncFunctions: 0,
        syncFunctions: 0,
        sites: [],
      };
    return inventoryOfSource(path, source.text, transforms, ctx, options.skip, silent);
  });
  return { files: results, totals: totalsOf(results), silentTransforms: [...silent] };
}
