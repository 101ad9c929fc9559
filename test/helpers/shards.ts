/**
 * Spreading the snapshot cases over several test files, so that the test workers share them: a
 * case's shard is a hash of its name, so a new case lands in one without a list to edit.
 */

/** The shard (0 to `count` - 1) of the case `<transform>/<name>`: FNV-1a, stable across runs. */
export function shardOf(transform: string, name: string, count: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${transform}/${name}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % count;
}

/**
 * The case a file or folder of snapshots/<transform>/ belongs to: a folder is a case, a file is
 * `<case>.input.py`, `<case>.output.py`, `<case>.diagnostics.json` and so on.
 */
export function caseOfEntry(entry: string): string {
  const dot = entry.indexOf(".");
  return dot < 0 ? entry : entry.slice(0, dot);
}

/** The shard files `<prefix><i>.test.ts` there should be in a folder: 0 to `count` - 1. */
export function shardFiles(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${i}.test.ts`);
}
