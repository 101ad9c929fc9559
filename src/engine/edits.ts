import MagicString from "magic-string";
import type { Edit } from "../model/types.js";

/** Two edits of one pass touch the same text: a transform bug, never a user error. */
export class OverlappingEditsError extends Error {
  constructor(
    readonly first: Edit,
    readonly second: Edit,
  ) {
    super(
      `overlapping edits: [${first.start}, ${first.end}) -> ${JSON.stringify(first.text)} and ` +
        `[${second.start}, ${second.end}) -> ${JSON.stringify(second.text)}`,
    );
    this.name = "OverlappingEditsError";
  }
}

/** Edits sorted by position; identical duplicates (two sites asking for the same import) collapse. */
export function sortedEdits(edits: readonly Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const result: Edit[] = [];
  for (const edit of sorted) {
    const previous = result[result.length - 1];
    if (previous) {
      if (previous.start === edit.start && previous.end === edit.end && previous.text === edit.text)
        continue;
      const insertionsAtSamePoint =
        previous.start === previous.end && edit.start === edit.end && previous.start === edit.start;
      if (edit.start < previous.end || insertionsAtSamePoint) {
        throw new OverlappingEditsError(previous, edit);
      }
    }
    result.push(edit);
  }
  return result;
}

export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = sortedEdits(edits);
  if (sorted.length === 0) return source;
  const text = new MagicString(source);
  for (const edit of sorted) {
    if (edit.start === edit.end) text.appendLeft(edit.start, edit.text);
    else text.overwrite(edit.start, edit.end, edit.text);
  }
  return text.toString();
}

/**
 * Where an offset of the edited text was before the edits. Offsets inside a replaced range map
 * to the start of that range. `edits` must be sorted (as `sortedEdits` returns them).
 */
export function offsetBeforeEdits(sorted: readonly Edit[], offset: number): number {
  let shift = 0;
  for (const edit of sorted) {
    const newStart = edit.start + shift;
    const newEnd = newStart + edit.text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return edit.start;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset - shift;
}
