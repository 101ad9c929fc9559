import type { NativeTree, SyntaxTree } from "./tree.js";

/*
 * Trees the survey parsed, kept for later rounds of the survey and for the rewrite pass of the
 * same file in the same thread: a file a cross-file survey reads (every file holding
 * `sync_to_async`) is parsed and copied once, not once per round and pass. A tree is handed out
 * only for the very text it was parsed from, and at most once. What is kept stays under a budget
 * of bytes, so memory stays bounded whatever the survey reads:
 * - the copy is kept bare (SyntaxTree.bare: what the survey made of it is not), about 6 bytes a
 *   character of source (its columns and the text);
 * - the parser's tree, which lets a rewrite re-parse its edits incrementally, is kept only where
 *   asked, and given up first when the budget is short: it lives in the WebAssembly heap, about 20
 *   bytes a character, which grows to the most it ever held and never shrinks (two workers
 *   keeping the parser's trees of the dense corpus peaked 130 MB higher, against 20 MB for the
 *   copies alone);
 * - once the copies alone fill the budget, nothing more is kept until a tree is taken: the survey
 *   asks its files again round after round in the same order, so evicting the oldest for the
 *   newest would drop each tree just before it is asked for (crewAI: 6 parses saved that way).
 * Whatever is not taken is deleted when given up or dropped.
 */

interface Kept {
  text: string;
  tree: SyntaxTree;
  native?: NativeTree;
}

/**
 * Bytes the kept trees of a run may hold, together (estimated: see copyBytes and
 * NATIVE_BYTES_PER_CHAR); the workers keeping trees share it (see worker.ts).
 */
export const KEPT_BYTES = 48 * 2 ** 20;
let budget = KEPT_BYTES;
/** What a parser's tree holds in the WebAssembly heap, per character of its source (measured). */
const NATIVE_BYTES_PER_CHAR = 20;

const kept = new Map<string, Kept>();
let keptBytes = 0;
/** Whether this thread keeps trees: only when its rewrite pass will run here (see keepTreesHere). */
let keeping = false;
/** Whether it keeps the parser's trees with the copies. */
let keepingParser = true;

/**
 * Keep the survey's trees in this thread (`on`: the rewrite pass will run here too), or not (it
 * will run on other threads, which the trees cannot serve: they would only hold memory);
 * `parser`: with the parser's trees, or the copies alone; `bytes`: the budget.
 */
export function keepTreesHere(on: boolean, parser = true, bytes = KEPT_BYTES): void {
  keeping = on;
  keepingParser = parser;
  budget = bytes;
  if (!on) dropKeptTrees();
}

/** Keeps the parse of `text` (the file `key`) until it is taken, given up or dropped. */
export function keepTree(key: string, text: string, tree: SyntaxTree, native?: NativeTree): void {
  release(key);
  const copy = copyBytes(tree);
  if (!keeping || !roomFor(copy)) {
    native?.delete();
    return;
  }
  const entry: Kept = { text, tree: tree.bare() };
  keptBytes += copy;
  if (native && keepingParser && roomFor(nativeBytes(text))) {
    entry.native = native;
    keptBytes += nativeBytes(text);
  } else native?.delete();
  kept.set(key, entry);
}

/**
 * Whether `bytes` more fit in the budget, once the kept parser's trees are given up as needed
 * (the oldest first): their copies stay.
 */
function roomFor(bytes: number): boolean {
  for (const entry of kept.values()) {
    if (keptBytes + bytes <= budget) break;
    if (!entry.native) continue;
    entry.native.delete();
    entry.native = undefined;
    keptBytes -= nativeBytes(entry.text);
  }
  return keptBytes + bytes <= budget;
}

function copyBytes(tree: SyntaxTree): number {
  return tree.columnBytes + tree.source.length;
}

function nativeBytes(text: string): number {
  return text.length * NATIVE_BYTES_PER_CHAR;
}

/**
 * The kept parse of the file `key` (its copy, and the parser's tree when kept), when it was
 * parsed from exactly `text`; it is no longer kept.
 */
export function takeTree(
  key: string,
  text: string,
): { tree: SyntaxTree; native?: NativeTree } | undefined {
  const found = kept.get(key);
  if (!found) return undefined;
  forget(key, found);
  if (found.text === text) return found;
  found.native?.delete();
  return undefined;
}

/**
 * The kept copy of the file `key`, bare, when it was parsed from exactly `text`; it stays kept (for
 * a reader that only looks at the file, as the module constants do).
 */
export function peekTree(key: string, text: string): SyntaxTree | undefined {
  const found = kept.get(key);
  return found?.text === text ? found.tree.bare() : undefined;
}

/** Deletes every kept tree (the end of a run). */
export function dropKeptTrees(): void {
  for (const key of [...kept.keys()]) release(key);
}

function release(key: string): void {
  const found = kept.get(key);
  if (!found) return;
  forget(key, found);
  found.native?.delete();
}

function forget(key: string, found: Kept): void {
  kept.delete(key);
  keptBytes -= copyBytes(found.tree) + (found.native ? nativeBytes(found.text) : 0);
}
