import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Options } from "../config/options.js";
import { makeContext } from "../config/context.js";
import {
  projectPrePass,
  rewriteWorthThreads,
  type PrePassResult,
} from "../project/project-index.js";
import { projectOfFile, subProjectOf } from "../project/project-facts.js";
import { mockedRewrites, withMockFindings } from "../project/mocks.js";
import { VERSION } from "../version.js";
import { inertResult, type FileJob, type FileLook } from "./file-job.js";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult, RunResult, Summary } from "../model/results.js";
import { discoverPythonFiles, filesUnderRoot, globBaseFor } from "./files.js";
import { displayPath } from "../project/paths.js";
import { filesChangedSince, refuseDirtyWrites, uncommittedFiles } from "./git.js";
import { Pool, type PoolSetup } from "./pool.js";
import type { Registry } from "../model/registry.js";
import type { ModuleNames } from "../python/module-names.js";
import { surveyProject } from "../project/survey.js";
import { planFormatter } from "./formatter.js";
import { transformApplies } from "../engine/pipeline.js";
import { DEFAULT_DJANGO_VERSION } from "../django/orm.js";
import type {
  Context,
  Notice,
  ProjectFacts,
  SurveyPlan,
  Transform,
  TransformOptions,
} from "../model/types.js";

export class UsageError extends Error {
  override name = "UsageError";
}

/**
 * What a composition root hands a run or a report: every transform there is, and how the pool
 * runs jobs (the same registry in every thread).
 */
export interface RunSetup {
  registry: Registry;
  pool: PoolSetup;
}

/** The transforms a run uses, in the order asked for, or all in canonical order. */
export function selectedTransforms(registry: Registry, ids: string[]): Transform[] {
  if (ids.length === 0) return [...registry];
  return ids.map((id) => {
    const transform = registry.find((t) => t.meta.id === id);
    if (!transform)
      throw new UsageError(
        `unknown transform "${id}" (available: ${registry.map((t) => t.meta.id).join(", ")})`,
      );
    return transform;
  });
}

/** The look at each file of a run or a report, from what is the same for all of them. */
export function fileLook(
  cwd: string,
  transforms: readonly Transform[],
  options: TransformOptions,
  project: ProjectFacts,
  skip: Record<string, string[]>,
  modules: ModuleNames,
): (file: string) => FileLook {
  const ids = transforms.map((t) => t.meta.id);
  return (file) => ({
    file,
    path: displayPath(file, cwd),
    ...(project.root ? { module: modules.of(file) } : {}),
    transforms: ids,
    options,
    project: projectOfFile(project, file),
    skip,
  });
}

