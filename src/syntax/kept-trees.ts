import type { NativeTree, SyntaxTree } from "./tree.js";

/*
 * Trees the survey parsed, kept for the rewrite pass of the same file in the same thread: a file a
 * cross-file survey reads (every file holding `sync_to_async`) is parsed and copied once, not once
 * per pass. A tree is handed out only for the very text it was parsed from, and at most once; the
 * kept trees' texts stay under a budget (the oldest go first), so memory stays bounded whatever
 * the survey reads. The parser's trees live in the WebAssembly heap: whatever is not taken is
 * deleted when evicted or dropped.
 */

interface Kept {
  text: string;
  native: NativeTree;
  tree: SyntaxTree;
}

/** Characters of source the kept trees may stand for, together (a tree is about 20 bytes a character). */
const KEPT_CHARS = 2 * 2 ** 20;

const kept = new Map<string, Kept>();
let keptChars = 0;
/** Whether this thread keeps trees: only when its rewrite pass will run here (see keepTreesHere). */
let keeping = false;

/**
 * Keep the survey's trees in this thread (`on`: the rewrite pass will run here too), or not (it
 * will run on other threads, which the trees cannot serve: they would only hold memory).
 */
export function keepTreesHere(on: boolean): void {
  keeping = on;
  if (!on) dropKeptTrees();
}

/** Keeps the parse of `text` (the file `key`) until it is taken, evicted or dropped. */
export function keepTree(key: string, text: string, native: NativeTree, tree: SyntaxTree): void {
  release(key);
  if (!keeping || text.length > KEPT_CHARS) {
    native.delete();
    return;
  }
  kept.set(key, { text, native, tree });
  keptChars += text.length;
  for (const oldest of kept.keys()) {
    if (keptChars <= KEPT_CHARS) break;
    release(oldest);
  }
}

/** The kept parse of the file `key`, when it was parsed from exactly `text`; it is no longer kept. */
export function takeTree(
  key: string,
  text: string,
): { native: NativeTree; tree: SyntaxTree } | undefined {
  const found = kept.get(key);
  if (!found) return undefined;
  kept.delete(key);
  keptChars -= found.text.length;
  if (found.text === text) return { native: found.native, tree: found.tree };
  found.native.delete();
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
  found.native.delete();
}
