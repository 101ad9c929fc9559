import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { cacheFolder, CACHE_DIR, writeCacheFile } from "./cache-folder.js";
import type { PackedOutline } from "../python/packed-outline.js";
import type { PrePass } from "./pre-pass.js";
import type { ProjectFacts } from "../model/types.js";
import { NamedCalls, writeNamedCalls } from "./named-calls.js";

/**
 * Version of the cache's layout and of what the pre-pass records: a change starts it afresh.
 * 2: entries as tuples and outlines as flat arrays (a third of the size of version 1, whose
 * parse and rewrite were most of a warm one-file run in a 5,000-file project). 3: a call's flags
 * hold whether it is handed `request.user`. 4: the calls in a file of their own, read only when
 * the run asks for the project's calls (two thirds of the bytes, which a one-file run rarely needs).
 * 5: class facts hold manager methods, reverse related_names and the bases known outside the ORM.
 * 6: file facts say whether the file sets DJANGO_ALLOW_ASYNC_UNSAFE. 7: entries keyed by the
 * file's content (size and SHA-256), not its modification time. 8: every file has an outline,
 * and the calls file holds each outline's references that are not calls (issue 22, item 3).
 * 9: class facts hold a manager's or QuerySet's chain methods and the QuerySet class of a manager
 * attribute; fields spelled `django.db.models.X` count (a class facts change serves stale
 * answers unless the version moves).
 * 10: each entry keeps the file's stamp (see ContentKey.stamp), so a warm run hashes only the
 * files whose stamp moved.
 * 11: outlines hold what the file's imports bind, whether it names typing's awaitables, its
 * module-level defs' return annotations, its classes' annotated names and its module-level
 * name-like assignments.
 * 12: each entry keeps which surveys' start words the file holds (-1: not known).
 * 13: file facts' annotated returns name plain classes too (`-> _dt.datetime`, `-> str`).
 * 14: a third file holds the calls grouped by the callee's last name (named-calls.ts), written
 * with the calls file; a fourth, the project facts the files give (see `derivedFacts`).
 * 15: file facts name the decorators that replace `request.user` before calling the view.
 * 16: annotated returns name builtin containers with their items' types (`-> list[Server]` as
 * `list[]`, `-> set[str]` as `set[scalars]`).
 * 17: class facts read subscripted bases (`models.Manager["RunEnvelope"]`).
 * 18: a manager class's facts name the QuerySet class its `get_queryset` makes.
 * 19: a chain method may read a part of a clock (`created_at__date=timezone.now().date()`).
 * 20: class facts name each ManyToManyField's target (`manyToManyTargets`).
 * 21: type aliases of a union of several classes are kept (`Texts = Union[Ru, En]` as `Ru|En`).
 * 22: a `Union[...]` alias written over several lines is read.
 */
const CACHE_VERSION = 22;
export { CACHE_DIR };

/**
 * The fewest outlined files for which the calls are also kept by name (named-calls.ts): below it
 * the calls file is read whole in a few milliseconds, and a cold run (the bench's) would pay for
 * writing a second copy of every call for nothing. A test lowers it.
 */
export const namedCallsFloor = { files: 2000 };

/** What identifies a file's content: its size and the SHA-256 of its bytes (hex). */
export interface ContentKey {
  size: number;
  hash: string;
  /**
   * The file's modification and change times (nanoseconds), inode and device when it was read,
   * or "" when they cannot be trusted (see project-index.ts's `stampOf`). Any write to the file
   * moves its change time, which no program can set back, and a replaced file has a new inode: an
   * entry whose size and stamp are the file's still is that file's content, and its hash is not
   * computed again.
   */
  stamp?: string;
}

/** An outline as the entries keep it: without its calls (see CallsFile). */
type StoredOutline = Omit<PackedOutline, "c">;

/** `[size, sha256, inert 1/0, facts, outline, stamp, survey start words (-1: not known)]`. */
type StoredEntry = [number, string, 0 | 1, PrePass["facts"] | 0, StoredOutline | 0, string, number];

interface EntriesFile {
  key: string;
  /** The `token` of the calls file written with these entries. */
  calls: string;
  entries: Record<string, StoredEntry>;
}

/**
 * Each outline's calls (`PackedOutline.c`) and references (`PackedOutline.r`, only where there
 * are some) by path, written with the entries that share `token`.
 */
interface CallsFile {
  token: string;
  calls: Record<string, (string | number)[]>;
  references: Record<string, (string | number)[]>;
}

/**
 * The pre-pass of every file, kept on disk under the project root (`.asyncshift_cache/`, like
 * ruff's cache: safe to delete, ignored by git through its own `.gitignore`), keyed by
 * root-relative path and content (size and hash: a modification time can be the same for two
 * contents, as Nix and some CI caches normalise them), so one staged file in a large project is
 * the only one parsed again. `key` holds what else the entries depend on (the tool's version,
 * the trigger words). Rewritten only when an entry was added, changed or dropped. An outline
 * comes back without its calls (`PackedOutline.c`): `callsOf` reads them, from a second file
 * read only then.
 */
