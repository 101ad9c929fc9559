import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import pc from "picocolors";
import { writeAtomically } from "../runner/file-job.js";
import type { WriteJournal } from "../runner/journal.js";
import { writeGroup } from "../runner/write-groups.js";
import { contentHash } from "../project/cache-folder.js";
import { decodeSource } from "../project/source.js";
import type { FileResult } from "../model/results.js";
import { countSyntaxProblems, withNativeTree } from "../syntax/parse.js";
import type { ReportedFix } from "../model/reported.js";
import { showHunks } from "./hunks.js";
import {
  acceptedText,
  namesLeftUnimported,
  sitesOfFile,
  type Changed,
  type FileSites,
  type SiteUnit,
} from "./review-sites.js";

export { applyHunks, hunksOf, showHunk } from "./hunks.js";
export { namesLeftUnimported } from "./review-sites.js";

/** Answers read one line at a time; undefined once the input ends. */
class LineReader {
  private lines: string[] = [];
  private waiting: ((line: string | undefined) => void) | undefined;
  private ended = false;
  private readonly rl;
  constructor(input: Readable) {
    this.rl = createInterface({ input, terminal: false });
    this.rl.on("line", (line) => {
      if (this.waiting) {
        const resolve = this.waiting;
        this.waiting = undefined;
        resolve(line);
      } else this.lines.push(line);
    });
    this.rl.on("close", () => {
      this.ended = true;
      this.waiting?.(undefined);
      this.waiting = undefined;
    });
  }
  next(): Promise<string | undefined> {
    if (this.lines.length > 0) return Promise.resolve(this.lines.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => (this.waiting = resolve));
  }
  close(): void {
    this.rl.close();
  }
}

type Answer = "y" | "n" | "a" | "d" | "q";

const CHOICES = "[y]es, [n]o, [a]ll in this file, [d]one with this file, [q]uit";
/** A change across files is taken whole: no per-file answers. */
const GROUP_CHOICES = "[y]es, [n]o, [q]uit";

async function ask(
  reader: LineReader,
  input: Readable,
  output: Writable,
  choices: string,
): Promise<Answer> {
  const prompt = `Apply this change? ${choices}: `;
  for (;;) {
    output.write(prompt);
    const line = await reader.next();
    if (line === undefined) {
      output.write("\n");
      return "q"; // end of input: stop, keeping what was accepted
    }
    // Scripted answers are not echoed by a terminal: echo them so the transcript reads well.
    if (!(input as { isTTY?: boolean }).isTTY) output.write(`${line}\n`);
    const answer = line.trim().toLowerCase()[0];
    if (answer !== undefined && choices.includes(`[${answer}]`)) return answer as Answer;
    output.write(`${choices}\n`);
  }
}

export interface ReviewedFile {
  path: string;
  /** Sites accepted, of `sites`. */
  accepted: number;
  sites: number;
  /** Why an accepted change was not written. */
  refused?: string;
  written: boolean;
}

export interface ReviewOptions {
  input: Readable;
  output: Writable;
  color: boolean;
  cwd: string;
  /** Display paths of files that must not be written (uncommitted changes). */
  dirty: Set<string>;
  /**
   * Display paths of the files of each cross-file change (the run's write groups): asked about
   * and written all or none. Files whose results share a `group` are one too.
   */
  groups?: string[][];
  /** Journals each cross-file group before it is written (see runner/journal.ts). */
  journal?: WriteJournal;
}

/** One question: a file's sites that go together, or every file of a cross-file write group. */
type Question = { unit: SiteUnit; of: number; at: number } | { group: FileSites[]; key: string };

/** Each file's write group, by display path: the run's groups, else the results' own. */
function groupKeys(
  review: readonly FileSites[],
  groups: readonly string[][] = [],
): Map<string, string> {
  const keys = new Map<string, string>();
  groups.forEach((paths, i) => paths.forEach((path) => keys.set(path, `group ${i}`)));
  for (const { file } of review)
    if (!keys.has(file.path) && file.group !== undefined) keys.set(file.path, file.group);
  return keys;
}

/** The changed files of each write group of more than one of them, by group. */
function groupMembers(
  review: readonly FileSites[],
  keys: ReadonlyMap<string, string>,
): Map<string, FileSites[]> {
  const members = new Map<string, FileSites[]>();
  for (const sites of review) {
    const key = keys.get(sites.file.path);
    if (key !== undefined) members.set(key, [...(members.get(key) ?? []), sites]);
  }
  for (const [key, files] of members) if (files.length < 2) members.delete(key);
  return members;
}

