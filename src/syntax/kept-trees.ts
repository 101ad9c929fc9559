import type { NativeTree, SyntaxTree } from "./tree.js";

/*
 * Trees the survey parsed, kept for the rewrite pass of the same file in the same thread: a file a
 * cross-file survey reads (every file holding `sync_to_async`) is parsed and copied once, not once
 * per pass. A tree is handed out only for the very text it was parsed from, and at most once; the
 * kept trees' texts stay under a budget (the oldest go first), so memory stays bounded whatever
 * the survey reads. The copy is kept bare (SyntaxTree.bare: what the survey made of it is not).
 * The parser's tree, which lets a rewrite re-parse its edits incrementally, is kept only where
 * asked: it lives in the WebAssembly heap, which grows to the most it ever held and never
 * shrinks, and each worker has its own (two workers keeping the parser's trees of the dense
 * corpus peaked 130 MB higher, against 20 MB for the copies alone). Whatever is not taken is
 * deleted when evicted or dropped.
 */

interface Kept {
  text: string;
  tree: SyntaxTree;
  native?: NativeTree;
}

/** Characters of source the kept trees may stand for, together (a tree is about 20 bytes a character). */
const KEPT_CHARS = 2 * 2 ** 20;

const kept = new Map<string, Kept>();
let keptChars = 0;
/** Whether this thread keeps trees: only when its rewrite pass will run here (see keepTreesHere). */
let keeping = false;
/** Whether it keeps the parser's trees with the copies. */
let keepingParser = true;

/**
 * Keep the survey's trees in this thread (`on`: the rewrite pass will run here too), or not (it
 * will run on other threads, which the trees cannot serve: they would only hold memory);
 * `parser`: with the parser's trees, or the copies alone.
 */
export function keepTreesHere(on: boolean, parser = true): void {
  keeping = on;
  keepingParser = parser;
  if (!on) dropKeptTrees();
}

/** Keeps the parse of `text` (the file `key`) until it is taken, evicted or dropped. */
export function keepTree(key: string, text: string, tree: SyntaxTree, native?: NativeTree): void {
  release(key);
  if (!keeping || text.length > KEPT_CHARS) {
    native?.delete();
    return;
  }
  if (!keepingParser) native?.delete();
  kept.set(key, { text, tree: tree.bare(), ...(keepingParser && native ? { native } : {}) });
  keptChars += text.length;
  for (const oldest of kept.keys()) {
    if (keptChars <= KEPT_CHARS) break;
    release(oldest);
  }
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
  kept.delete(key);
  keptChars -= found.text.length;
  if (found.text === text) return found;
  found.native?.delete();
  return undefined;
}

/** Deletes every kept tree (the end of a run). */
export function dropKeptTrees(): void {
  for (const key of [...kept.keys()]) release(key);
}

function release(key: string): void {
  const found = kept.get(key);
  if (!found) return;
  kept.delete(key);
  keptChars -= found.text.length;
  found.native?.delete();
}
