import { statSync } from "node:fs";
import { firstSyntaxProblem, parseNative } from "../syntax/parse.js";
import { copyTree } from "../syntax/tree.js";
import { keepTree, takeTree } from "../syntax/kept-trees.js";
import { FileSemantics } from "../python/semantics.js";
import type { Context, Transform } from "../model/types.js";
import { textOfPath } from "./source.js";
import { transformById, type Registry } from "../model/registry.js";

// The survey's work on one file, in a worker thread (see survey.ts for the rounds and the plan).

/** What one transform's survey asks of a file in a round. */
export interface SurveyPart {
  transform: string;
  /** Asked in the first round: the survey's start words decide whether it is read. */
  first?: boolean;
  /** Read only if the text holds these names (see SurveyStart). */
  startNames?: string[][][];
  /** What later rounds ask of the file (see ProjectSurvey.facts). */
  wanted?: string[];
}

/**
 * What a worker needs to survey one file for the surveys asking of it in a round: the file is
 * read and parsed once for all of them (a file four surveys read was parsed four times).
 */
export interface SurveyJob {
  /** Absolute path. */
  file: string;
  /** Root-relative, forward slashes. */
  path: string;
  module: string;
  ctx: Context;
  /** Each survey's ask, in the order the answers come back. */
  parts: SurveyPart[];
  /** The file's text when it is not read from disk (`--stdin-filename`). */
  source?: string;
  /** Larger files are not read (`--max-file-size`): the rewrite pass skips them with AS913. */
  maxBytes?: number;
}

/** Not read: unreadable, not valid Python, or a survey that failed on the file. */
const UNREAD = undefined;
/** A part to read (its facts asked), or its answer without a parse (see surveyFile). */
const READ = Symbol("read");

/**
 * Each part's facts of one file; a part's answer is undefined when the file is unreadable or not
 * valid Python (or its survey failed on it), null when a first-round file holds none of the
 * survey's start words (it may be asked again later).
 */
export function surveyFile(job: SurveyJob, registry: Registry): unknown[] {
  const unread = () => job.parts.map(() => UNREAD);
  if (job.source === undefined && tooLarge(job.file, job.maxBytes)) return unread();
  const text = job.source ?? textOfPath(job.file);
  if (text === undefined) return unread();
  const surveys = job.parts.map((part) => transformById(registry, part.transform).survey);
  const answers: unknown[] = job.parts.map((part, i) => startAnswer(part, surveys[i], text));
  if (!answers.includes(READ)) return answers;
  // A file asked again in a later round, or rewritten after, is not parsed again (kept-trees.ts).
  const parsed = takeTree(job.file, text) ?? parsedClean(text);
  if (!parsed) return answers.map((answer) => (answer === READ ? UNREAD : answer));
  let failed = false;
  job.parts.forEach((part, i) => {
    if (answers[i] !== READ) return;
    try {
      const semantics = new FileSemantics(job.path, text, parsed.tree, job.module);
      answers[i] = surveys[i]!.facts(semantics, job.ctx, part.wanted);
    } catch {
      // As a job that threw: no facts from this survey, and the tree is not kept.
      answers[i] = UNREAD;
      failed = true;
    }
  });
  if (failed) parsed.native?.delete();
  else keepTree(job.file, text, parsed.tree, parsed.native);
  return answers;
}

function startAnswer(
  part: SurveyPart,
  survey: Transform["survey"],
  text: string,
): typeof READ | null | undefined {
  if (!survey) return UNREAD;
  if (part.first && survey.startWords && !survey.startWords.some((w) => text.includes(w)))
    return null;
  if (part.first && part.startNames && !holdsNames(text, part.startNames)) return null;
  return READ;
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
  // A name held as an identifier is held as text: most files hold no alternative even so, and
  // need no scan of their identifiers (4% of Django's run, each first-round file's every word).
  // Each name is looked for once, and an alternative's shortest list first: its class name, where
  // the longest is methods (`get`, `request`) nearly every text holds (10% of Django's run).
  const found = new Map<string, boolean>();
  const has = (n: string) => found.get(n) ?? (found.set(n, text.includes(n)), found.get(n)!);
  const inText = (lists: string[][]) =>
    shortestFirst(lists).every((names) => names.some((n) => has(n)));
  if (!alternatives.some(inText)) return false;
  const wanted = new Set(alternatives.flat(2));
  const held = new Set<string>();
  for (const [word] of text.matchAll(IDENTIFIER)) if (wanted.has(word)) held.add(word);
  return alternatives.some((lists) => lists.every((names) => names.some((n) => held.has(n))));
}

/** `lists` ordered by length (the same lists: `every` of them answers alike). */
function shortestFirst(lists: string[][]): string[][] {
  return lists.length < 2 ? lists : [...lists].sort((a, b) => a.length - b.length);
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
