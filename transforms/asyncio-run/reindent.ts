import { lineStartOf } from "../../src/syntax/lines.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";

/*
 * `asyncio.run(\n    fetch(\n        a,\n    )\n)` loses its outer call: `fetch(` moves up to the
 * line of `asyncio.run(`, and the lines of its arguments must move left with it, or the closing
 * bracket sits one level deeper than the statement and black / ruff format reject the file.
 */

/**
 * Edits that move the continuation lines of `inner` left by as much as `inner` moves when the
 * text between `outer`'s start and `inner` is removed. None when `inner` does not start its own
 * line, or when a line is indented less than `inner` (a layout we do not guess at). Lines inside a
 * string literal are its text and never move.
 */
export function movedLineEdits(source: string, outer: SyntaxNode, inner: SyntaxNode): Edit[] {
  const outerIndent = indentOfLineAt(source, outer.startIndex);
  const innerLineStart = lineStartOf(source, inner.startIndex);
  if (innerLineStart <= outer.startIndex) return [];
  const innerIndent = source.slice(innerLineStart, inner.startIndex);
  if (!/^[ \t]*$/.test(innerIndent) || !innerIndent.startsWith(outerIndent)) return [];
  if (innerIndent.length === outerIndent.length) return [];

  const strings = inner.descendantsOfType("string");
  const edits: Edit[] = [];
  for (
    let at = source.indexOf("\n", inner.startIndex);
    at >= 0;
    at = source.indexOf("\n", at + 1)
  ) {
    const lineStart = at + 1;
    if (lineStart >= inner.endIndex) break;
    if (strings.some((s) => s.startIndex < lineStart && lineStart < s.endIndex)) continue;
    if (isBlankLineAt(source, lineStart)) continue;
    if (!source.startsWith(innerIndent, lineStart)) return [];
    edits.push({
      start: lineStart + outerIndent.length,
      end: lineStart + innerIndent.length,
      text: "",
    });
  }
  return edits;
}

function indentOfLineAt(source: string, offset: number): string {
  return /^[ \t]*/.exec(source.slice(lineStartOf(source, offset), offset))![0];
}

function isBlankLineAt(source: string, lineStart: number): boolean {
  let at = lineStart;
  while (source[at] === " " || source[at] === "\t") at++;
  return at >= source.length || source[at] === "\n" || source[at] === "\r";
}
