import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import type { Options } from "../config/options.js";
import { makeContext } from "../config/context.js";
import {
  projectPrePass,
  projectRootOf,
  rewriteWorthThreads,
  type PrePassResult,
} from "../project/project-index.js";
import { projectOfFile } from "../project/sub-projects.js";
import { withMockFindings } from "../project/mocks.js";
import { mockFindings } from "./mock-findings.js";
import { declaredTwins, projectSettingProblem } from "./project-settings.js";
import { VERSION } from "../version.js";
import { buildId } from "../build-id.js";
import { inertResult, refusalToWrite, type FileJob, type FileLook } from "./file-job.js";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult, RunResult, Summary } from "../model/results.js";
import { discoverPythonFiles, filesUnderRoot, globBaseFor } from "./files.js";
import { displayPath } from "../project/paths.js";
import { filesChangedSince, refuseDirtyWrites, uncommittedFiles } from "./git.js";
import { Pool, type PoolSetup } from "./pool.js";
import { contentHash } from "../project/cache-folder.js";
import type { WriteJournal } from "./journal.js";
import { pauseAt } from "./test-faults.js";
import { writeGroupsOf } from "./write-groups.js";
import {
  interruptedNotices,
  startWrites,
  writeResults,
  type WriteSession,
  type WriteTargets,
} from "./write-phase.js";
import type { Registry } from "../model/registry.js";
import type { ModuleNames } from "../python/module-names.js";
import { surveyProject } from "../project/survey.js";
import { prepareSurvey, startWordSkips, surveyWorthThreads } from "./survey-setup.js";
import { runNotices, subProjectNotices } from "./notices.js";
import { planFormatter, type FormatterPlan } from "./formatter.js";
import { DEFAULT_DJANGO_VERSION } from "../django/orm.js";
import type {
  Context,
  Notice,
  ProjectIndex,
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

/** What cached pre-pass results depend on besides the files: the build and the trigger words. */
export function cacheKey(
  registry: Registry,
  transforms: readonly Transform[],
  maxFileSize?: number,
): string {
  // A file over the size limit has an empty entry: a run with another limit reads it again.
  return [
    VERSION,
    buildId(),
    ...registry.flatMap((t) => t.meta.triggers),
    // What the pre-pass records of the surveys' start words (see surveyStartsIn).
    ...registry.flatMap((t) => t.survey?.startWords ?? []),
    transforms.length,
    maxFileSize ?? "",
  ].join("\0");
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

export interface RunHooks {
  /** Called as files finish: for a progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Keep each changed file's old and new text in its result. */
  keepText?: boolean;
  /**
   * One file's text from elsewhere than the disk (`--stdin-filename`: an editor's buffer): the
   * file is processed from it, even when no such file exists yet, and its facts come from it.
   */
  source?: { file: string; text: string };
  /** Told once when another run holds the project's lock and this one waits for it. */
  onWait?: (message: string) => void;
  /**
   * The caller holds the project's lock for longer than this run (--verify: its test suite runs
   * before and after the writes): the run does not take it again.
   */
  lockHeld?: boolean;
  /** Ctrl-C, SIGTERM: once aborted, no further write group is started. */
  signal?: AbortSignal;
  /** The changed texts will be written (`-i`): the project's formatter runs on them. */
  formatForWrite?: boolean;
  /** Told when the run starts and stops writing files (an interrupt then waits for the group). */
  onWriting?: (writing: boolean) => void;
}

/**
 * Runs the transforms over the paths; never prints. A writing run holds the project's lock from
 * before it reads anything until its last write, and first rolls back what an interrupted run
 * left (see write-phase.ts).
 */
export async function run(
  options: Options,
  setup: RunSetup,
  hooks: RunHooks = {},
): Promise<RunResult> {
  const root = projectRootOf(resolve(process.cwd(), options.paths[0] ?? "."));
  if (options.mode !== "write")
    return runLocked(options, setup, hooks, { notices: interruptedNotices(root) });
  const session = await startWrites(root, hooks);
  try {
    return await runLocked(options, setup, hooks, { session, notices: session.notices });
  } finally {
    session.release?.();
  }
}

async function runLocked(
  options: Options,
  setup: RunSetup,
  hooks: RunHooks,
  start: { session?: WriteSession; notices: Notice[] },
): Promise<RunResult> {
  const started = performance.now();
  const transforms = selectedTransforms(setup.registry, options.transforms);
  const cwd = process.cwd();
  const { found, files, notFollowed, excludedNamed, listed } = discover(options, cwd, hooks.source);
  const formatter = formatterOf(options, cwd, hooks);
  // One pool for both passes: threads start (and load tree-sitter) once per run. Between passes its
  // idle threads do not hold the process open, so an exception here needs no clean-up.
  const pool = new Pool(options.jobs > 0 ? options.jobs : defaultJobs(), setup.pool);
  // Models may be declared in files --changed-since leaves out: the pre-pass reads every file found.
  const prePass = await projectPrePass(
    pool,
    found,
    { ...options, listed },
    cwd,
    cacheKey(setup.registry, transforms, options.maxFileSize),
    filesUnderRoot(options.exclude, options.configFile, cwd),
    hooks.source,
  );
  prepareSurvey(pool, prePass, found);
  // Like `cargo fix`: never overwrite work that is not committed yet (see refuseDirtyWrites); a
  // plan across files must not count on such a file being rewritten either.
  const dirty =
    options.mode === "write" && !options.allowDirty
      ? withoutOwnWrites(uncommittedFiles(files), start.session?.journal)
      : new Set<string>();
  const rewritten = files.filter((file) => !dirty.has(file));
  // The survey sees the project as the pre-pass found it; the rewrite pass, with its plans.
  const plans = await surveyProject(
    pool,
    transforms,
    makeContext(options, prePass.project, transforms),
    { ...prePass, skips: startWordSkips(setup.registry, prePass, found) },
    rewritten,
    surveyWorthThreads(pool, prePass, found),
    { source: hooks.source, maxBytes: options.maxFileSize * 1024 * 1024 },
  );
  const project: ProjectFacts = { ...prePass.project, plans };
  const ctx = makeContext(options, project, transforms);
  const twins = runSettings(transforms, ctx, prePass.index);
  const notices = [
    ...start.notices,
    ...runNotices(options, transforms, ctx, excludedNamed, cwd),
    ...subProjectNotices(transforms, ctx, files),
  ];
  const lookAt = fileLook(cwd, transforms, ctx.options, project, options.skip, prePass.modules);
  const extra = { ...formatterJob(formatter), maxBytes: options.maxFileSize * 1024 * 1024 };
  await pauseAt("plan");
  const { results, plans: writePlans } = await rewritePass(
    pool,
    { files, found, prePass, plans, lookAt, extra, notices, dirty, twins },
    options,
    hooks,
  );
  await pool.close();
  const targets = writeTargets(lookAt, prePass, cwd);
  const groups = linkedGroups(results, writePlans, targets);
  const interrupted = await writePhase(results, writePlans, targets, start.session, hooks);
  // Said only when it mattered: a file changed and went out unformatted.
  if (formatter.notice && results.some((r) => r.status === "changed"))
    notices.push({ message: formatter.notice });
  withLinksNotFollowed(results, notFollowed, cwd);
  return {
    mode: options.mode,
    ...(interrupted ? { interrupted } : {}),
    writeGroups: groups,
    transforms: transforms.map((t) => t.meta.id),
    project,
    targetDjangoVersion: options.djangoVersion ?? project.djangoVersion ?? DEFAULT_DJANGO_VERSION,
    files: results,
    notices,
    summary: summarize(results, transforms, (performance.now() - started) / 1000),
    exitCode: exitCodeOf(options.mode, results),
  };
}

/** The run's files: those found under the paths, and those it rewrites (--changed-since). */
function discover(options: Options, cwd: string, source: RunHooks["source"]) {
  const selection = {
    include: options.include,
    exclude: options.exclude,
    globBase: globBaseFor(options.configFile, cwd),
    projectRoot: projectRootOf(resolve(cwd, options.paths[0] ?? ".")),
  };
  // An editor's buffer for a file not saved yet: that file alone.
  const {
    files: found,
    notFollowed,
    excludedNamed,
    listed,
  } = source && !existsSync(source.file)
    ? { files: [source.file], notFollowed: [], excludedNamed: [], listed: undefined }
    : discoverPythonFiles(options.paths, selection, cwd);
  const files = options.changedSince
    ? filesChangedSince(options.changedSince, found, resolve(cwd, options.paths[0] ?? "."))
    : found;
  return { found, files, notFollowed, excludedNamed, listed };
}

/**
 * The project's formatter for this run. It runs only when files are written (issue 22, item 6):
 * a dry run or --check in CI runs no program the project names, and says the patch is unformatted.
 */
function formatterOf(options: Options, cwd: string, hooks: RunHooks): FormatterPlan {
  const plan = planFormatter(
    options.formatWith,
    resolve(cwd, options.paths[0] ?? "."),
    process.env.PATH,
    options.formatterFromVenv,
  );
  if (plan.error) throw new UsageError(plan.error);
  if (!plan.command || options.mode === "write" || hooks.formatForWrite === true) return plan;
  return {
    notice: `${plan.command.name} runs on the changed files only when they are written: the patch shows them before formatting`,
  };
}

function formatterJob(formatter: FormatterPlan): Partial<FileJob> {
  return formatter.command ? { formatter: formatter.command } : {};
}

/** The write phase of a writing run; true when Ctrl-C or SIGTERM stopped it early. */
async function writePhase(
  results: FileResult[],
  plans: Record<string, SurveyPlan> | undefined,
  targets: WriteTargets,
  session: WriteSession | undefined,
  hooks: RunHooks,
): Promise<boolean> {
  if (!session) return false;
  hooks.onWriting?.(true);
  try {
    const outcome = await writeResults(results, plans, targets, session, {
      keepText: hooks.keepText ?? false,
      interrupted: () => hooks.signal?.aborted ?? false,
    });
    return outcome.interrupted;
  } finally {
    hooks.onWriting?.(false);
  }
}

/** The declared twins, once the project's code is found to agree with the settings (else exit 2). */
function runSettings(
  transforms: readonly Transform[],
  ctx: Context,
  index: ProjectIndex,
): Record<string, string> {
  const problem = projectSettingProblem(transforms, ctx, index);
  if (problem) throw new UsageError(problem);
  return declaredTwins(transforms, ctx);
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
    /** The declared async twins: a test may patch a name one of them replaced (AS920). */
    twins: Record<string, string>;
  },
  options: Options,
  hooks: RunHooks,
): Promise<{ results: FileResult[]; plans: Record<string, SurveyPlan> | undefined }> {
  const { files, found, prePass, plans, lookAt, extra, notices, dirty, twins } = pass;
  const cwd = process.cwd();
  // A module a transform's plan edits is read whatever its text (see Transform.survey).
  const planned = new Set(Object.values(plans).flatMap((p) => p.modules));
  const inert = new Set(
    found.filter((file, i) => prePass.prePass[i]?.inert && !planned.has(lookAt(file).module ?? "")),
  );
  const source = hooks.source;
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
      ...(file === source?.file ? { source: source.text } : {}),
    }));
  const inertCount = files.length - jobsList.length;
  if (inertCount > 0) hooks.onProgress?.(inertCount, files.length);
  const inline = !rewriteWorthThreads(
    jobsList.map((job) => job.file),
    prePass.sizes,
    pool.size,
  );
  const { results: processed, unplanned } = await processPlannedFirst(
    pool,
    jobsList,
    { planned, inline, planHash: (file) => prePass.hashes.get(file) },
    (done) => hooks.onProgress?.(inertCount + done, files.length),
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
  const mocked = mockFindings(prePass.index, { inOrder, rewritten, files, lookAt, twins }, cwd);
  const results = refuseDirtyWrites(
    withMockFindings(inOrder, mocked),
    new Set(jobsList.filter((job) => dirty.has(job.file)).map((job) => job.path)),
    notices,
  );
  // Rewritten as if there were no plan: no file depends on another, each is its own write group.
  return { results, plans: unplanned ? undefined : plans };
}

