import { readFileSync } from "node:fs";
import { sizeRefusal, type FileLook } from "../runner/file-job.js";
import { decodeSource, readFailure } from "../project/source.js";
import { lineColumnAt, lineStartsOf } from "../syntax/lines.js";
import { firstSyntaxProblem, withNativeTree } from "../syntax/parse.js";
import { surveySource } from "../engine/pipeline.js";
import { isAsyncFunction } from "../python/shapes.js";
import type { Context, NativeTree, Transform } from "../model/types.js";
import { transformById, type Registry } from "../model/registry.js";

/*
 * `asyncshift report` for one file: what runs on the worker threads. The orchestration and the
 * totals are in inventory.ts.
 */

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
  /** "skipped": larger than `--max-file-size`, so not read (the run reports AS913 there). */
  status: "ok" | "syntax-error" | "unreadable" | "skipped";
  /** Why the file could not be looked at (syntax error line, not UTF-8, too large, ...). */
  reason?: string;
  asyncFunctions: number;
  syncFunctions: number;
  sites: InventorySite[];
}

/** What a worker sends back: the file's inventory, and the transforms that report no sites. */
export interface InventoryJobResult {
  file: InventoryFile;
  silent: string[];
}

/**
 * Every function definition, async or not, read from the binding's tree in one call: most files
 * hold no site, and copying their whole tree (see syntax-tree.ts) would cost as much as the parse.
 */
function functionCounts(native: NativeTree): { async: number; sync: number } {
  let async = 0;
  let sync = 0;
  for (const fn of native.rootNode.descendantsOfType("function_definition")) {
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
  /** The file's dotted module path from the project root, when known. */
  module?: string,
): InventoryFile {
  const text = source.replace(/^\uFEFF/, "");
  return withNativeTree(text, (native) =>
    inventoryOfTree(path, text, native, transforms, ctx, skipGlobs, silent, module),
  );
}

function inventoryOfTree(
  path: string,
  text: string,
  native: NativeTree,
  transforms: readonly Transform[],
  ctx: Context,
  skipGlobs: Record<string, string[]>,
  silent: Set<string>,
  module: string | undefined,
): InventoryFile {
  const problem = firstSyntaxProblem(native);
  const empty = { path, asyncFunctions: 0, syncFunctions: 0, sites: [] as InventorySite[] };
  if (problem)
    return {
      ...empty,
      status: "syntax-error",
      reason:
        `syntax error on line ${problem.line + 1}` +
        (problem.python2 ? ` (${problem.python2})` : ""),
    };
  const counts = functionCounts(native);
  const file: InventoryFile = {
    ...empty,
    status: "ok",
    asyncFunctions: counts.async,
    syncFunctions: counts.sync,
  };
  const lineStarts = lineStartsOf(text);
  for (const { transform, sites, skipped } of surveySource(
    { source: text, path, ...(module ? { module } : {}), transforms, ctx, skipGlobs },
    native,
  )) {
    if (sites === undefined) {
      silent.add(transform);
      continue;
    }
    for (const site of sites)
      file.sites.push({
        transform,
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

/** The inventory of one file on disk; a file that cannot be read or decoded is listed as such. */
export function inventoryOfPath(
  job: FileLook & { maxBytes?: number },
  registry: Registry,
): InventoryJobResult {
  const unreadable = (reason: string, status: "unreadable" | "skipped" = "unreadable") => ({
    file: {
      path: job.path,
      status,
      reason,
      asyncFunctions: 0,
      syncFunctions: 0,
      sites: [],
    },
    silent: [],
  });
  let bytes: Buffer;
  try {
    const tooLarge = sizeRefusal(job.file, job.maxBytes);
    if (tooLarge) return unreadable(tooLarge.message, "skipped");
    bytes = readFileSync(job.file);
  } catch (error) {
    return unreadable(readFailure(error));
  }
  const decoded = decodeSource(bytes);
  if ("problem" in decoded) return unreadable(decoded.problem.message);
  const silent = new Set<string>();
  const transforms = job.transforms.map((id) => transformById(registry, id));
  const ctx: Context = { options: job.options, project: job.project };
  const file = inventoryOfSource(
    job.path,
    decoded.text,
    transforms,
    ctx,
    job.skip,
    silent,
    job.module,
  );
  return { file, silent: [...silent] };
}
