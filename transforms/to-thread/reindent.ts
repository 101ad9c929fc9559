import { lineStartOf } from "../../src/syntax/lines.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";

/**
 * Lines that move with a call keep the file's style. Removing an outer call moves the arguments
 * of the inner one up a level: `await asyncio.to_thread(\n    lambda: fetch(\n        a,\n    )\n)`
 * becomes `await fetch(\n    a,\n)`, its argument lines one indent level deeper than the
 * statement and its closing bracket at the statement's indentation, as before. Only a call left in
 * the hanging style (nothing but a comment after its open bracket) is re-indented, and never a
 * line that starts inside a string.
 */

const LEADING_SPACE = /^[ \t]*/;

function applied(source: string, from: number, to: number, edits: readonly Edit[]): string {
  let text = "";
  let at = from;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    text += source.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return text + source.slice(at, to);
}

/** Does line `start` still begin a line of the new text, with its own leading space? */
function survives(source: string, start: number, width: number, edits: readonly Edit[]): boolean {
  for (const e of edits) {
    if (e.start < start + width && e.end > start) return false;
    if (e.start <= start - 1 && e.end >= start) {
      // The newline before the line went: only a whole-line removal keeps the line a line.
      const wholeLines = e.text === "" && (e.start === 0 || source[e.start - 1] === "\n");
      if (e.end !== start || !(wholeLines || e.text.endsWith("\n"))) return false;
    }
  }
  return true;
}

function insideString(root: SyntaxNode, offset: number): boolean {
  for (let n: SyntaxNode | null = root.descendantForIndex(offset, offset); n; n = n.parent)
    if (n.type === "string" && n.startIndex < offset && offset < n.endIndex) return true;
  return false;
}

/**
 * The file's indent level where the call is: how much deeper its statement sits than the
 * statement whose block holds it (`if status:` at 4, the call's line at 8: 4); 4 at top level.
 */
function indentUnit(
  source: string,
  root: SyntaxNode,
  start: number,
  statementWidth: number,
): number {
  for (let n: SyntaxNode | null = root.descendantForIndex(start, start); n; n = n.parent) {
    if (n.type !== "block" || !n.parent) continue;
    const owner = lineStartOf(source, n.parent.startIndex);
    const ownerWidth = LEADING_SPACE.exec(source.slice(owner))![0].length;
    if (ownerWidth < statementWidth) return statementWidth - ownerWidth;
  }
  return 4;
}

interface MovedLine {
  start: number;
  space: string;
  closing: boolean;
}

/** The lines of the original call from its second on that stay lines of their own. */
function movedLines(
  source: string,
  root: SyntaxNode,
  from: number,
  to: number,
  edits: readonly Edit[],
): MovedLine[] {
  const lines: MovedLine[] = [];
  for (
    let at = source.indexOf("\n", from);
    at >= 0 && at + 1 < to;
    at = source.indexOf("\n", at + 1)
  ) {
    const start = at + 1;
    const space = LEADING_SPACE.exec(source.slice(start, to))![0];
    const rest = source.slice(start + space.length, to);
    if (rest === "" || rest.startsWith("\n") || rest.startsWith("\r")) continue;
    if (insideString(root, start) || !survives(source, start, space.length, edits)) continue;
    lines.push({ start, space, closing: false });
  }
  // The call's own closing bracket, on a line of its own, goes back to the statement's indentation.
  const last = lines[lines.length - 1];
  if (last) {
    const lineEnd = source.indexOf("\n", last.start);
    const cut = Math.min(
      lineEnd < 0 ? to : lineEnd,
      to,
      ...edits.filter((e) => e.start >= last.start).map((e) => e.start),
    );
    last.closing = source.slice(last.start, cut).trim() === ")";
  }
  return lines;
}

/**
 * Edits of leading space that keep the lines moved by `edits` (the rewrite of the call from
 * `start` to `end`, whose new callee text is `callee`) in the file's hanging-indent style.
 */
export function reindentEdits(
  source: string,
  root: SyntaxNode,
  start: number,
  end: number,
  callee: string,
  edits: readonly Edit[],
): Edit[] {
  const statementLine = lineStartOf(source, start);
  const statementSpace = LEADING_SPACE.exec(source.slice(statementLine, start))![0];
  const rewritten = applied(source, statementLine, end, edits);
  const open = start - statementLine + callee.length;
  const firstLineEnd = rewritten.indexOf("\n");
  if (firstLineEnd < 0 || rewritten[open] !== "(") return [];
  const afterOpen = rewritten.slice(open + 1, firstLineEnd).trim();
  if (afterOpen !== "" && !afterOpen.startsWith("#")) return [];
  const lines = movedLines(source, root, start, end, edits);
  const body = lines.filter((l) => !l.closing);
  if (
    body.length === 0 ||
    lines.some((l) => l.space.includes("\t")) ||
    statementSpace.includes("\t")
  )
    return [];
  const unit = indentUnit(source, root, start, statementSpace.length);
  const shift = statementSpace.length + unit - Math.min(...body.map((l) => l.space.length));
  const result: Edit[] = [];
  for (const line of lines) {
    const width = line.closing ? statementSpace.length : line.space.length + shift;
    if (width < 0) return [];
    if (width !== line.space.length)
      result.push({
        start: line.start,
        end: line.start + line.space.length,
        text: " ".repeat(width),
      });
  }
  return result;
}
