import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Outline, OutlineCall, OutlineFunction } from "../python/outline.js";
import type { PrePass } from "./file-job.js";

/**
 * Version of the cache's layout and of what the pre-pass records: a change starts it afresh.
 * 2: entries as tuples and outlines as flat arrays (a third of the size of version 1, whose
 * parse and rewrite were most of a warm one-file run in a 5,000-file project). 3: a call's flags
 * hold whether it is handed `request.user`. 4: class facts hold manager methods, reverse
 * related_names and the bases known outside the ORM.
 */
const CACHE_VERSION = 4;
export const CACHE_DIR = ".asyncshift_cache";

/** `[name, className or 0, parent or -1, async 1/0, decorators, line, indent]`. */
type StoredFunction = [string, string | 0, number, 0 | 1, string[], number, number];

/**
 * An outline on disk: functions as tuples, calls flattened four values each
 * (`callee, line, flags (1 awaited, 2 handed request.user), within or -1`): property names repeated on every one of a
 * project's hundred thousand calls were two thirds of the file.
 */
interface StoredOutline {
  f: StoredFunction[];
  c: (string | number)[];
  p?: Outline["patches"];
}

/** `[size, mtimeMs, inert 1/0, facts, outline]`. */
type StoredEntry = [number, number, 0 | 1, PrePass["facts"] | 0, StoredOutline | 0];

function storedOutline(outline: Outline): StoredOutline {
  const c: (string | number)[] = [];
  for (const call of outline.calls)
    c.push(
      call.callee,
      call.line,
      (call.awaited ? 1 : 0) | (call.passesUser ? 2 : 0),
      call.within ?? -1,
    );
  return {
    f: outline.functions.map((f) => [
      f.name,
      f.className ?? 0,
      f.parent ?? -1,
      f.async ? 1 : 0,
      f.decorators,
      f.line,
      f.indent,
    ]),
    c,
    ...(outline.patches ? { p: outline.patches } : {}),
  };
}

function outlineOfStored(stored: StoredOutline): Outline {
  const functions = stored.f.map(
    ([name, className, parent, isAsync, decorators, line, indent]): OutlineFunction => ({
      name,
      ...(className !== 0 ? { className } : {}),
      ...(parent >= 0 ? { parent } : {}),
      async: isAsync === 1,
      decorators,
      line,
      indent,
    }),
  );
  const calls: OutlineCall[] = [];
  const c = stored.c;
  for (let k = 0; k + 3 < c.length; k += 4) {
    const within = c[k + 3] as number;
    const flags = c[k + 2] as number;
    calls.push({
      callee: c[k] as string,
      line: c[k + 1] as number,
      awaited: (flags & 1) === 1,
      ...(flags & 2 ? { passesUser: true as const } : {}),
      ...(within >= 0 ? { within } : {}),
    });
  }
  return { functions, calls, ...(stored.p ? { patches: stored.p } : {}) };
}

function prePassOfStored(entry: StoredEntry): PrePass {
  const [, , inert, facts, outline] = entry;
  return {
    ...(facts !== 0 ? { facts } : {}),
    inert: inert === 1,
    ...(outline !== 0 ? { outline: outlineOfStored(outline) } : {}),
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
      prePass.outline ? storedOutline(prePass.outline) : 0,
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
