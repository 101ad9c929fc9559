import type { Options } from "../config/options.js";
import { filesUnderRoot, globBaseFor, pythonFiles } from "../runner/files.js";
import { displayPath } from "../project/paths.js";
import type { InventoryFile, InventoryJobResult, InventorySite } from "./file.js";
import { Pool } from "../runner/pool.js";
import {
  cacheKey,
  defaultJobs,
  fileLook,
  selectedTransforms,
  type RunSetup,
} from "../runner/run.js";
import { projectPrePass } from "../project/project-index.js";
import { surveyProject } from "../project/survey.js";
import { makeContext } from "../config/context.js";
import type { Registry } from "../model/registry.js";

export { inventoryOfSource, type InventoryFile, type InventorySite } from "./file.js";

/** Context shown for a site in a file its transform skips: a fresh process, where it is correct. */
export const SKIPPED_CONTEXT = "test/command";

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
    /** Files over `--max-file-size`, not read. */
    skippedFiles: number;
    sites: SiteCounts;
    /** Blocked sites by blocker (kind → blocker → count). */
    blockers: Record<string, Record<string, number>>;
  };
  /** Transforms that do not report sites (yet): their columns are not counted. */
  silentTransforms: string[];
}

function bump(table: Record<string, Record<string, number>>, a: string, b: string): void {
  table[a] ??= {};
  table[a][b] = (table[a][b] ?? 0) + 1;
}

/** Site kinds whose transform counts sites in files it skips apart (as fresh processes). */
export function kindsCountingSkipped(registry: Registry): ReadonlySet<string> {
  return new Set(
    registry
      .flatMap(({ meta }) => meta.siteKinds ?? [])
      .filter((k) => k.columns.some((c) => c.context === SKIPPED_CONTEXT))
      .map((k) => k.kind),
  );
}

/** The context a site is counted under: in a skipped file, test/command where its kind counts it. */
export function countedContext(site: InventorySite, countingSkipped: ReadonlySet<string>): string {
  return site.skipped && countingSkipped.has(site.kind) ? SKIPPED_CONTEXT : site.context;
}

export function totalsOf(
  files: InventoryFile[],
  countingSkipped: ReadonlySet<string>,
): Inventory["totals"] {
  const totals: Inventory["totals"] = {
    files: files.length,
    asyncFunctions: 0,
    syncFunctions: 0,
    mixedFiles: 0,
    syntaxErrorFiles: 0,
    unreadableFiles: 0,
    skippedFiles: 0,
    sites: {},
    blockers: {},
  };
  for (const file of files) {
    totals.asyncFunctions += file.asyncFunctions;
    totals.syncFunctions += file.syncFunctions;
    if (file.asyncFunctions > 0 && file.syncFunctions > 0) totals.mixedFiles++;
    if (file.status === "syntax-error") totals.syntaxErrorFiles++;
    if (file.status === "unreadable") totals.unreadableFiles++;
    if (file.status === "skipped") totals.skippedFiles++;
    for (const site of file.sites) {
      bump(totals.sites, site.kind, countedContext(site, countingSkipped));
      // A detail may go on after ": " (a chain's path): the tally is by what comes before.
      const blocker = site.detail?.split(": ")[0] ?? "unknown";
      if (site.context === "blocked") bump(totals.blockers, site.kind, blocker);
    }
  }
  return totals;
}

/**
 * `asyncshift report`: the audit of the paths, reusing each transform's own site detection. Files
 * are read on the worker pool the run uses: the same pre-pass for project facts, then one task
 * per file; results come back in file order.
 */
export async function inventory(
  options: Options,
  setup: RunSetup,
  cwd = process.cwd(),
): Promise<Inventory> {
  const transforms = selectedTransforms(setup.registry, options.transforms);
  const files = pythonFiles(
    options.paths,
    {
      include: options.include,
      exclude: options.exclude,
      globBase: globBaseFor(options.configFile, cwd),
    },
    cwd,
  );
  // Files over --max-file-size are read by no pass, as in a run (AS913 there).
  const maxBytes = options.maxFileSize * 1024 * 1024;
  const pool = new Pool(options.jobs > 0 ? options.jobs : defaultJobs(), setup.pool);
  try {
    const { project, index, modules } = await projectPrePass(
      pool,
      files,
      options,
      cwd,
      cacheKey(setup.registry, transforms),
      filesUnderRoot(options.exclude, options.configFile, cwd),
    );
    pool.shareIndex(index);
    // The inventory describes the code whatever the project: Django-only transforms look too.
    const given = { ...options, django: true };
    // Chains across files are counted as the run would plan them.
    const plans = await surveyProject(
      pool,
      transforms,
      makeContext(given, project, transforms),
      { index, modules },
      files,
      undefined,
      { maxBytes },
    );
    const ctx = makeContext(given, { ...project, plans }, transforms);
    const lookAt = fileLook(cwd, transforms, ctx.options, ctx.project, options.skip, modules);
    const found = await pool.run<InventoryJobResult | undefined>(
      files.map((file) => ({ kind: "inventory" as const, job: { ...lookAt(file), maxBytes } })),
    );
    const silent = new Set(found.flatMap((result) => result?.silent ?? []));
    const results = found.map(
      (result, i): InventoryFile =>
        result?.file ?? {
          path: displayPath(files[i], cwd),
          status: "unreadable",
          reason: "internal error while reading it (please report this)",
          asyncFunctions: 0,
          syncFunctions: 0,
          sites: [],
        },
    );
    return {
      files: results,
      totals: totalsOf(results, kindsCountingSkipped(setup.registry)),
      silentTransforms: [...silent],
    };
  } finally {
    await pool.close();
  }
}
