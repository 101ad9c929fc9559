import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { PackedOutline } from "../python/packed-outline.js";
import type { PrePass } from "./file-job.js";

/**
 * Version of the cache's layout and of what the pre-pass records: a change starts it afresh.
 * 2: entries as tuples and outlines as flat arrays (a third of the size of version 1, whose
 * parse and rewrite were most of a warm one-file run in a 5,000-file project). 3: a call's flags
 * hold whether it is handed `request.user`.
 */
const CACHE_VERSION = 3;
export const CACHE_DIR = ".asyncshift_cache";

/** `[size, mtimeMs, inert 1/0, facts, outline]`. */
type StoredEntry = [number, number, 0 | 1, PrePass["facts"] | 0, PackedOutline | 0];

function prePassOfStored(entry: StoredEntry): PrePass {
  const [, , inert, facts, outline] = entry;
  return {
    ...(facts !== 0 ? { facts } : {}),
    inert: inert === 1,
    ...(outline !== 0 ? { outline } : {}),
  };
}

/**
 * The pre-pass of every file, kept on disk under the project root (`.asyncshift_cache/`, like
 * ruff's cache: safe to delete, ignored by git through its own `.gitignore`), keyed by
 * root-relative path, size and modification time, so one staged file in a large project does not
 * read the whole project again. `key` holds what else the entries depend on (the tool's version,
 * the trigger words). Rewritten only when an entry was added, changed or dropped.
 */
export class IndexCache {
  private entries: Record<string, StoredEntry> = {};
  private changed = false;
  private readonly file: string;

  constructor(
    root: string,
    private readonly key: string,
  ) {
    this.file = join(root, CACHE_DIR, `index-v${CACHE_VERSION}.json`);
    try {
      const stored = JSON.parse(readFileSync(this.file, "utf8")) as {
        key: string;
        entries: Record<string, StoredEntry>;
      };
      if (stored.key === key) this.entries = stored.entries;
    } catch {
      // no cache yet, or unreadable: start afresh
    }
  }

  /** The stored pre-pass of a root-relative path, when its size and time still match. */
  get(path: string, stat: { size: number; mtimeMs: number }): PrePass | undefined {
    const entry = this.entries[path];
    return entry && entry[0] === stat.size && entry[1] === stat.mtimeMs
      ? prePassOfStored(entry)
      : undefined;
  }

  set(path: string, stat: { size: number; mtimeMs: number }, prePass: PrePass): void {
    this.entries[path] = [
      stat.size,
      stat.mtimeMs,
      prePass.inert ? 1 : 0,
      prePass.facts ?? 0,
      prePass.outline ?? 0,
    ];
    this.changed = true;
  }

  /** Written atomically; a cache that cannot be written (read-only checkout) is simply not kept. */
  save(kept: ReadonlySet<string>): void {
    const present = Object.keys(this.entries).filter((p) => kept.has(p));
    if (!this.changed && present.length === Object.keys(this.entries).length) return;
    try {
      const dir = dirname(this.file);
      mkdirSync(dir, { recursive: true });
      const ignore = join(dir, ".gitignore");
      if (!existsSync(ignore))
        writeFileSync(ignore, "# Created by asyncshift: safe to delete.\n*\n");
      const entries = Object.fromEntries(present.map((p) => [p, this.entries[p]]));
      const temp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(temp, JSON.stringify({ key: this.key, entries }));
      renameSync(temp, this.file);
    } catch {
      // not writable: the next run reads the files again
    }
  }
}
