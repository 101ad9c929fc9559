import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { diffLines, type Change } from "diff";
import pc from "picocolors";
import { decodeSource } from "../project/source.js";
import type { FileResult } from "../model/results.js";
import type { GroupFile, WriteJournal } from "../runner/journal.js";
import { writeGroup } from "../runner/write-groups.js";
import { contentHash } from "../project/cache-folder.js";
import { countSyntaxProblems, parseNative, parsePython } from "../syntax/parse.js";
import { allImportStatements, importBindings } from "../python/imports.js";
import { isNameReference } from "../python/scope.js";

/** One change to review: a run of removed and added lines between unchanged ones. */
export interface Hunk {
  /** Index of the first of its parts in the file's change list. */
  first: number;
  /** Index after its last part. */
  end: number;
  oldStart: number;
  newStart: number;
}

const CONTEXT = 3;

/** The file's line changes, each maximal run of removed/added parts one hunk (no context merged). */
export function hunksOf(original: string, output: string): { parts: Change[]; hunks: Hunk[] } {
  const parts = diffLines(original, output);
  const hunks: Hunk[] = [];
  let oldLine = 1;
  let newLine = 1;
  for (let i = 0; i < parts.length;) {
    const part = parts[i];
    if (!part.added && !part.removed) {
      oldLine += part.count ?? 0;
      newLine += part.count ?? 0;
      i++;
      continue;
    }
    const hunk: Hunk = { first: i, end: i, oldStart: oldLine, newStart: newLine };
    while (i < parts.length && (parts[i].added || parts[i].removed)) {
      if (parts[i].removed) oldLine += parts[i].count ?? 0;
      else newLine += parts[i].count ?? 0;
      i++;
    }
    hunk.end = i;
    hunks.push(hunk);
  }
  return { parts, hunks };
}

/** The text with only the accepted hunks applied; everything else byte for byte as it was. */
export function applyHunks(parts: Change[], hunks: Hunk[], accepted: Set<number>): string {
  const acceptedPart = new Map<number, boolean>();
  hunks.forEach((hunk, h) => {
    for (let i = hunk.first; i < hunk.end; i++) acceptedPart.set(i, accepted.has(h));
  });
  let text = "";
  parts.forEach((part, i) => {
    if (!part.added && !part.removed) text += part.value;
    else if (part.added && acceptedPart.get(i)) text += part.value;
    else if (part.removed && !acceptedPart.get(i)) text += part.value;
  });
  return text;
}

function linesOf(value: string): string[] {
  const lines = value.split("\n");
  if (lines.at(-1) === "") lines.pop();
  return lines.map((l) => l.replace(/\r$/, ""));
}

/** A hunk as a unified diff fragment with up to three lines of context each side. */
export function showHunk(parts: Change[], hunk: Hunk, color: boolean): string {
  const c = pc.createColors(color);
  const before = hunk.first > 0 ? linesOf(parts[hunk.first - 1].value).slice(-CONTEXT) : [];
  const after = hunk.end < parts.length ? linesOf(parts[hunk.end].value).slice(0, CONTEXT) : [];
  const removed = parts
    .slice(hunk.first, hunk.end)
    .filter((p) => p.removed)
    .flatMap((p) => linesOf(p.value));
  const added = parts
    .slice(hunk.first, hunk.end)
    .filter((p) => p.added)
    .flatMap((p) => linesOf(p.value));
  const oldCount = before.length + removed.length + after.length;
  const newCount = before.length + added.length + after.length;
  const header = `@@ -${hunk.oldStart - before.length},${oldCount} +${hunk.newStart - before.length},${newCount} @@`;
  return [
    c.cyan(header),
    ...before.map((l) => ` ${l}`),
    ...removed.map((l) => c.red(`-${l}`)),
    ...added.map((l) => c.green(`+${l}`)),
    ...after.map((l) => ` ${l}`),
  ].join("\n");
}

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

async function ask(
  reader: LineReader,
  input: Readable,
  output: Writable,
  prompt: string,
): Promise<Answer> {
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
    if (answer === "y" || answer === "n" || answer === "a" || answer === "d" || answer === "q")
      return answer;
    output.write(`${CHOICES}\n`);
  }
}

export interface ReviewedFile {
  path: string;
  accepted: number;
  hunks: number;
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
  /** Display paths of the files of each cross-file change: written all or none. */
  groups?: string[][];
  /** Journals each group before it is written (see runner/journal.ts). */
  journal?: WriteJournal;
}

type Changed = Extract<FileResult, { status: "changed" }>;

/**
 * Asks about each hunk of each changed file (the run kept their old and new text) and writes each
 * file with the hunks accepted. A partly accepted file is written only if it still parses.
 */
export async function reviewHunks(
  files: FileResult[],
  options: ReviewOptions,
): Promise<ReviewedFile[]> {
  const c = pc.createColors(options.color);
  const reader = new LineReader(options.input);
  const reviewed: Decided[] = [];
  let quit = false;
  try {
    for (const file of files.filter((f): f is Changed => f.status === "changed")) {
      if (quit) break;
      if (file.original === undefined || file.output === undefined) continue;
      const { parts, hunks } = hunksOf(file.original, file.output);
      const accepted = new Set<number>();
      for (let h = 0; h < hunks.length && !quit; h++) {
        options.output.write(`${c.bold(`--- ${file.path}`)}  (${h + 1}/${hunks.length})\n`);
        options.output.write(showHunk(parts, hunks[h], options.color) + "\n");
        const answer = await ask(
          reader,
          options.input,
          options.output,
          `Apply this change? ${CHOICES}: `,
        );
        if (answer === "y") accepted.add(h);
        else if (answer === "a") {
          for (let k = h; k < hunks.length; k++) accepted.add(k);
          break;
        } else if (answer === "d") break;
        else if (answer === "q") quit = true;
      }
      reviewed.push({
        file,
        text: applyHunks(parts, hunks, accepted),
        accepted: accepted.size,
        total: hunks.length,
      });
    }
  } finally {
    reader.close();
  }
  return writeDecided(reviewed, options);
}