/** What cached pre-pass results depend on besides the files: the tool and the trigger words. */
export function cacheKey(registry: Registry, transforms: readonly Transform[]): string {
  return [VERSION, ...registry.flatMap((t) => t.meta.triggers), transforms.length].join("\0");
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface RunHooks {
  /** Called as files finish: for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Keep each changed file's old and new text in its result. */
  keepText?: boolean;
}

/**
 * The Python files under the run's paths (`found`), those it rewrites (`files`: fewer with
 * --changed-since), and what discovery did not take.
 */
function filesOfRun(options: Options, cwd: string) {
  const selection = {
    include: options.include,
    exclude: options.exclude,
    globBase: globBaseFor(options.configFile, cwd),
  };
  const discovered = discoverPythonFiles(options.paths, selection, cwd);
  const found = discovered.files;
  const files = options.changedSince
    ? filesChangedSince(options.changedSince, found, resolve(cwd, options.paths[0] ?? "."))
    : found;
  return { ...discovered, found, files };
}

/** Runs the transforms over the paths; never prints. */
export async function run(
  options: Options,
  setup: RunSetup,
  hooks: RunHooks = {},
): Promise<RunResult> {
  const started = performance.now();
  const transforms = selectedTransforms(setup.registry, options.transforms);
  const cwd = process.cwd();
  const { found, files, notFollowed, excludedNamed } = filesOfRun(options, cwd);
  const formatter = planFormatter(options.formatWith, resolve(cwd, options.paths[0] ?? "."));
  if (formatter.error) throw new UsageError(formatter.error);

  // One pool for both passes: threads start (and load tree-sitter) once per run. Between passes its
  // idle threads do not hold the process open, so an exception here needs no clean-up.
  const pool = new Pool(options.jobs > 0 ? options.jobs : defaultJobs(), setup.pool);
  // Models may be declared in files --changed-since leaves out: the pre-pass reads every file found.
  const prePass = await projectPrePass(
    pool,
    found,
    options,
    cwd,
    cacheKey(setup.registry, transforms),
    filesUnderRoot(options.exclude, options.configFile, cwd),
  );
  pool.shareIndex(prePass.index);
  // Like `cargo fix`: never overwrite work that is not committed yet (see refuseDirtyWrites); a
  // plan across files must not count on such a file being rewritten either.
  const dirty =
    options.mode === "write" && !options.allowDirty ? uncommittedFiles(files) : new Set<string>();
  const rewritten = files.filter((file) => !dirty.has(file));
  // The survey sees the project as the pre-pass found it; the rewrite pass, with its plans.
  const plans = await surveyProject(
    pool,
    transforms,
    makeContext(options, prePass.project, transforms),
    prePass,
    rewritten,
    (files) => rewriteWorthThreads(files, prePass.sizes, pool.size),
  );
  const project: ProjectFacts = { ...prePass.project, plans };
  const ctx = makeContext(options, project, transforms);
  const notices = [
    ...runNotices(options, transforms, ctx, excludedNamed, cwd),
    ...subProjectNotices(transforms, ctx, files),
  ];
  const lookAt = fileLook(cwd, transforms, ctx.options, project, options.skip, prePass.modules);
  const extra = { ...(formatter.command ? { formatter: formatter.command } : {}) };
  const results = await rewritePass(
    pool,
    { files, found, prePass, plans, lookAt, extra, notices, dirty },
    options,
    hooks,
  );
  await pool.close();
  // Said only when it mattered: a file changed and went out unformatted.
  if (formatter.notice && results.some((r) => r.status === "changed"))
    notices.push({ message: formatter.notice });
  withLinksNotFollowed(results, notFollowed, cwd);
  return {
    mode: options.mode,
    transforms: transforms.map((t) => t.meta.id),
    project,
    targetDjangoVersion: options.djangoVersion ?? project.djangoVersion ?? DEFAULT_DJANGO_VERSION,
    files: results,
    notices,
    summary: summarize(results, transforms, (performance.now() - started) / 1000),
    exitCode: exitCodeOf(options.mode, results),
  };
}

/** What the run says once: transforms that did nothing and why, named files it excluded. */
function runNotices(
  options: Options,
  transforms: readonly Transform[],
  ctx: Context,
  excludedNamed: readonly string[],
  cwd: string,
): Notice[] {
  const withoutDjango = !ctx.options.django && !ctx.project.usesDjango;
  const notices: Notice[] = transforms
    .filter((t) => withoutDjango && t.meta.needsDjango && transformApplies(t, ctx))
    .flatMap((t) => {
      const does = ctx.project.usesAsgiref
        ? (t.meta.alsoWithAsgiref ?? t.meta.withoutDjango)
        : t.meta.withoutDjango;
      return does
        ? [
            {
              transform: t.meta.id,
              message: `${t.meta.id}: no Django found in the project; ${does}`,
            },
          ]
        : [];
    });
  notices.push(
    ...transforms
      .filter((t) => !transformApplies(t, ctx))
      .map((t) => ({
        transform: t.meta.id,
        message:
          `${t.meta.id} did nothing: no Django found in the project's dependency files or ` +
          `imports (what it fixes needs Django's database work); pass --django to run it anyway`,
      })),
  );
  const excludedBy = options.configFile
    ? `the exclude globs (--exclude, or exclude in ${displayPath(options.configFile, cwd)})`
    : "--exclude";
  for (const file of excludedNamed)
    notices.push({
      message: `${displayPath(file, cwd)}: named on the command line but excluded by ${excludedBy}; not processed`,
    });
  return notices;
}

/**
 * A service of the repository whose dependency files name neither Django nor asgiref, holding
 * files of the run: the transforms that need them leave those files alone, said once per folder.
 */
function subProjectNotices(
  transforms: readonly Transform[],
  ctx: Context,
  files: readonly string[],
): Notice[] {
  const { subProjects, root } = ctx.project;
  if (!subProjects || !root) return [];
  const notices: Notice[] = [];
  for (const [folder, sub] of Object.entries(subProjects)) {
    const file = files.find((f) => subProjectOf(ctx.project, f) === folder);
    if (!file) continue;
    const own = { ...ctx, project: projectOfFile(ctx.project, file) };
    const left = transforms.filter((t) => transformApplies(t, ctx) && !transformApplies(t, own));
    // A transform that still reports what fails in any project says what it does there.
    const partly = transforms.filter(
      (t) =>
        t.meta.needsDjango &&
        t.meta.withoutDjango &&
        (ctx.options.django || ctx.project.usesDjango || ctx.project.usesAsgiref) &&
        !own.project.usesDjango &&
        !own.project.usesAsgiref,
    );
    const said = [
      ...(left.length > 0 ? [`${left.map((t) => t.meta.id).join(", ")} left its files alone`] : []),
      ...partly.map((t) => `${t.meta.id}: ${t.meta.withoutDjango}`),
    ];
    if (said.length > 0)
      notices.push({
        message:
          `${folder || "the project root"}: its dependency files (${sub.evidence}) name neither Django nor asgiref; ` +
          said.join("; "),
      });
  }
  return notices;
}

/**
 * The rewrite pass over the run's files (inert ones answered without being read again), then
 * the tests that patch what it rewrote, then writes refused for uncommitted files.
 */
async function rewritePass(
  pool: Pool,
  pass: {
    files: string[];
    found: string[];
    prePass: PrePassResult;
    plans: Record<string, SurveyPlan>;
    lookAt: (file: string) => FileLook;
    extra: Partial<FileJob>;
    notices: Notice[];
    dirty: Set<string>;
  },
  options: Options,
  hooks: RunHooks,
): Promise<FileResult[]> {
  const { files, found, prePass, plans, lookAt, extra, notices, dirty } = pass;
  const cwd = process.cwd();
  // A module a transform's plan edits is read whatever its text (see Transform.survey).
  const planned = new Set(Object.values(plans).flatMap((p) => p.modules));
  const inert = new Set(
    found.filter((file, i) => prePass.prePass[i]?.inert && !planned.has(lookAt(file).module ?? "")),
  );
  const jobsList: FileJob[] = files
    .filter((file) => !inert.has(file))
    .map((file) => ({
      ...lookAt(file),
      write: options.mode === "write" && !dirty.has(file),
      wantDiff: options.format === "text" && options.diff,
      keepText: hooks.keepText ?? false,
      ignore: options.ignore,
      reportUnusedIgnores: options.reportUnusedIgnores,
      ...extra,
    }));
  const inertCount = files.length - jobsList.length;
  if (inertCount > 0) hooks.onProgress?.(inertCount, files.length);
  const inline = !rewriteWorthThreads(
    jobsList.map((job) => job.file),
    prePass.sizes,
    pool.size,
  );
  const processed = await processPlannedFirst(pool, jobsList, { planned, inline }, (done) =>
    hooks.onProgress?.(inertCount + done, files.length),
  );
  // Back in file order: inert files take their place without having been read again.
  let nextProcessed = 0;
  const inOrder = files.map((file) =>
    inert.has(file) ? inertResult(displayPath(file, cwd)) : processed[nextProcessed++],
  );
  const modules = new Map(jobsList.map((job) => [job.path, job.module ?? ""]));
  const rewritten = inOrder.flatMap((r) =>
    r.status === "changed" && r.replaced
      ? [{ module: modules.get(r.path)!, replaced: r.replaced }]
      : [],
  );
  return refuseDirtyWrites(
    withMockFindings(inOrder, mockedRewrites(prePass.index, rewritten, cwd)),
    new Set(jobsList.filter((job) => dirty.has(job.file)).map((job) => job.path)),
    notices,
  );
}

/**
 * The jobs' results in order, the modules a plan edits processed (and written) first: a file
 * that comes to depend on them (a wrapper now awaiting a twin) is written only after them, so a
 * run stopped in between leaves code that works, and the next run finishes the work.
 */
async function processPlannedFirst(
  pool: Pool,
  jobs: FileJob[],
  how: { planned: ReadonlySet<string>; inline: boolean },
  onProgress: (done: number) => void,
): Promise<FileResult[]> {
  const run = (list: FileJob[], before: number) =>
    pool.run<FileResult>(
      list.map((job) => ({ kind: "process" as const, job })),
      (done) => onProgress(before + done),
      { inline: how.inline },
    );
  const first = jobs.filter((job) => how.planned.has(job.module ?? ""));
  if (first.length === 0) return run(jobs, 0);
  const firstResults = await run(first, 0);
  // A file a plan edits that failed, or was not written: the files that would count on it
  // (a wrapper awaiting a twin it was to hold) are rewritten as if there were no plan.
  const unplanned = firstResults.some(
    (r, i) =>
      r.status === "failed" ||
      r.diagnostics.some((d) => d.code === "AS901") ||
      (first[i].write && r.status === "changed" && !r.written),
  );
  const rest = jobs
    .filter((job) => !how.planned.has(job.module ?? ""))
    .map((job) => (unplanned ? { ...job, project: { ...job.project, plans: undefined } } : job));
  const restResults = await run(rest, first.length);
  const byPath = new Map<string, FileResult>([
    ...first.map((job, i) => [job.file, firstResults[i]] as const),
    ...rest.map((job, i) => [job.file, restResults[i]] as const),
  ]);
  return jobs.map((job) => byPath.get(job.file)!);
}

/** Links discovery did not follow out of the given paths (or dangling, or looping): one warning each. */
function withLinksNotFollowed(
  results: FileResult[],
  notFollowed: readonly { path: string; reason: string }[],
  cwd: string,
): void {
  for (const link of notFollowed) {
    const message = `${link.reason}: not followed`;
    results.push({
      path: displayPath(link.path, cwd),
      status: "skipped",
      reason: message,
      diagnostics: [runnerDiagnostic("AS908", "warning", message)],
      skippedBy: [],
    });
  }
  if (notFollowed.length > 0)
    results.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export function summarize(
  results: FileResult[],
  transforms: Transform[],
  seconds: number,
): Summary {
  const summary: Summary = {
    filesScanned: results.length,
    filesChanged: 0,
    filesWritten: 0,
    filesSkipped: 0,
    filesFailed: 0,
    editsByTransform: Object.fromEntries(transforms.map((t) => [t.meta.id, 0])),
    sitesByTransform: Object.fromEntries(transforms.map((t) => [t.meta.id, 0])),
    skippedByTransform: {},
    diagnostics: 0,
    errors: 0,
    warnings: 0,
    diagnosticsByCode: {},
    seconds,
  };
  for (const result of results) {
    if (result.status === "changed") {
      summary.filesChanged++;
      if (result.written) summary.filesWritten++;
      for (const edit of result.edits)
        summary.editsByTransform[edit.transform] =
          (summary.editsByTransform[edit.transform] ?? 0) + 1;
      for (const fix of result.fixes ?? [])
        summary.sitesByTransform[fix.source] = (summary.sitesByTransform[fix.source] ?? 0) + 1;
    } else if (result.status === "skipped") summary.filesSkipped++;
    else if (result.status === "failed") summary.filesFailed++;
    for (const id of result.skippedBy)
      summary.skippedByTransform[id] = (summary.skippedByTransform[id] ?? 0) + 1;
    summary.diagnostics += result.diagnostics.length;
    for (const d of result.diagnostics) {
      if (d.severity === "error") summary.errors++;
      else if (d.severity === "warning") summary.warnings++;
      summary.diagnosticsByCode[d.code] = (summary.diagnosticsByCode[d.code] ?? 0) + 1;
    }
  }
  return summary;
}

/**
 * As black's: 2 on an internal failure (a transform threw, output would not parse); otherwise the
 * dry run is informative (0), and --check (pending change or error) and --write (an error remains,
 * a file not written) give 1.
 */
export function exitCodeOf(mode: Options["mode"], results: FileResult[]): 0 | 1 | 2 {
  const internal = results.some((r) =>
    r.diagnostics.some((d) => d.code === "AS999" || d.code === "AS901"),
  );
  if (internal) return 2;
  if (mode === "dry-run") return 0;
  const pending = mode === "check" && results.some((r) => r.status === "changed");
  const errors = results.some((r) => r.diagnostics.some((d) => d.severity === "error"));
  return pending || errors ? 1 : 0;
}
