import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { transformApplies } from "../engine/pipeline.js";
import type { Context, ProjectIndex, SurveyPlan, SurveyStart, Transform } from "../model/types.js";
import type { ModuleNames } from "../python/module-names.js";
import { projectOfFile } from "./sub-projects.js";
import type { JobRunner } from "./jobs.js";
import type { SurveyJob } from "./survey-job.js";

// The survey: before the rewrite pass, transforms whose rewrites span files (Transform.survey)
// look at the files they ask for, in rounds, and make one plan each that every file's
// transform then reads. The engine never knows what a plan holds.

/** One file asked of in a round, with what is asked of it (nothing: the first round). */
interface Ask {
  path: string;
  /** A first-round file read only if its text holds these (see SurveyStart). */
  names?: string[][][];
  wanted?: string[];
  keys: string[];
}

/** One round's facts, in the asks' order. */
function surveyRound(
  pool: JobRunner,
  asks: readonly Ask[],
  jobOf: (ask: Ask) => SurveyJob,
  worthThreads: (files: string[]) => boolean,
): Promise<(unknown | undefined | null)[]> {
  const jobs = asks.map(jobOf);
  return pool.run<unknown | undefined | null>(
    jobs.map((job) => ({ kind: "survey" as const, job })),
    undefined,
    { inline: !worthThreads(jobs.map((job) => job.file)) },
  );
}

/**
 * A Python file with no function beside files the index lists (a package's `__init__.py`, a
 * module of settings or of a `scoped_session`): added to `byPath` when it exists.
 */
function packageInitOf(
  byPath: Map<string, string>,
  root: string,
  path: string,
  outlined: boolean,
): boolean {
  const folder = path.endsWith(".py") ? path.slice(0, path.lastIndexOf("/") + 1) : "";
  // Or a file the index outlined (a package of constants only, whose folder lists no function).
  if (!outlined && (!folder || ![...byPath.keys()].some((p) => p.startsWith(folder)))) return false;
  if (!existsSync(join(root, path))) return false;
  byPath.set(path, join(root, path));
  return true;
}

/** The first round's asks, from what the survey starts from. */
function firstRound(starts: readonly (string | SurveyStart)[]): Ask[] {
  return starts.map((start) =>
    typeof start === "string"
      ? { path: start, keys: [`${start}\0*`] }
      : { path: start.path, names: start.names, keys: [`${start.path}\0*`] },
  );
}

/** Root-relative paths of the files `transform` rewrites: not those it does not apply to (a service without Django). */
function rewrittenBy(
  transform: Transform,
  ctx: Context,
  rewritten: readonly string[],
  root: string,
): Set<string> {
  return new Set(
    rewritten
      .filter((file) =>
        transformApplies(transform, { ...ctx, project: projectOfFile(ctx.project, file) }),
      )
      .map((file) => relative(root, file).split(sep).join("/")),
  );
}

/**
 * The files the index lists (a function each), by root-relative path. A file with no function
 * holds nothing a survey follows, but for a package's `__init__.py` that re-exports its
 * submodules' functions (`from .catalog import list_products`: see packageInitOf).
 */
function filesOfIndex(index: ProjectIndex): Map<string, string> {
  const byPath = new Map<string, string>();
  for (const f of index.functions)
    if (!byPath.has(f.path)) byPath.set(f.path, join(index.root, f.path));
  return byPath;
}

/** A later round's asks: what is wanted of each file, less what was asked of it already. */
function laterRound(wanted: { path: string; wanted: string[] }[], asked: Set<string>): Ask[] {
  return wanted.flatMap(({ path, wanted }) => {
    const fresh = [...new Set(wanted)].filter((w) => !asked.has(`${path}\0${w}`));
    return fresh.length > 0
      ? [{ path, wanted: fresh, keys: fresh.map((w) => `${path}\0${w}`) }]
      : [];
  });
}

