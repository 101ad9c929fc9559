import { statSync } from "node:fs";
import { firstSyntaxProblem, parseNative } from "../syntax/parse.js";
import { copyTree } from "../syntax/tree.js";
import { keepTree, takeTree } from "../syntax/kept-trees.js";
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
  /** Read only if the text holds these names (see SurveyStart). */
  startNames?: string[][][];
  /** What later rounds ask of the file (see ProjectSurvey.facts). */
  wanted?: string[];
  /** The file's text when it is not read from disk (`--stdin-filename`). */
  source?: string;
  /** Larger files are not read (`--max-file-size`): the rewrite pass skips them with AS913. */
  maxBytes?: number;
}

/**
 * One file's facts for one transform; undefined when unreadable or not valid Python, null when
 * a first-round file holds none of the survey's start words (it may be asked again later).
 */
export function surveyFile(job: SurveyJob, registry: Registry): unknown {
  const survey = transformById(registry, job.transform).survey;
  if (job.source === undefined && tooLarge(job.file, job.maxBytes)) return undefined;
  const text = job.source ?? textOfPath(job.file);
  if (!survey || text === undefined) return undefined;
  if (job.first && survey.startWords && !survey.startWords.some((w) => text.includes(w)))
    return null;
  if (job.first && job.startNames && !holdsNames(text, job.startNames)) return null;
  // A file asked again in a later round, or rewritten after, is not parsed again (kept-trees.ts).
  const parsed = takeTree(job.file, text) ?? parsedClean(text);
  if (!parsed) return undefined;
  try {
    const semantics = new FileSemantics(job.path, text, parsed.tree, job.module);
    const facts = survey.facts(semantics, job.ctx, job.wanted);
    keepTree(job.file, text, parsed.native, parsed.tree);
    return facts;
  } catch (error) {
    parsed.native.delete();
    throw error;
  }
}

function tooLarge(file: string, maxBytes: number | undefined): boolean {
  if (maxBytes === undefined) return false;
  try {
    return statSync(file).size > maxBytes;
  } catch {
    return false; // unreadable: textOfPath says so
  }
}

/**
 * Which surveys' start words a text holds: bit k for the registry's k-th transform (the pre-pass
 * records it, so a first round sends no job for a file that would answer null).
 */
export function surveyStartsIn(registry: Registry, text: string): number {
  let mask = 0;
  registry.forEach((transform, k) => {
    const words = transform.survey?.startWords;
    if (words && k < 31 && words.some((w) => text.includes(w))) mask |= 1 << k;
  });
  return mask;
}

/**
 * Whether the first round may skip a file of `mask` (see surveyStartsIn) for the survey of the
 * transform `id`: it has start words, and the file holds none of them.
 */
export function surveySkips(registry: Registry, id: string, mask: number | undefined): boolean {
  const k = registry.findIndex((t) => t.meta.id === id);
  const words = registry[k]?.survey?.startWords;
  return mask !== undefined && !!words && k < 31 && (mask & (1 << k)) === 0;
}

const IDENTIFIER = /[\p{ID_Start}_][\p{ID_Continue}]*/gu;

/** Does `text` hold, for one alternative, a name of each of its lists (see SurveyStart)? */
function holdsNames(text: string, alternatives: readonly string[][][]): boolean {
  const wanted = new Set(alternatives.flat(2));
  const held = new Set<string>();
  for (const [word] of text.matchAll(IDENTIFIER)) if (wanted.has(word)) held.add(word);
  return alternatives.some((lists) => lists.every((names) => names.some((n) => held.has(n))));
}

/** The parse of `text` and its copy, or undefined (the parse freed) when it is not valid Python. */
function parsedClean(text: string) {
  const native = parseNative(text);
  // A clean parse's copy answers the search for Python 2 forms faster than the parser's nodes.
  const problemIn = native.rootNode.hasError ? native : undefined;
  const tree = problemIn && firstSyntaxProblem(problemIn) ? undefined : copyTree(native, text);
  if (!tree || (!problemIn && firstSyntaxProblem(tree))) {
    native.delete();
    return undefined;
  }
  return { native, tree };
}
