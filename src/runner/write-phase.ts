import type { Notice, SurveyPlan } from "../model/types.js";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult } from "../model/results.js";
import { WriteJournal } from "./journal.js";
import { lockProject, type Release } from "./project-lock.js";
import { pauseAt } from "./test-faults.js";
import { writeGroup, writeGroupsOf } from "./write-groups.js";

/*
 * The write phase of a --write (or -i) run, in the main thread once every file is processed: the
 * project locked, an interrupted run's groups rolled back first, then each write group written
 * all or none (see write-groups.ts), stopping between groups when the run is interrupted.
 */

/** What a writing run holds from its start to its end. */
export interface WriteSession {
  journal: WriteJournal | undefined;
  release: Release | undefined;
  notices: Notice[];
}

/**
 * Locks the project (waiting for another writing run) and rolls back the groups an interrupted
 * run left, before anything is read: "run again to finish" starts from whole files.
 */
export async function startWrites(
  root: string,
  hooks: {
    onWait?: (message: string) => void;
    onWriting?: (writing: boolean) => void;
    /** The caller holds the project's lock already (--verify, for its suites too). */
    lockHeld?: boolean;
  } = {},
): Promise<WriteSession> {
  const release = hooks.lockHeld
    ? undefined
    : await lockProject(root, hooks.onWait ? { onWait: hooks.onWait } : {});
  const journal = WriteJournal.open(root, true);
  const notices: Notice[] = [];
  if (!journal)
    notices.push({
      message:
        "the project's cache folder (.asyncshift_cache) cannot be used (a symbolic link, or not writable): write groups are not journalled, so a run killed while writing cannot be rolled back by the next one",
    });
  hooks.onWriting?.(true);
  const recovered = journal?.recover() ?? [];
  hooks.onWriting?.(false);
  for (const { paths, restored, left } of recovered) {
    const what = [
      restored.length > 0 ? `${restored.join(", ")} restored` : "",
      left.length > 0 ? `${left.join(", ")} left as they are (edited since)` : "",
    ].filter(Boolean);
    notices.push({
      message: `an interrupted run left 1 write group unfinished: rolled back (${what.join("; ") || `${paths.join(", ")} already as they were`})`,
    });
  }
  journal?.compactOwnWrites();
  return { journal, release, notices };
}

/** A dry run or --check says what an interrupted run left, without touching it. */
export function interruptedNotices(root: string): Notice[] {
  return (WriteJournal.open(root, false)?.pending() ?? []).map(({ paths }) => ({
    message: `an interrupted run left 1 write group unfinished (${paths.join(", ")}); the next --write rolls it back first`,
  }));
}

type Changed = Extract<FileResult, { status: "changed" }>;

/** Where each result's file is, what module, and the hash the plan was made from. */
export interface WriteTargets {
  file: (result: FileResult) => string;
  module: (result: FileResult) => string;
  planHash: (file: string) => string | undefined;
}

export interface WriteHooks {
  /** Set once the run is interrupted (Ctrl-C, SIGTERM): no further group is started. */
  interrupted?: () => boolean;
  keepText: boolean;
}

/**
 * Writes the changed results that wait to be written (write mode, not refused), group by group.
 * Each result becomes written, or failed with AS905 saying why; returns whether it stopped early.
 */
export async function writeResults(
  results: FileResult[],
  plans: Record<string, SurveyPlan> | undefined,
  targets: WriteTargets,
  session: WriteSession,
  hooks: WriteHooks,
): Promise<{ interrupted: boolean }> {
  const waiting = results.flatMap((r, i) =>
    r.status === "changed" && r.readHash !== undefined && r.output !== undefined ? [i] : [],
  );
  const candidates = waiting.map((i) => ({
    file: targets.file(results[i]),
    module: targets.module(results[i]),
  }));
  const groups = writeGroupsOf(candidates, plans);
  let interrupted = false;
  for (const [n, group] of groups.entries()) {
    if (n === 1) await pauseAt("write", hooks.interrupted);
    const members = group.map((k) => waiting[k]);
    if (hooks.interrupted?.()) {
      interrupted = true;
      for (const i of members) results[i] = notWritten(results[i] as Changed, INTERRUPTED);
      continue;
    }
    const files = members.map((i) => {
      const r = results[i] as Changed;
      const file = targets.file(r);
      const planned = targets.planHash(file);
      // The text was made from what the worker read: it must be what the plan was made from.
      return { file, expected: planned === r.readHash ? planned! : "", after: r.output! };
    });
    const outcome = writeGroup(files, session.journal);
    if (outcome.written) {
      // The group's id (for --verify, which restores groups whole): its first file's path.
      const id = members.length > 1 ? results[members[0]].path : undefined;
      for (const i of members)
        results[i] = writtenResult(results[i] as Changed, hooks.keepText, id);
      continue;
    }
    const stopper = results[members[files.findIndex((f) => f.file === outcome.file)]].path;
    for (const [k, i] of members.entries())
      results[i] = notWritten(
        results[i] as Changed,
        files[k].file === outcome.file
          ? outcome.reason
          : `it is one change with ${stopper}, which could not be written: ${outcome.reason}`,
      );
  }
  return { interrupted };
}

/** Written: the new text is let go unless the caller keeps it. */
function writtenResult(result: Changed, keepText: boolean, group?: string): FileResult {
  const { readHash: _hash, output, ...rest } = result;
  return {
    ...rest,
    written: true,
    ...(group !== undefined ? { group } : {}),
    ...(keepText && output !== undefined ? { output } : {}),
  };
}

const INTERRUPTED = "the run was interrupted before this file's write group";

function notWritten(result: Changed, reason: string): FileResult {
  const message = `not written: ${reason}`;
  return {
    path: result.path,
    skippedBy: result.skippedBy,
    status: "failed",
    reason: message,
    diagnostics: [...result.diagnostics, runnerDiagnostic("AS905", "error", message)],
  };
}
