import { diffLines, type Change } from "diff";
import pc from "picocolors";

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

/**
 * Several hunks of one site as unified diff fragments, hunks whose contexts would overlap shown
 * as one (as `diff -U3` joins them), so no line is printed twice.
 */
export function showHunks(parts: Change[], hunks: readonly Hunk[], color: boolean): string {
  const sorted = [...hunks].sort((a, b) => a.first - b.first);
  const joined: Hunk[][] = [];
  for (const hunk of sorted) {
    const last = joined.at(-1)?.at(-1);
    const gap = last
      ? parts.slice(last.end, hunk.first).reduce((n, p) => n + (p.count ?? 0), 0)
      : 0;
    if (last && gap <= 2 * CONTEXT) joined.at(-1)!.push(hunk);
    else joined.push([hunk]);
  }
  return joined.map((run) => showJoined(parts, run, color)).join("\n");
}

function showJoined(parts: Change[], run: readonly Hunk[], color: boolean): string {
  if (run.length === 1) return showHunk(parts, run[0], color);
  const c = pc.createColors(color);
  const [first, last] = [run[0], run.at(-1)!];
  const before = first.first > 0 ? linesOf(parts[first.first - 1].value).slice(-CONTEXT) : [];
  const after = last.end < parts.length ? linesOf(parts[last.end].value).slice(0, CONTEXT) : [];
  const body: string[] = [];
  let oldCount = before.length + after.length;
  let newCount = oldCount;
  for (const part of parts.slice(first.first, last.end)) {
    const lines = linesOf(part.value);
    if (part.removed) body.push(...lines.map((l) => c.red(`-${l}`)));
    else if (part.added) body.push(...lines.map((l) => c.green(`+${l}`)));
    else body.push(...lines.map((l) => ` ${l}`));
    if (!part.added) oldCount += lines.length;
    if (!part.removed) newCount += lines.length;
  }
  const header = `@@ -${first.oldStart - before.length},${oldCount} +${first.newStart - before.length},${newCount} @@`;
  return [
    c.cyan(header),
    ...before.map((l) => ` ${l}`),
    ...body,
    ...after.map((l) => ` ${l}`),
  ].join("\n");
}
