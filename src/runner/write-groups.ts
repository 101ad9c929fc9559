import { readFileSync } from "node:fs";
import { contentHash } from "../project/cache-folder.js";
import type { SurveyPlan } from "../model/types.js";
import { refusalToWrite, testHooks, writeAtomically } from "./file-job.js";
import type { GroupFile, WriteJournal } from "./journal.js";
import { beforeGroupWrite } from "./test-faults.js";

/*
 * Write groups (issue 22, item 1): the files of one cross-file plan — a caller and the files
 * receiving the twins it comes to await — are written all or none; any other changed file is a
 * group of its own. A group is journalled before its first file is replaced (see journal.ts), and
 * a file is replaced only while it holds the content the plan was made from.
 */

/** A changed file as the write phase sees it. */
export interface Candidate {
  file: string;
  module: string;
}

/**
 * The write groups of the changed files: the plans' groups of modules joined where they share a
 * file (one file's changes cannot be split), each as positions in `changed`, files gaining twins
 * first (so even without the journal an interrupted group never leaves a caller without its
 * twin), groups in the order of their first file.
 */
export function writeGroupsOf(
  changed: readonly Candidate[],
  plans: Record<string, SurveyPlan> | undefined,
): number[][] {
  const parent = changed.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const byModule = new Map<string, number[]>();
  changed.forEach((c, i) => byModule.set(c.module, [...(byModule.get(c.module) ?? []), i]));
  const planned = new Set<string>();
  for (const plan of Object.values(plans ?? {})) {
    for (const m of plan.modules) planned.add(m);
    for (const group of plan.groups ?? []) {
      const members = group.flatMap((m) => byModule.get(m) ?? []);
      for (const i of members.slice(1)) parent[find(i)] = find(members[0]);
    }
  }
  const groups = new Map<number, number[]>();
  changed.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  const twinsFirst = (i: number) => (planned.has(changed[i].module) ? 0 : 1);
  return [...groups.values()]
    .map((g) => g.sort((a, b) => twinsFirst(a) - twinsFirst(b) || a - b))
    .sort((a, b) => Math.min(...a) - Math.min(...b));
}

/** A group written, or why not: the file that stopped it and the reason. */
export type GroupOutcome = { written: true } | { written: false; file: string; reason: string };

/**
 * Writes one group all or none: every file checked first (a regular, writable file holding the
 * content the plan was made from), the group journalled, the files replaced one by one (each
 * checked again just before); a file that fails puts the ones already written back.
 */
export function writeGroup(files: GroupFile[], journal: WriteJournal | undefined): GroupOutcome {
  const olds: Buffer[] = [];
  for (const f of files) {
    const refused = refusalOf(f, olds);
    if (refused) return { written: false, file: f.file, reason: refused };
  }
  const id = journal?.begin(
    files.map((f, i) => ({ file: f.file, before: olds[i], after: f.after })),
  );
  for (const [i, f] of files.entries()) {
    try {
      beforeGroupWrite(f.file);
      writeAtomically(f.file, olds[i], f.after);
    } catch (error) {
      undo(files.slice(0, i), olds, journal, id);
      return { written: false, file: f.file, reason: (error as Error).message };
    }
  }
  if (id !== undefined) journal!.end(id);
  return { written: true };
}

/** Why `f` must not be written; its current bytes pushed to `olds` when it may. */
function refusalOf(f: GroupFile, olds: Buffer[]): string | undefined {
  try {
    testHooks.beforeWrite?.(f.file);
    const bytes = readFileSync(f.file);
    if (contentHash(bytes) !== f.expected)
      return "the file changed on disk after the run read it to plan its changes; not overwritten, so no edit is lost (run again)";
    const refused = refusalToWrite(f.file, bytes);
    if (refused) return refused;
    olds.push(bytes);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** The files of a group already written, put back; the journal keeps what could not be. */
function undo(
  written: GroupFile[],
  olds: Buffer[],
  journal: WriteJournal | undefined,
  id: string | undefined,
): void {
  if (journal && id !== undefined) {
    journal.restore(id);
    return;
  }
  for (const [i, f] of written.entries()) {
    try {
      writeAtomically(f.file, Buffer.from(f.after), olds[i]);
    } catch {
      // edited in the meantime: theirs is kept
    }
  }
}
