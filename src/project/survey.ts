import { existsSync } from "node:fs";
import { join, sep } from "node:path";
import { relativePath } from "./paths.js";
import { transformApplies } from "../engine/pipeline.js";
import type { Context, ProjectIndex, SurveyPlan, SurveyStart, Transform } from "../model/types.js";
import type { ModuleNames } from "../python/module-names.js";
import { projectOfFile } from "./sub-projects.js";
import type { JobRunner } from "./jobs.js";
import type { SurveyJob, SurveyPart } from "./survey-job.js";

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
  shown: (file: string, i: number) => string,
): Set<string> {
  const paths = new Set<string>();
  rewritten.forEach((file, i) => {
    if (transformApplies(transform, { ...ctx, project: projectOfFile(ctx.project, file) }))
      paths.add(shown(file, i));
  });
  return paths;
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

/** What a survey asks of the file in a round (see SurveyPart). */
function partOf(ask: Ask, transform: string, first: boolean): SurveyPart {
  return {
    transform,
    first,
    ...(ask.names ? { startNames: ask.names } : {}),
    ...(ask.wanted ? { wanted: ask.wanted } : {}),
  };
}

/**
 * A round's asks the survey sends (each taken as asked), or undefined when the round asks of no
 * file the project has: the survey is done. A first-round file the pre-pass saw without the
 * survey's start words is not sent, nor taken as asked (the survey would answer null).
 */
function freshAsks(
  s: Surveying,
  byPath: ReadonlyMap<string, string>,
  packageInit: (path: string) => boolean,
  skips: SurveyInput["skips"],
): Ask[] | undefined {
  const found = s.round.filter((ask) => byPath.has(ask.path) || packageInit(ask.path));
  if (found.length === 0) return undefined;
  const id = s.transform.meta.id;
  const fresh = found.filter((ask) => !(s.first && skips?.(byPath.get(ask.path)!, id)));
  for (const ask of fresh) for (const key of ask.keys) s.asked.add(key);
  return fresh;
}

/**
 * One round of every survey still going, one job per file: each survey's answers in its asks'
 * order, as when it read its files alone.
 */
async function readRound(
  pool: JobRunner,
  going: readonly { s: Surveying; fresh: Ask[] }[],
  byPath: ReadonlyMap<string, string>,
  worthThreads: (files: string[], parsing: string[]) => boolean,
  jobOf: (file: string, path: string, parts: SurveyPart[]) => SurveyJob,
): Promise<Map<Surveying, unknown[]>> {
  const byFile = new Map<string, { s: Surveying; ask: Ask; at: number }[]>();
  for (const { s, fresh } of going)
    fresh.forEach((ask, at) => {
      const file = byPath.get(ask.path)!;
      const asks = byFile.get(file);
      if (asks) asks.push({ s, ask, at });
      else byFile.set(file, [{ s, ask, at }]);
    });
  const files = [...byFile.keys()];
  // A first-round file read only if its text holds the start's names seldom does (awx: 491 of
  // 497 first-round files, 6 parsed): the files that will parse are the others.
  const parsing = files.filter((file) =>
    byFile.get(file)!.some(({ s, ask }) => !(s.first && ask.names)),
  );
  const read = await pool.run<unknown[] | undefined>(
    files.map((file) => {
      const asks = byFile.get(file)!;
      const parts = asks.map(({ s, ask }) => partOf(ask, s.transform.meta.id, s.first));
      return { kind: "survey" as const, job: jobOf(file, asks[0].ask.path, parts) };
    }),
    undefined,
    { inline: !worthThreads(files, parsing) },
  );
  const answers = new Map(going.map(({ s, fresh }) => [s, fresh.map(() => undefined as unknown)]));
  files.forEach((file, i) =>
    byFile.get(file)!.forEach(({ s, at }, k) => (answers.get(s)![at] = read[i]?.[k])),
  );
  return answers;
}

/** One surveying transform's progress through its rounds. */
interface Surveying {
  transform: Transform;
  survey: NonNullable<Transform["survey"]>;
  rewrittenPaths: Set<string>;
  facts: unknown[];
  /** What was asked of each file: `path\0*` for the first round, `path\0name` later. */
  asked: Set<string>;
  round: Ask[];
  first: boolean;
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
  /**
   * Whether reading a round's files is worth starting threads (as the rewrite pass decides), given
   * them and those of them that will likely parse.
   */
  worthThreads: (files: string[], parsing: string[]) => boolean = () => false,
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
  // Each rewritten file's root-relative path, made once for every survey that asks.
  const shownPaths: (string | undefined)[] = [];
  const shown = (file: string, i: number) =>
    (shownPaths[i] ??= relativePath(root, file).split(sep).join("/"));
  const all: Surveying[] = transforms.flatMap((transform) => {
    const survey = transform.survey;
    if (!survey || !transformApplies(transform, ctx)) return [];
    const rewrittenPaths = rewrittenBy(transform, ctx, rewritten, shown);
    const round = firstRound(survey.start(index, ctx, rewrittenPaths));
    return [{ transform, survey, rewrittenPaths, facts: [], asked: new Set(), round, first: true }];
  });
  let surveying = all;
  // The surveys go through their rounds side by side: a round's asks of every survey are read
  // together, one job per file, so a file several surveys ask of is read and parsed once.
  while (surveying.length > 0) {
    const asking = surveying.map((s) => ({ s, fresh: freshAsks(s, byPath, packageInit, skips) }));
    const going = asking.flatMap(({ s, fresh }) => (fresh ? [{ s, fresh }] : []));
    const answers = await readRound(pool, going, byPath, worthThreads, (file, path, parts) => ({
      file,
      path,
      parts,
      ...(file === source?.file ? { source: source.text } : {}),
      ...(maxBytes !== undefined ? { maxBytes } : {}),
      module: modules.of(file),
      // As the file's own rewrite will see the project (its sub-project's Django pin).
      ctx: { options: ctx.options, project: projectOfFile(project, file) },
    }));
    for (const { s, fresh } of going) {
      const got = answers.get(s)!;
      fresh.forEach((ask, i) => {
        // A first-round file without the start words: asked again if a plan reaches it.
        if (got[i] === null) for (const key of ask.keys) s.asked.delete(key);
        else if (got[i] !== undefined) s.facts.push(got[i]);
      });
      s.first = false;
      s.round = laterRound(s.survey.next(s.facts, index, s.rewrittenPaths), s.asked);
    }
    surveying = going.map(({ s }) => s);
  }
  const plans: Record<string, SurveyPlan> = {};
  for (const s of all)
    plans[s.transform.meta.id] = s.survey.plan(
      s.facts,
      { ...ctx, project: { ...ctx.project, index } },
      s.rewrittenPaths,
    );
  return plans;
}