/** Where the write phase finds each result's file, module and the hash its plan was made from. */
function writeTargets(
  lookAt: (file: string) => FileLook,
  prePass: PrePassResult,
  cwd: string,
): WriteTargets {
  const file = (r: FileResult) => resolve(cwd, r.path);
  return {
    file,
    module: (r) => lookAt(file(r)).module ?? "",
    planHash: (f) => prePass.hashes.get(f),
  };
}

/**
 * The jobs' results in order, the modules a plan edits processed (and written) first: a file
 * that comes to depend on them (a wrapper now awaiting a twin) is written only after them, so a
 * run stopped in between leaves code that works, and the next run finishes the work.
 */
async function processPlannedFirst(
  pool: Pool,
  jobs: FileJob[],
  how: {
    planned: ReadonlySet<string>;
    inline: boolean;
    planHash: (file: string) => string | undefined;
  },
  onProgress: (done: number) => void,
): Promise<{ results: FileResult[]; unplanned: boolean }> {
  const run = (list: FileJob[], before: number) =>
    pool.run<FileResult>(
      list.map((job) => ({ kind: "process" as const, job })),
      (done) => onProgress(before + done),
      { inline: how.inline },
    );
  const first = jobs.filter((job) => how.planned.has(job.module ?? ""));
  if (first.length === 0) return { results: await run(jobs, 0), unplanned: false };
  const firstResults = await run(first, 0);
  // A file a plan edits that failed, or was not written: the files that would count on it
  // (a wrapper awaiting a twin it was to hold) are rewritten as if there were no plan.
  const unplanned = firstResults.some(
    (r, i) =>
      r.status === "failed" ||
      r.diagnostics.some((d) => d.code === "AS901") ||
      (first[i].write &&
        r.status === "changed" &&
        !mayBeWritten(first[i].file, r.readHash, how.planHash(first[i].file))),
  );
  const rest = jobs
    .filter((job) => !how.planned.has(job.module ?? ""))
    .map((job) => (unplanned ? { ...job, project: { ...job.project, plans: undefined } } : job));
  const restResults = await run(rest, first.length);
  const byPath = new Map<string, FileResult>([
    ...first.map((job, i) => [job.file, firstResults[i]] as const),
    ...rest.map((job, i) => [job.file, restResults[i]] as const),
  ]);
  return { results: jobs.map((job) => byPath.get(job.file)!), unplanned };
}

