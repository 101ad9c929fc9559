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
 * statement whose block holds it (`if status:` at 4, the statement at 8: 4); 4 at top level.
 */
function indentUnit(source: string, root: SyntaxNode, start: number): number {
  const widthAt = (offset: number) =>
    LEADING_SPACE.exec(source.slice(lineStartOf(source, offset)))![0].length;
  for (let n: SyntaxNode | null = root.descendantForIndex(start, start); n; n = n.parent) {
    if (n.type !== "block" || !n.parent) continue;
    // The block's statement holding the call: the call may sit lines below its first line
    // (`return dict(\n    body=await asyncio.to_thread(`), whose depth says nothing of the unit.
    const statement = n.namedChildren.find((c) => c.startIndex <= start && start < c.endIndex);
    const width = widthAt(statement?.startIndex ?? start);
    const ownerWidth = widthAt(n.parent.startIndex);
    if (ownerWidth < width) return width - ownerWidth;
  }
  return 4;
}

interface MovedLine {
  /** Where the line starts: in the source, or in the text of `edit` (a multi-line new callee). */
  start: number;
  edit?: Edit;
  /** Where the line starts in the edit's text. */
  offset?: number;
  space: string;
  /** The call's own closing bracket, on a line of its own. */
  closing: boolean;
  /** Starts with a closing bracket (`).aaggregate(` in a chain): not a line of arguments. */
  closer: boolean;
}

const CLOSER = /^[)\]}]/;

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
    lines.push({ start, space, closing: false, closer: CLOSER.test(rest) });
  }
  const all = [...lines, ...linesOfNewText(edits, from, to)].sort(
    (a, b) => a.start - b.start || (a.edit ? -1 : 0) - (b.edit ? -1 : 0),
  );
  // The call's own closing bracket, on a line of its own, goes back to the statement's indentation.
  const last = all[all.length - 1];
  if (last && !last.edit) {
    const lineEnd = source.indexOf("\n", last.start);
    const cut = Math.min(
      lineEnd < 0 ? to : lineEnd,
      to,
      ...edits.filter((e) => e.start >= last.start).map((e) => e.start),
    );
    last.closing = source.slice(last.start, cut).trim() === ")";
  }
  return all;
}

/**
 * The lines inside new text that spans lines: a callee kept from a chain written over several
 * lines (`Order.objects.filter(\n    status="open",\n).aaggregate`) moves with the call.
 */
function linesOfNewText(edits: readonly Edit[], from: number, to: number): MovedLine[] {
  const lines: MovedLine[] = [];
  for (const edit of edits) {
    if (edit.start < from || edit.start > to) continue;
    let offset = edit.text.indexOf("\n");
    for (; offset >= 0; offset = edit.text.indexOf("\n", offset + 1)) {
      const space = LEADING_SPACE.exec(edit.text.slice(offset + 1))![0];
      const rest = edit.text.slice(offset + 1 + space.length);
      if (rest === "" || rest.startsWith("\n") || rest.startsWith("\r")) continue;
      lines.push({
        start: edit.start,
        edit,
        offset: offset + 1,
        space,
        closing: false,
        closer: CLOSER.test(rest),
      });
    }
  }
  return lines;
}

/**
 * The rewrite of the call from `start` to `end` (`edits`, whose new callee text is `callee`) with
 * the lines it moves kept in the file's hanging-indent style: every line of the moved expression,
 * those inside a callee written over several lines included, shifted alike.
 */
export function reindented(
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
  const openLineEnd = rewritten.indexOf("\n", open);
  if (openLineEnd < 0 || rewritten[open] !== "(") return [...edits];
  const afterOpen = rewritten.slice(open + 1, openLineEnd).trim();
  if (afterOpen !== "" && !afterOpen.startsWith("#")) return [...edits];
  const lines = movedLines(source, root, start, end, edits);
  const body = lines.filter((l) => !l.closing && !l.closer);
  const unsafe =
    body.length === 0 ||
    statementSpace.includes("\t") ||
    lines.some((l) => l.space.includes("\t")) ||
    // A line break inside a string of the new text: its lines are the string's value.
    lines.some((l) => l.edit && /"""|'''|\\\r?\n/.test(l.edit.text));
  if (unsafe) return [...edits];
  const unit = indentUnit(source, root, start);
  const shift = statementSpace.length + unit - Math.min(...body.map((l) => l.space.length));
  const widths = lines.map((l) => (l.closing ? statementSpace.length : l.space.length + shift));
  if (widths.some((w) => w < 0)) return [...edits];
  const texts = new Map<Edit, string>();
  const spaces: Edit[] = [];
  // Back to front, so each line's offset in its edit's text still holds when it is changed.
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i];
    if (widths[i] === line.space.length) continue;
    if (line.edit) {
      const text = texts.get(line.edit) ?? line.edit.text;
      const at = line.offset!;
      texts.set(
        line.edit,
        text.slice(0, at) + " ".repeat(widths[i]) + text.slice(at + line.space.length),
      );
    } else
      spaces.push({
        start: line.start,
        end: line.start + line.space.length,
        text: " ".repeat(widths[i]),
      });
  }
  return [...edits.map((e) => ({ ...e, text: texts.get(e) ?? e.text })), ...spaces];
}
