import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { FileResult } from "../model/results.js";
import { contentHash } from "../project/cache-folder.js";
import { writeAtomically } from "./file-job.js";
import type { WriteJournal } from "./journal.js";
import { writeGroup } from "./write-groups.js";
import { failureExcerpt, passesAgainst, type SuiteRun } from "./suite.js";

/** One file of a write group: its text before the run and as the run wrote it. */
export interface GroupFile {
  file: string;
  path: string;
  original: string;
  written: string;
}

/** Files written together or not at all: those of one cross-file plan, or one file. */
export interface WriteGroup {
  id: string;
  files: GroupFile[];
}

export interface GroupVerdict {
  group: WriteGroup;
  kept: boolean;
  /** For a reverted group: the tests that failed with it applied, and what the run printed. */
  failing: string[];
  excerpt: string[];
}

export interface Verification {
  verdicts: GroupVerdict[];
}

/** Ctrl-C during verification: every file the run changed has been restored. */
export class VerifyInterrupted extends Error {
  override name = "VerifyInterrupted";
}

/**
 * The write groups of a run's written files, in file order, each file's text as it now is on disk
 * (the formatter's output included).
 */
export function writtenGroupsOf(files: readonly FileResult[], cwd: string): WriteGroup[] {
  const groups = new Map<string, WriteGroup>();
  for (const result of files) {
    if (result.status !== "changed" || !result.written || result.original === undefined) continue;
    const file = resolve(cwd, result.path);
    const id = result.group ?? result.path;
    const group = groups.get(id) ?? { id, files: [] };
    group.files.push({
      file,
      path: result.path,
      original: result.original,
      written: readFileSync(file, "utf8"),
    });
    groups.set(id, group);
  }
  return [...groups.values()];
}

/**
 * Which groups are on disk. A file is switched only from the text this run last gave it: a file
 * someone else changed meanwhile is never overwritten (writeAtomically refuses it).
 */
export class GroupSwitch {
  private readonly applied: Set<WriteGroup>;

  /** `journal`: each switch is journalled as a write group is, so a killed run is rolled back. */
  constructor(
    private readonly groups: readonly WriteGroup[],
    private readonly journal?: WriteJournal,
  ) {
    this.applied = new Set(groups);
  }

  /** Puts exactly `wanted` on disk, every other group back to its original text. */
  set(wanted: readonly WriteGroup[]): void {
    const want = new Set(wanted);
    for (const group of this.groups) {
      const on = this.applied.has(group);
      if (on === want.has(group)) continue;
      // All or none, each file only while it holds what this run last gave it (write-groups.ts).
      const outcome = writeGroup(
        group.files.map((f) =>
          on
            ? { file: f.file, expected: contentHash(f.written), after: f.original }
            : { file: f.file, expected: contentHash(f.original), after: f.written },
        ),
        this.journal,
      );
      if (!outcome.written) {
        const path = group.files.find((f) => f.file === outcome.file)?.path ?? outcome.file;
        throw new Error(`${path}: ${outcome.reason}`);
      }
      if (on) this.applied.delete(group);
      else this.applied.add(group);
    }
  }
}

/**
 * Every file of the groups back to its text before the run (Ctrl-C): those that hold this run's
 * text are restored; those already restored, or changed by someone else since, are left alone.
 * Returns the paths restored and those left because they changed.
 */
export function restoreAll(groups: readonly WriteGroup[]): {
  restored: string[];
  changed: string[];
} {
  const restored: string[] = [];
  const changed: string[] = [];
  for (const f of groups.flatMap((g) => g.files)) {
    const now = readFileSync(f.file, "utf8");
    if (now === f.original) continue;
    if (now !== f.written) {
      changed.push(f.path);
      continue;
    }
    writeAtomically(f.file, Buffer.from(now, "utf8"), f.original);
    restored.push(f.path);
  }
  return { restored, changed };
}

/**
 * Keeps the groups the command passes with. All groups are on disk when called. When the command
 * fails where the baseline passed, the culprits are found by bisection (a half is tried alone on
 * top of what is known good), reverted, and the rest confirmed green; a failure that only a mix
 * of groups causes shows at the confirmation and is bisected again among what is left.
 */
export async function verifyGroups(
  groups: readonly WriteGroup[],
  baseline: SuiteRun,
  runCommand: (applied: readonly WriteGroup[]) => Promise<SuiteRun>,
  how: { signal?: AbortSignal; journal?: WriteJournal } = {},
): Promise<Verification> {
  const { signal } = how;
  const board = new GroupSwitch(groups, how.journal);
  const failures = new Map<WriteGroup, SuiteRun>();
  /** Puts `applied` on disk and runs the command: does it pass? */
  const trial = async (applied: readonly WriteGroup[]): Promise<boolean> => {
    board.set(applied);
    const result = await runCommand(applied);
    if (signal?.aborted) throw new VerifyInterrupted("interrupted");
    const ok = passesAgainst(result, baseline);
    if (!ok) for (const g of applied) failures.set(g, result);
    return ok;
  };
  /** The culprits among `candidates`, given that `base` passes and base + candidates fails. */
  const culprits = async (candidates: WriteGroup[], base: WriteGroup[]): Promise<WriteGroup[]> => {
    if (candidates.length === 1) return candidates;
    const half = Math.ceil(candidates.length / 2);
    const [a, b] = [candidates.slice(0, half), candidates.slice(half)];
    const inA = (await trial([...base, ...a])) ? [] : await culprits(a, base);
    const goodBase = [...base, ...a.filter((g) => !inA.includes(g))];
    // With no culprit in the first half, the second must hold one: no run needed to know it.
    const inB =
      inA.length === 0 || !(await trial([...goodBase, ...b])) ? await culprits(b, goodBase) : [];
    return [...inA, ...inB];
  };
  const reverted: WriteGroup[] = [];
  let remaining = [...groups];
  let green = remaining.length === 0 || (await trial(remaining));
  while (!green) {
    const found = await culprits(remaining, []);
    reverted.push(...found);
    remaining = remaining.filter((g) => !found.includes(g));
    green = remaining.length === 0 ? (board.set([]), true) : await trial(remaining);
  }
  return {
    verdicts: groups.map((group) => verdictOf(group, reverted.includes(group), failures)),
  };
}

function verdictOf(
  group: WriteGroup,
  revert: boolean,
  failures: Map<WriteGroup, SuiteRun>,
): GroupVerdict {
  const failed = revert ? failures.get(group) : undefined;
  return {
    group,
    kept: !revert,
    failing: failed?.failing ?? [],
    excerpt: failed ? failureExcerpt(failed) : [],
  };
}