export class IndexCache {
  private entries: Record<string, StoredEntry> = {};
  private token = "";
  /** Calls by path: set in this run, or read from the calls file. */
  private calls: Record<string, (string | number)[]> = {};
  /** References by path: set in this run (empty when none), or read from the calls file. */
  private references: Record<string, (string | number)[]> = {};
  private callsRead = false;
  /** The calls file read matched the entries: a path it has no references for has none. */
  private callsFileValid = false;
  private changed = false;
  /** Set by `save`: this run found every entry as stored and wrote nothing. */
  private untouched = false;
  /** Set by `save`: the entries on disk are this run's (untouched, or written with `token`). */
  private current = false;
  private named?: NamedCalls | null;
  private readonly file: string;
  private readonly callsFile: string;
  private readonly namedFile: string;
  private readonly factsFile: string;

  constructor(
    private readonly root: string,
    private readonly key: string,
  ) {
    this.file = `index-v${CACHE_VERSION}.json`;
    this.callsFile = `calls-v${CACHE_VERSION}.json`;
    this.namedFile = `named-calls-v${CACHE_VERSION}.txt`;
    this.factsFile = `facts-v${CACHE_VERSION}.json`;
    const dir = cacheFolder(root, false);
    try {
      const stored = dir
        ? (JSON.parse(readFileSync(join(dir, this.file), "utf8")) as unknown)
        : undefined;
      // A file of another shape (edited, truncated, another tool's) is ignored and rebuilt.
      if (isEntriesFile(stored) && stored.key === key) {
        this.entries = stored.entries;
        this.token = stored.calls;
      }
    } catch {
      // no cache yet, or unreadable: start afresh
    }
  }

  /**
   * The stored hash of a root-relative path whose size and stamp are still those stored (a stamp
   * "" is never trusted): its content has not changed since it was hashed.
   */
  trustedHash(path: string, size: number, stamp: string): string | undefined {
    const entry = this.entries[path];
    return entry && stamp !== "" && entry[5] === stamp && entry[0] === size ? entry[1] : undefined;
  }

  /**
   * The stored pre-pass of a root-relative path, when its size and hash still match. Its outline
   * has no calls: ask `callsOf`. An entry hashed again records the file's new stamp.
   */
  get(path: string, key: ContentKey): PrePass | undefined {
    const entry = this.entries[path];
    if (!entry || entry[0] !== key.size || entry[1] !== key.hash) return undefined;
    if (key.stamp !== undefined && entry[5] !== key.stamp) {
      entry[5] = key.stamp;
      this.changed = true;
    }
    const [, , inert, facts, outline, , starts] = entry;
    // Assigned, not spread: once per file of the project on every warm run.
    const prePass: PrePass = { inert: inert === 1 };
    if (facts !== 0) prePass.facts = facts;
    if (outline !== 0) prePass.outline = outline;
    if (starts >= 0) prePass.starts = starts;
    return prePass;
  }

  /**
   * The calls of a stored outline, or undefined when the calls file is missing or was not written
   * with these entries (removed by hand, or a write cut short): read that file again then.
   */
  callsOf(path: string): (string | number)[] | undefined {
    if (!this.callsRead) {
      this.callsRead = true;
      try {
        const dir = cacheFolder(this.root, false);
        const stored = dir
          ? (JSON.parse(readFileSync(join(dir, this.callsFile), "utf8")) as unknown)
          : undefined;
        if (isCallsFile(stored) && stored.token === this.token && this.token !== "") {
          this.calls = { ...stored.calls, ...this.calls };
          this.references = { ...stored.references, ...this.references };
          this.callsFileValid = true;
        }
      } catch {
        // none: the caller reads the files again
      }
    }
    return this.calls[path];
  }

  /** The references of a stored outline (see callsOf), or undefined when they cannot be known. */
  referencesOf(path: string): (string | number)[] | undefined {
    if (this.callsOf(path) === undefined) return undefined;
    return this.references[path] ?? (this.callsFileValid ? [] : undefined);
  }

  /**
   * The calls grouped by name (see named-calls.ts) when this run found the cache as it left it
   * (`save` wrote nothing: every file of the run has its stored entry, and no other is stored),
   * so they are the calls of this run's outlines; else undefined. The file is read when a name is
   * first asked, and used only if it was written with these entries.
   */
  namedCalls(): NamedCalls | undefined {
    if (!this.untouched) return undefined;
    if (this.named === undefined) {
      const dir = cacheFolder(this.root, false);
      this.named = dir ? new NamedCalls(dir, this.namedFile, this.token) : null;
    }
    return this.named ?? undefined;
  }

