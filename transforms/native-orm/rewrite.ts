import { applyEdits } from "../../src/engine/edits.js";
import { needsParenthesesForAwait } from "../../src/python/shapes.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";
import type { Conversion } from "./types.js";

// The rewrite: edits as text and `await` where a call stands (imports are the engine's plan).

/** Would these edits delete or overwrite one of the comments? */
export function losesComments(comments: readonly SyntaxNode[], edits: Edit[]): boolean {
  return comments.some((c) => edits.some((e) => e.start < c.endIndex && c.startIndex < e.end));
}

/** The text of `node` once the edits inside it are applied: the suggested code. */
export function rewrittenText(source: string, node: SyntaxNode, edits: Edit[]): string {
  const inside = edits
    .filter((e) => e.start >= node.startIndex && e.end <= node.endIndex)
    .map((e) => ({ ...e, start: e.start - node.startIndex, end: e.end - node.startIndex }));
  return applyEdits(source.slice(node.startIndex, node.endIndex), inside);
}

/** The conversion's edits with `await` in front where the call stands. */
export function awaitedEdits(c: Conversion): Edit[] {
  if (!c.awaited) return c.edits;
  const parens = needsParenthesesForAwait(c.node);
  return [
    { start: c.node.startIndex, end: c.node.startIndex, text: parens ? "(await " : "await " },
    ...c.edits,
    ...(parens ? [{ start: c.node.endIndex, end: c.node.endIndex, text: ")" }] : []),
  ];
}

/** The rewritten site; for a loop only its header, not the whole body. */
export function suggestionFor(source: string, c: Conversion, edits: Edit[]): string {
  const text = rewrittenText(source, c.node, edits);
  if (c.node.type !== "for_statement") return text;
  const body = c.node.childForFieldName("body");
  const headerLength = body ? body.startIndex - c.node.startIndex : source.length;
  const added = edits.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
  return text.slice(0, headerLength + added).trimEnd();
}
