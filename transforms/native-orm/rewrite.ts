import { applyEdits } from "../../src/engine/edits.js";
import {
  importBindingOf,
  importEditsToAdd,
  importEditsToRemove,
  isImportStillUsed,
} from "../../src/python/imports.js";
import { needsParenthesesForAwait } from "../../src/python/scope.js";
import { chainRoot } from "../../src/python/calls.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";
import type { Conversion, OrmFile } from "./state.js";

// The rewrite: edits as text, `await` where a call stands, and the imports the edits change.

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

/** The wrapper name an applied rewrite removed: its import may go. */
export function removedReference(f: OrmFile, expr: SyntaxNode): void {
  const n = chainRoot(expr);
  if (!n) return;
  f.removed.add(n.id);
  const binding = importBindingOf(n.text, n);
  if (binding) f.removedBindings.set(binding.item.id, binding);
}

/** Removes the imports nothing uses any more and adds the ones the rewrites need. */
export function importEdits(f: OrmFile): void {
  const replaced = new Set<number>();
  for (const need of f.needed) {
    f.removed.add(need.reference.id);
    if (need.replaces) f.removedBindings.set(need.replaces.item.id, need.replaces);
  }
  for (const binding of f.removedBindings.values()) {
    if (isImportStillUsed(binding, (ref) => f.removed.has(ref.id))) continue;
    // An unused `get_object_or_404` import becomes the `aget_object_or_404` import in place.
    const need = f.needed.find((n) => n.replaces?.item.id === binding.item.id);
    if (need && binding.item.type !== "aliased_import") {
      f.edits.push({ start: binding.item.startIndex, end: binding.item.endIndex, text: need.name });
      replaced.add(binding.item.id);
      continue;
    }
    f.edits.push(...importEditsToRemove(f.source, binding));
  }
  const added = new Set<string>();
  for (const need of f.needed) {
    if (need.replaces && replaced.has(need.replaces.item.id)) continue;
    const key = `${need.module}.${need.name}`;
    if (added.has(key)) continue;
    added.add(key);
    f.edits.push(...importEditsToAdd(f.root, need.module, need.name));
  }
}
