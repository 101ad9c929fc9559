import { parseNative, firstSyntaxProblem } from "../syntax/parse.js";
import { copyTree } from "../syntax/tree.js";
import { FileSemantics } from "../python/semantics.js";
import type { Context } from "../model/types.js";
import { textOfPath } from "./source.js";
import { transformById, type Registry } from "../model/registry.js";

// The survey's work on one file, in a worker thread (see survey.ts for the rounds and the plan).

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
  /** What later rounds ask of the file (see ProjectSurvey.facts). */
  wanted?: string[];
}

/**
 * One file's facts for one transform; undefined when unreadable or not valid Python, null when
 * a first-round file holds none of the survey's start words (it may be asked again later).
 */
export function surveyFile(job: SurveyJob, registry: Registry): unknown {
  const survey = transformById(registry, job.transform).survey;
  const text = textOfPath(job.file);
  if (!survey || text === undefined) return undefined;
  if (job.first && survey.startWords && !survey.startWords.some((w) => text.includes(w)))
    return null;
  const native = parseNative(text);
  if (firstSyntaxProblem(native)) return undefined;
  const file = new FileSemantics(job.path, text, copyTree(native, text), job.module);
  return survey.facts(file, job.ctx, job.wanted);
}