/**
 * Can the write phase replace the file: it still holds what the plan was made from (and the new
 * text was made from), and nothing else refuses it (read-only, a link)?
 */
function mayBeWritten(
  file: string,
  read: string | undefined,
  planned: string | undefined,
): boolean {
  try {
    const bytes = readFileSync(file);
    const hash = contentHash(bytes);
    return hash === read && hash === planned && refusalToWrite(file, bytes) === undefined;
  } catch {
    return false;
  }
}

/** The write groups of more than one file among the changed results, by display path. */
function linkedGroups(
  results: FileResult[],
  plans: Record<string, SurveyPlan> | undefined,
  targets: WriteTargets,
): string[][] {
  const changed = results.filter((r) => r.status === "changed");
  const candidates = changed.map((r) => ({ file: targets.file(r), module: targets.module(r) }));
  return writeGroupsOf(candidates, plans)
    .filter((group) => group.length > 1)
    .map((group) => group.map((i) => changed[i].path));
}

/** The uncommitted files, less those holding exactly what this tool last wrote to them. */
function withoutOwnWrites(dirty: Set<string>, journal: WriteJournal | undefined): Set<string> {
  if (!journal || dirty.size === 0) return dirty;
  const own = journal.ownWrites(dirty);
  return new Set([...dirty].filter((file) => !own.has(file)));
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
