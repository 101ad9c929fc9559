import type { Edit } from "../model/types.js";

/*
 * The edits of a file's successive passes (one per transform that changed it) as edits of the
 * text as read. Each pass's edits are offsets of the text that pass read: mapped back one by one,
 * a later edit that takes away part of what an earlier one inserted (native-orm dropping
 * `, sync_to_async` just after asyncio-run inserted `async_to_sync, ` in the same import) has no
 * place of its own in the text as read. Here the passes are replayed over pieces of text, each
 * either a range of the text as read or text a pass inserted, and every stretch where the text
 * as read no longer runs on unchanged becomes one edit.
 */

/** One pass's edits, in the text that pass read (sorted, not overlapping), and who made them. */
export interface PassEdits {
  id: string;
  edits: readonly Edit[];
}

/** An edit of the text as read, and the transform that made it (the first, where passes meet). */
export interface ComposedEdit extends Edit {
  id: string;
}

/** A range of the text as read, or text a pass inserted (empty where a pass only deleted). */
type Piece = { start: number; end: number } | { text: string; ids: readonly string[] };

export function composedEdits(original: string, passes: readonly PassEdits[]): ComposedEdit[] {
  let pieces: Piece[] = [{ start: 0, end: original.length }];
  for (const pass of passes) pieces = afterPass(pieces, pass);
  return editsOf(original, pieces);
}

function lengthOf(piece: Piece): number {
  return "text" in piece ? piece.text.length : piece.end - piece.start;
}

function cut(piece: Piece, at: number): [Piece, Piece] {
  if ("text" in piece)
    return [
      { text: piece.text.slice(0, at), ids: piece.ids },
      { text: piece.text.slice(at), ids: piece.ids },
    ];
  return [
    { start: piece.start, end: piece.start + at },
    { start: piece.start + at, end: piece.end },
  ];
}

function afterPass(pieces: readonly Piece[], pass: PassEdits): Piece[] {
  const kept: Piece[] = [];
  let next = 0;
  // What is left of a piece that an edit's end cut in two.
  let rest: Piece | undefined;
  let at = 0;
  // Takes the pieces before `to` (of the text the pass read): kept, or replaced by the edit (then
  // the passes that wrote them are named with it).
  const takeUntil = (to: number, replacedBy?: string[]): void => {
    while (at < to && (rest !== undefined || next < pieces.length)) {
      let piece = rest ?? pieces[next++];
      rest = undefined;
      if (at + lengthOf(piece) > to) [piece, rest] = cut(piece, to - at);
      at += lengthOf(piece);
      if (!replacedBy) kept.push(piece);
      else if ("ids" in piece) replacedBy.push(...piece.ids);
    }
  };
  for (const edit of pass.edits) {
    takeUntil(edit.start);
    const ids: string[] = [];
    takeUntil(edit.end, ids);
    kept.push({ text: edit.text, ids: [...ids, pass.id] });
  }
  takeUntil(Infinity);
  return kept;
}

function editsOf(original: string, pieces: readonly Piece[]): ComposedEdit[] {
  const edits: ComposedEdit[] = [];
  let from = 0;
  let text = "";
  let ids: string[] = [];
  const endStretch = (to: number): void => {
    if (ids.length > 0 || to > from) {
      if (original.slice(from, to) !== text) edits.push({ start: from, end: to, text, id: ids[0] });
    }
    text = "";
    ids = [];
  };
  for (const piece of pieces) {
    if ("ids" in piece) {
      text += piece.text;
      ids.push(...piece.ids);
    } else if (piece.end > piece.start) {
      if (ids.length > 0 || piece.start !== from) endStretch(piece.start);
      from = piece.end;
    }
  }
  endStretch(original.length);
  return edits;
}