  /**
   * The project facts the files gave (`projectFacts(NO_DEPENDENCIES, ...)`) as kept by
   * `keepDerivedFacts` with the same `key` (what else they depend on: the working folder, the
   * files named first) and these entries, when this run found the cache untouched; else
   * undefined. Read after `save`.
   */
  derivedFacts(key: string): ProjectFacts | undefined {
    if (!this.untouched || this.token === "") return undefined;
    try {
      const dir = cacheFolder(this.root, false);
      const stored = dir
        ? (JSON.parse(readFileSync(join(dir, this.factsFile), "utf8")) as unknown)
        : undefined;
      return isPlainObject(stored) &&
        stored.token === this.token &&
        stored.key === key &&
        isPlainObject(stored.facts) &&
        isPlainObject(stored.facts.models)
        ? (stored.facts as unknown as ProjectFacts)
        : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps the files' project facts for the entries on disk (after `save`), when they are this run's. */
  keepDerivedFacts(key: string, facts: ProjectFacts): void {
    if (!this.current || this.token === "") return;
    try {
      const dir = cacheFolder(this.root, true);
      if (dir)
        writeCacheFile(dir, this.factsFile, JSON.stringify({ token: this.token, key, facts }));
    } catch {
      // not writable: made again on the next run
    }
  }

  set(path: string, key: ContentKey, prePass: PrePass): void {
    const outline = prePass.outline;
    this.entries[path] = [
      key.size,
      key.hash,
      prePass.inert ? 1 : 0,
      prePass.facts ?? 0,
      outline
        ? {
            f: outline.f,
            ...(outline.p ? { p: outline.p } : {}),
            ...(outline.i ? { i: outline.i } : {}),
            ...(outline.a ? { a: outline.a } : {}),
            ...(outline.t ? { t: outline.t } : {}),
            ...(outline.m ? { m: outline.m } : {}),
            ...(outline.v ? { v: outline.v } : {}),
          }
        : 0,
      key.stamp ?? "",
      prePass.starts ?? -1,
    ];
    // An outline the cache gave back has no calls here: they stay in the calls file.
    if (outline?.c) {
      this.calls[path] = outline.c;
      this.references[path] = outline.r ?? [];
    }
    this.changed = true;
  }

  /**
   * Both files written atomically, the calls first; a cache that cannot be written (read-only
   * checkout) is simply not kept. An entry whose calls cannot be found is left out.
   */
  save(kept: ReadonlySet<string>): void {
    const present = Object.keys(this.entries).filter((p) => kept.has(p));
    this.untouched = !this.changed && present.length === Object.keys(this.entries).length;
    this.current = this.untouched;
    if (this.untouched) return;
    const complete = present.filter((p) => this.entries[p][4] === 0 || this.callsOf(p));
    try {
      const dir = cacheFolder(this.root, true);
      if (!dir) return; // a symbolic link or not a folder: never written through
      const token = randomBytes(8).toString("hex");
      const outlined = complete.filter((p) => this.entries[p][4] !== 0);
      const calls = Object.fromEntries(outlined.map((p) => [p, this.calls[p]]));
      const references = Object.fromEntries(
        outlined.flatMap((p) => (this.references[p]?.length ? [[p, this.references[p]]] : [])),
      );
      writeCacheFile(
        dir,
        this.callsFile,
        JSON.stringify({ token, calls, references } satisfies CallsFile),
      );
      if (outlined.length >= namedCallsFloor.files)
        writeNamedCalls(
          dir,
          this.namedFile,
          token,
          outlined.map((p) => ({
            shown: sep === "/" ? p : p.split(sep).join("/"),
            functions: (this.entries[p][4] as StoredOutline).f,
            calls: this.calls[p],
          })),
        );
      const entries = Object.fromEntries(complete.map((p) => [p, this.entries[p]]));
      writeCacheFile(dir, this.file, JSON.stringify({ key: this.key, calls: token, entries }));
      this.token = token;
      this.current = true;
    } catch {
      // not writable: the next run reads the files again
    }
  }
}

/** A stored entry as this version writes it (see StoredEntry); anything else is not used. */
function isStoredEntry(entry: unknown): entry is StoredEntry {
  if (!Array.isArray(entry) || entry.length !== 7) return false;
  const [size, hash, inert, facts, outline, stamp, starts] = entry as unknown[];
  return (
    typeof size === "number" &&
    typeof starts === "number" &&
    typeof hash === "string" &&
    typeof stamp === "string" &&
    (inert === 0 || inert === 1) &&
    (facts === 0 ||
      (isPlainObject(facts) &&
        isPlainObject(facts.models) &&
        typeof facts.importsDjango === "boolean")) &&
    (outline === 0 ||
      (isPlainObject(outline) && Array.isArray(outline.f) && outline.f.every(Array.isArray)))
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isEntriesFile(value: unknown): value is EntriesFile {
  return (
    isPlainObject(value) &&
    typeof value.key === "string" &&
    typeof value.calls === "string" &&
    isPlainObject(value.entries) &&
    Object.values(value.entries).every(isStoredEntry)
  );
}

function isCallsFile(value: unknown): value is CallsFile {
  return (
    isPlainObject(value) &&
    typeof value.token === "string" &&
    isPlainObject(value.calls) &&
    Object.values(value.calls).every(Array.isArray) &&
    isPlainObject(value.references) &&
    Object.values(value.references).every(Array.isArray)
  );
}
