import { rewriteWorthThreads, type PrePassResult } from "../project/project-index.js";
import { surveySkips } from "../project/survey-job.js";
import type { Registry } from "../model/registry.js";
import type { Pool } from "./pool.js";

/*
 * How a run's survey is set up from the pre-pass: the index the threads see, where trees are
 * kept, which rounds run on threads, and which first-round files need not be read.
 */

/**
 * The project index every later task sees, and whether the survey keeps its parses for the
 * rewrite pass: when both will run in this thread (kept-trees.ts).
 */
export function prepareSurvey(pool: Pool, prePass: PrePassResult, found: readonly string[]): void {
  pool.shareIndex(prePass.index);
  pool.keepTrees(rewriteWorthThreads(activeFiles(prePass, found), prePass.sizes, pool.size));
}

/**
 * Whether a survey round is worth threads. When the rewrite pass will run on threads, always:
 * the threads start anyway, and the trees they keep serve the rewrite, where a round run here
 * parses files the threads parse again (perf-review P4: python-telegram-bot's rounds of 89 and 25
 * files, 102 parses made twice). Otherwise by the bytes of the files that will parse alone: a
 * round of files that only have their text searched (perf-review P2: awx's first round, 497
 * files, 6 parsed) costs less here than the two threads it started (awx, `--jobs 2`: 3.6 s of
 * CPU, `--jobs 1`: 2.6 s).
 */
export function surveyWorthThreads(pool: Pool, prePass: PrePassResult, found: readonly string[]) {
  const rewriteThreaded = rewriteWorthThreads(
    activeFiles(prePass, found),
    prePass.sizes,
    pool.size,
  );
  return (_files: string[], parsing: string[]) =>
    rewriteThreaded || rewriteWorthThreads(parsing, prePass.sizes, pool.size);
}

/** The files of the run the pre-pass did not find inert. */
function activeFiles(prePass: PrePassResult, found: readonly string[]): string[] {
  return found.filter((_, i) => !prePass.prePass[i]?.inert);
}

/** The survey's first round need not read a file the pre-pass saw without its start words. */
export function startWordSkips(
  registry: Registry,
  prePass: PrePassResult,
  found: readonly string[],
) {
  const starts = new Map(found.map((file, i) => [file, prePass.prePass[i]?.starts]));
  return (file: string, id: string) => surveySkips(registry, id, starts.get(file));
}
