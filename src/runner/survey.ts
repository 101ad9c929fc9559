import { join, relative, sep } from "node:path";
import { parseNative, firstSyntaxProblem } from "../syntax/parse.js";
import { copyTree } from "../syntax/tree.js";
import { FileSemantics } from "../python/semantics.js";
import { transformApplies } from "../engine/pipeline.js";
import type { Context, ProjectIndex, SurveyFacts, SurveyPlan, Transform } from "../model/types.js";
import { textOfPath } from "./file-job.js";
import { moduleOf } from "./project-index.js";
import { projectOfFile } from "./project-facts.js";
import type { Pool } from "./pool.js";
import { transformById } from "../../transforms/index.js";

// The survey: before the rewrite pass, transforms whose rewrites span files (Transform.survey)
// look at the files they ask for, in rounds, and make one plan each that every file's
// transform then reads. The engine never knows what a plan holds.

/** Below this many files in a round, the survey reads them in the main thread. */
const SURVEY_FILES_FOR_THREADS = 16;

/** What a worker needs to survey one file for one transform. */
export interface SurveyJob {
  transform: string;
  /** Absolute path. */
  file: string;
  /** Root-relative, forward slashes. */
  path: string;
  module: string;
  ctx: Context;
  /** Asked in the first round: the survey's start words decide whether it is read. */
  first?: boolean;
}

/**
 * One file's facts for one transform; undefined when unreadable or not valid Python, null when
 * a first-round file holds none of the survey's start words (it may be asked again later).
 */
export function surveyFile(job: SurveyJob): SurveyFacts | undefined | null {
  const survey = transformById(job.transform)?.survey;
  const text = textOfPath(job.file);
  if (!survey || text === undefined) return undefined;
  if (job.first && survey.startWords && !survey.startWords.some((w) => text.includes(w)))
    return null;
  const native = parseNative(text);
  if (firstSyntaxProblem(native)) return undefined;
  const file = new FileSemantics(job.path, text, copyTree(native, text), job.module);
  return survey.facts(file, job.ctx);
}

/** Each surveying transform's plan, by transform id. `rewritten`: the files this run rewrites. */
export async function surveyProject(
  pool: Pool,
  transforms: readonly Transform[],
  ctx: Context,
  index: ProjectIndex,
  rewritten: readonly string[],
): Promise<Record<string, SurveyPlan>> {
  const root = index.root;
  // A file with no function holds nothing a survey follows.
  const byPath = new Map(index.functions.map((f) => [f.path, join(root, f.path)]));
  // A file a transform does not apply to (a service without Django) is not rewritten by it.
  const rewrittenBy = (transform: Transform) =>
    new Set(
      rewritten
        .filter((file) =>
          transformApplies(transform, { ...ctx, project: projectOfFile(ctx.project, file) }),
        )
        .map((file) => relative(root, file).split(sep).join("/")),
    );
  // Workers attach their own copy of the index (see Pool.shareIndex).
  const { index: _attached, ...project } = ctx.project;
  const plans: Record<string, SurveyPlan> = {};
  for (const transform of transforms) {
    const survey = transform.survey;
    if (!survey || !transformApplies(transform, ctx)) continue;
    const rewrittenPaths = rewrittenBy(transform);
    const facts = new Map<string, SurveyFacts>();
    const asked = new Set<string>();
    let first = true;
    for (
      let wanted = survey.start(index, ctx, rewrittenPaths);
      ;
      wanted = survey.next(facts, index, rewrittenPaths)
    ) {
      const fresh = [...new Set(wanted)].filter((p) => !asked.has(p) && byPath.has(p));
      if (fresh.length === 0) break;
      for (const p of fresh) asked.add(p);
      // A round of a few files (a staged file and what it calls) is not worth starting threads.
      const read = await pool.run<SurveyFacts | undefined | null>(
        fresh.map((path) => ({
          kind: "survey" as const,
          job: {
            transform: transform.meta.id,
            file: byPath.get(path)!,
            path,
            module: moduleOf(root, byPath.get(path)!),
            ctx: { options: ctx.options, project },
            first,
          },
        })),
        undefined,
        { inline: fresh.length < SURVEY_FILES_FOR_THREADS },
      );
      fresh.forEach((path, i) => {
        if (read[i] === null) asked.delete(path);
        else if (read[i] !== undefined) facts.set(path, read[i]);
      });
      first = false;
    }
    plans[transform.meta.id] = survey.plan(
      facts,
      { ...ctx, project: { ...ctx.project, index } },
      rewrittenPaths,
    );
  }
  return plans;
}
