import { readFileSync, statSync, type BigIntStats } from "node:fs";
import { contentHash } from "./cache-folder.js";
import type { ContentKey, IndexCache } from "./index-cache.js";

/* What identifies a file's content in the index cache, trusting its stamp where nothing wrote to it. */

/** Where stamps read their "now" (a test moves it on: change times cannot be set back). */
export const stampClock = { now: (): number => Date.now() };

/**
 * A write this close to the stat may leave the change time as it was: file systems keep times in
 * steps of up to a clock tick (HFS+ keeps whole seconds). A file changed within this window is
 * hashed again on the next run, like git's "racily clean" entries.
 */
const RACY_WINDOW_NS = 2_000_000_000n;

/**
 * The file's stamp: modification and change times, inode and device, or "" when a write right
 * after this stat could leave them as they are (see RACY_WINDOW_NS).
 */
function stampOf(stat: BigIntStats, now: number): string {
  const latest = stat.ctimeNs > stat.mtimeNs ? stat.ctimeNs : stat.mtimeNs;
  if (latest + RACY_WINDOW_NS > BigInt(Math.floor(now)) * 1_000_000n) return "";
  return `${stat.mtimeNs}:${stat.ctimeNs}:${stat.ino}:${stat.dev}`;
}

/**
 * The file's size and content hash; undefined when it cannot be read. The hash is the cache's
 * when the file's size and stamp are the entry's (nothing wrote to it since), else it is computed:
 * a warm run reads only the files that changed. The stat comes before the read, so a write
 * between them leaves a stamp that the next run finds moved.
 */
export function contentKeyOf(
  file: string,
  now: number,
  cache: IndexCache | undefined,
  path: string,
): ContentKey | undefined {
  try {
    const stat = statSync(file, { bigint: true });
    const stamp = stampOf(stat, now);
    const trusted = cache?.trustedHash(path, Number(stat.size), stamp);
    if (trusted) return { size: Number(stat.size), hash: trusted, stamp };
    const bytes = readFileSync(file);
    return { size: bytes.length, hash: contentHash(bytes), stamp };
  } catch {
    return undefined;
  }
}