/** What a survey job says of the file asked: where it is, what is asked, its text if given. */
function askedJob(
  ask: Ask,
  file: string,
  first: boolean,
  source: { file: string; text: string } | undefined,
): Pick<SurveyJob, "file" | "path" | "first" | "startNames" | "wanted" | "source"> {
  return {
    file,
    path: ask.path,
    first,
    ...(ask.names ? { startNames: ask.names } : {}),
    ...(ask.wanted ? { wanted: ask.wanted } : {}),
    ...(file === source?.file ? { source: source.text } : {}),
  };
}

/** What the survey reads of the pre-pass. */
interface SurveyInput {
  index: ProjectIndex;
  modules: ModuleNames;
  /** The pre-pass says a first-round file holds none of the transform's start words. */
  skips?: (file: string, transform: string) => boolean;
}

/** Each surveying transform's plan, by transform id. `rewritten`: the files this run rewrites. */
export async function surveyProject(
  pool: JobRunner,
  transforms: readonly Transform[],
  ctx: Context,
  { index, modules, skips }: SurveyInput,
  rewritten: readonly string[],
  /** Whether reading these files is worth starting threads (as the rewrite pass decides). */
  worthThreads: (files: string[]) => boolean = () => false,
  /** `source`: a file read from this text instead of the disk (`--stdin-filename`); files over
   * `maxBytes` are not read (`--max-file-size`). */
  {
    source,
    maxBytes,
  }: { source?: { file: string; text: string } | undefined; maxBytes?: number } = {},
): Promise<Record<string, SurveyPlan>> {
  const root = index.root;
  const byPath = filesOfIndex(index);
  const packageInit = (path: string) =>
    packageInitOf(byPath, root, path, index.modules?.[path] !== undefined);
  // Workers attach their own copy of the index (see Pool.shareIndex).
  const { index: _attached, ...project } = ctx.project;
  const plans: Record<string, SurveyPlan> = {};
  for (const transform of transforms) {
    const survey = transform.survey;
    if (!survey || !transformApplies(transform, ctx)) continue;
    const rewrittenPaths = rewrittenBy(transform, ctx, rewritten, root);
    const facts: unknown[] = [];
    // What was asked of each file: `path\0*` for the first round, `path\0name` later.
    const asked = new Set<string>();
    let round = firstRound(survey.start(index, ctx, rewrittenPaths));
    let first = true;
    for (;;) {
      const found = round.filter((ask) => byPath.has(ask.path) || packageInit(ask.path));
      if (found.length === 0) break;
      // Those the survey would answer null (no start word) are not sent, nor taken as asked.
      const skipped = (ask: Ask) => first && !!skips?.(byPath.get(ask.path)!, transform.meta.id);
      const fresh = found.filter((ask) => !skipped(ask));
      for (const ask of fresh) for (const key of ask.keys) asked.add(key);
      const read = await surveyRound(
        pool,
        fresh,
        (ask) => {
          const file = byPath.get(ask.path)!;
          return {
            ...askedJob(ask, file, first, source),
            ...(maxBytes !== undefined ? { maxBytes } : {}),
            transform: transform.meta.id,
            module: modules.of(file),
            // As the file's own rewrite will see the project (its sub-project's Django pin).
            ctx: { options: ctx.options, project: projectOfFile(project, file) },
          };
        },
        worthThreads,
      );
      fresh.forEach((ask, i) => {
        // A first-round file without the start words: asked again if a plan reaches it.
        if (read[i] === null) for (const key of ask.keys) asked.delete(key);
        else if (read[i] !== undefined) facts.push(read[i]);
      });
      first = false;
      round = laterRound(survey.next(facts, index, rewrittenPaths), asked);
    }
    plans[transform.meta.id] = survey.plan(
      facts,
      { ...ctx, project: { ...ctx.project, index } },
      rewrittenPaths,
    );
  }
  return plans;
}