/** The questions in file order; a write group's at its first file. */
function questionsOf(
  review: readonly FileSites[],
  keys: ReadonlyMap<string, string>,
  groups: ReadonlyMap<string, FileSites[]>,
): Question[] {
  const questions: Question[] = [];
  const asked = new Set<string>();
  for (const sites of review) {
    const key = keys.get(sites.file.path);
    const members = key === undefined ? undefined : groups.get(key);
    if (members) {
      if (!asked.has(key!)) questions.push({ group: members, key: key! });
      asked.add(key!);
    } else
      sites.units.forEach((unit, i) => questions.push({ unit, of: sites.units.length, at: i + 1 }));
  }
  return questions;
}

/** `app/tasks.py:8 AS101 asyncio.run() in sync code: ...`: where, which code, and why. */
function siteLine(path: string, site: ReportedFix): string {
  return `${path}:${site.line} ${site.code} ${site.message}`;
}

function showUnit(unit: SiteUnit, sites: FileSites, color: boolean): string {
  const c = pc.createColors(color);
  return [
    ...unit.sites.map((s) => c.bold(siteLine(unit.file.path, s))),
    showHunks(
      sites.parts,
      unit.hunks.map((h) => sites.hunks[h]),
      color,
    ),
  ].join("\n");
}

function showGroup(group: readonly FileSites[], color: boolean): string {
  const c = pc.createColors(color);
  const paths = group.map((g) => g.file.path);
  return [
    c.bold(
      `one change across ${paths.length} files, written together or not at all: ${paths.join(", ")}`,
    ),
    ...group.flatMap((g) => (g.file.fixes ?? []).map((s) => c.bold(siteLine(g.file.path, s)))),
    ...group.flatMap((g) => [c.bold(`--- ${g.file.path}`), showHunks(g.parts, g.hunks, color)]),
  ].join("\n");
}

/** What was answered: sites accepted, cross-file groups accepted. */
interface Answers {
  units: Set<SiteUnit>;
  groups: Set<string>;
}

/** Asks each question in turn; `q` (or the end of the input) stops, keeping what was accepted. */
async function askAll(
  questions: readonly Question[],
  review: readonly FileSites[],
  options: ReviewOptions,
): Promise<Answers> {
  const c = pc.createColors(options.color);
  const reader = new LineReader(options.input);
  const answers: Answers = { units: new Set(), groups: new Set() };
  const done = new Set<Changed>();
  const all = new Set<Changed>();
  try {
    for (const q of questions) {
      if ("group" in q) {
        options.output.write(showGroup(q.group, options.color) + "\n");
        const answer = await ask(reader, options.input, options.output, GROUP_CHOICES);
        if (answer === "y") answers.groups.add(q.key);
        if (answer === "q") break;
        continue;
      }
      const { file } = q.unit;
      if (done.has(file)) continue;
      if (all.has(file)) {
        answers.units.add(q.unit);
        continue;
      }
      const sites = review.find((r) => r.file === file)!;
      options.output.write(`${c.bold(`--- ${file.path}`)}  (${q.at}/${q.of})\n`);
      options.output.write(showUnit(q.unit, sites, options.color) + "\n");
      const answer = await ask(reader, options.input, options.output, CHOICES);
      if (answer === "y" || answer === "a") answers.units.add(q.unit);
      if (answer === "a") all.add(file);
      if (answer === "d") done.add(file);
      if (answer === "q") break;
    }
  } finally {
    reader.close();
  }
  return answers;
}

/**
 * Asks about each site of each changed file (the run kept their old and new text): all the
 * hunks of one site together, with its code and why, and a cross-file write group as one whole.
 * Each file is written with the sites accepted, and the import lines those need.
 */