/** A file as the review left it: its text with the accepted hunks. */
interface Decided {
  file: Changed;
  text: string;
  accepted: number;
  total: number;
}

/**
 * Writes what the review accepted. The files of one cross-file change (a caller and the file
 * gaining the twin it awaits) are written together or not at all: only when every one of them
 * was accepted in full and may be written (issue 22, item 1); any other file on its own.
 */
function writeDecided(decided: Decided[], options: ReviewOptions): ReviewedFile[] {
  const full = new Set(decided.filter((d) => d.accepted === d.total).map((d) => d.file.path));
  const groupOf = new Map<string, string[]>();
  for (const group of options.groups ?? []) for (const path of group) groupOf.set(path, group);
  const checked = decided.map((d) => {
    const others = (groupOf.get(d.file.path) ?? []).filter((p) => p !== d.file.path);
    const declined = others.filter((p) => !full.has(p));
    if (d.accepted > 0 && d.text !== d.file.original && declined.length > 0)
      return {
        result: {
          ...checkedResult(d),
          refused: `it is one change with ${declined.join(", ")}, whose changes were not all accepted`,
        },
      };
    return checkReviewed(d, options);
  });
  const byPath = new Map(checked.map((c) => [c.result.path, c]));
  const done = new Set<string>();
  for (const c of checked) {
    if (!c.write || done.has(c.result.path)) continue;
    const members = [c.result.path, ...(groupOf.get(c.result.path) ?? [])]
      .filter((p, i, all) => all.indexOf(p) === i)
      .flatMap((p) => byPath.get(p) ?? []);
    for (const m of members) done.add(m.result.path);
    const stopped = members.find((m) => !m.write && m.result.refused);
    const outcome = stopped
      ? undefined
      : writeGroup(
          members.map((m) => m.write!),
          options.journal,
        );
    const failed = outcome && !outcome.written ? outcome : undefined;
    const stopper = stopped ?? members.find((m) => m.write?.file === failed?.file);
    for (const m of members) {
      if (outcome?.written) m.result.written = true;
      else if (m.write)
        m.result.refused =
          failed && m.write.file === failed.file
            ? failed.reason
            : `it is one change with ${stopper?.result.path}, which ${failed ? `could not be written: ${failed.reason}` : "is not written"}`;
    }
  }
  return checked.map((c) => c.result);
}

function checkedResult(d: Decided): ReviewedFile {
  return { path: d.file.path, accepted: d.accepted, hunks: d.total, written: false };
}

function importedNames(text: string): Set<string> {
  const root = parsePython(text).rootNode;
  return new Set(allImportStatements(root).flatMap((s) => importBindings(s).map((b) => b.local)));
}

/**
 * Names the partly applied text uses but no longer imports, though the original or the full
 * rewrite imported them: a declined import hunk whose rewrite was accepted, or the reverse.
 */
export function namesLeftUnimported(original: string, full: string, partial: string): string[] {
  const bound = importedNames(partial);
  const candidates = new Set([...importedNames(original), ...importedNames(full)]);
  const used = new Set(
    parsePython(partial)
      .rootNode.descendantsOfType("identifier")
      .filter(isNameReference)
      .map((id) => id.text),
  );
  return [...candidates].filter((name) => !bound.has(name) && used.has(name)).sort();
}

/** A reviewed file that may be written (its group file), or why not. */
function checkReviewed(
  d: Decided,
  options: ReviewOptions,
): { result: ReviewedFile; write?: GroupFile } {
  const { file, text } = d;
  const result = checkedResult(d);
  if (d.accepted === 0 || text === file.original) return { result };
  const refused = (why: string) => ({ result: { ...result, refused: why } });
  if (options.dirty.has(file.path))
    return refused("it has uncommitted changes (commit or stash them, or pass --allow-dirty)");
  // Some hunks alone may not parse (a rewrite split across lines): never write such a file.
  if (countSyntaxProblems(parseNative(text)) > countSyntaxProblems(parseNative(file.original!)))
    return refused("the accepted changes alone would not parse; accept the related hunks together");
  const unimported = namesLeftUnimported(file.original!, file.output!, text);
  if (unimported.length > 0)
    return refused(
      `with only the accepted changes, ${unimported.join(", ")} would be used but not imported; accept the related changes together`,
    );
  const absolute = resolve(options.cwd, file.path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    return refused(`cannot read it again: ${(error as Error).message}`);
  }
  const decoded = decodeSource(bytes);
  if (
    !("text" in decoded) ||
    decoded.text.replace(/^\uFEFF/, "") !== file.original!.replace(/^\uFEFF/, "")
  )
    return refused("it changed on disk during the review");
  const hadBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const withBom = hadBom && !text.startsWith("\uFEFF") ? "\uFEFF" + text : text;
  return { result, write: { file: absolute, expected: contentHash(bytes), after: withBom } };
}