export async function reviewSites(
  files: FileResult[],
  options: ReviewOptions,
): Promise<ReviewedFile[]> {
  const review = files
    .filter((f): f is Changed => f.status === "changed")
    .filter((f) => f.original !== undefined && f.output !== undefined)
    .map(sitesOfFile);
  const keys = groupKeys(review, options.groups);
  const groups = groupMembers(review, keys);
  const answers = await askAll(questionsOf(review, keys, groups), review, options);
  const reviewed: ReviewedFile[] = [];
  const groupsDone = new Set<string>();
  for (const sites of review) {
    const { file } = sites;
    const key = keys.get(file.path);
    const members = key === undefined ? undefined : groups.get(key);
    if (members) {
      if (groupsDone.has(key!)) continue;
      groupsDone.add(key!);
      reviewed.push(...writeAcceptedGroup(members, answers.groups.has(key!), options));
      continue;
    }
    const accepted = sites.units.filter((u) => answers.units.has(u));
    const count = accepted.reduce((n, u) => n + u.sites.length, 0) || accepted.length;
    reviewed.push(
      writeReviewed(file, acceptedText(sites, new Set(accepted)), count, siteCount(sites), options),
    );
  }
  return reviewed;
}

/** A file's site count, as the summary line counts it (a file with none recorded is one). */
function siteCount(sites: FileSites): number {
  return sites.units.reduce((n, u) => n + u.sites.length, 0) || 1;
}

/**
 * A cross-file write group: every file with its whole change, or none. Each is checked first;
 * one refused refuses them all, and a write that fails puts back the files written before it.
 */
function writeAcceptedGroup(
  members: readonly FileSites[],
  accepted: boolean,
  options: ReviewOptions,
): ReviewedFile[] {
  const results = members.map((m) => ({
    path: m.file.path,
    accepted: accepted ? siteCount(m) : 0,
    sites: siteCount(m),
    written: false,
  }));
  if (!accepted) return results;
  const checked = members.map((m) => writeCheck(m.file, m.file.output!, options));
  const refusal = checked.findIndex((c) => "refused" in c);
  if (refusal >= 0) {
    const why = `${members[refusal].file.path}: ${(checked[refusal] as { refused: string }).refused}`;
    return results.map((r) => ({
      ...r,
      refused: `the files of this change go together, and ${why}`,
    }));
  }
  // Journalled first, then written all or none (runner/write-groups.ts), as --write does.
  const outcome = writeGroup(
    (checked as WriteReady[]).map((c) => ({
      file: c.absolute,
      expected: contentHash(c.bytes),
      after: c.text,
    })),
    options.journal,
  );
  if (!outcome.written)
    return results.map((r) => ({
      ...r,
      refused: `the files of this change go together, and one could not be written: ${outcome.reason}`,
    }));
  return results.map((r) => ({ ...r, written: true }));
}

interface WriteReady {
  absolute: string;
  bytes: Buffer;
  text: string;
}

/** The checks before a reviewed file is written: what to write, or why not. */
function writeCheck(
  file: Changed,
  text: string,
  options: ReviewOptions,
): WriteReady | { refused: string } {
  if (options.dirty.has(file.path))
    return { refused: "it has uncommitted changes (commit or stash them, or pass --allow-dirty)" };
  // Never write a file the accepted changes leave unparseable (a safety net: sites go whole).
  const problems = (source: string) => withNativeTree(source, countSyntaxProblems);
  if (problems(text) > problems(file.original!))
    return {
      refused: "the accepted changes alone would not parse; accept the related sites together",
    };
  const unimported = namesLeftUnimported(file.original!, file.output!, text);
  if (unimported.length > 0)
    return {
      refused: `with only the accepted changes, ${unimported.join(", ")} would be used but not imported; accept the related sites together`,
    };
  const absolute = resolve(options.cwd, file.path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return { refused: `cannot read it again: ${(error as Error).message}` };
  }
  const decoded = decodeSource(bytes);
  if (
    !("text" in decoded) ||
    decoded.text.replace(/^\uFEFF/, "") !== file.original!.replace(/^\uFEFF/, "")
  )
    return { refused: "it changed on disk during the review" };
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { absolute, bytes, text: hadBom && !text.startsWith("\uFEFF") ? "\uFEFF" + text : text };
}

/** One file with the sites accepted in it, when any was and the checks pass. */
function writeReviewed(
  file: Changed,
  text: string,
  accepted: number,
  sites: number,
  options: ReviewOptions,
): ReviewedFile {
  const result: ReviewedFile = { path: file.path, accepted, sites, written: false };
  if (accepted === 0 || text === file.original) return result;
  const check = writeCheck(file, text, options);
  if ("refused" in check) return { ...result, refused: check.refused };
  try {
    writeAtomically(check.absolute, check.bytes, check.text);
  } catch (error) {
    return { ...result, refused: (error as Error).message };
  }
  return { ...result, written: true };
}
