import { randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { cacheFolder, contentHash, writeCacheFile } from "../project/cache-folder.js";
import { writeAtomically } from "./file-job.js";

/*
 * The write journal (issue 22, item 1): before the files of a write group are replaced, the
 * group is recorded in the project's cache folder — each file's root-relative path, the hashes
 * of its old and new content, and a copy of its old bytes — so that a run stopped in the middle
 * (killed, power cut) leaves the next run what it needs to put the group back as it was. The
 * next run rolls such a group back before it does anything else (under the project lock), then
 * makes its own plan from clean files: "run again to finish" holds. `--verify` (issue 26) keeps
 * a group's entry while the project's tests run, and restores the group if they fail.
 *
 * The journal also remembers, in `own-writes.jsonl`, the content each file was given by the tool:
 * a file of a git work tree that still holds exactly that is not "uncommitted changes" for the
 * next run to refuse, so a run stopped between groups can be finished.
 */

/** A file of a write group: where, the hash of the content the plan was made from, the new text. */
export interface GroupFile {
  file: string;
  expected: string;
  after: string;
}

interface EntryFile {
  /** Root-relative, forward slashes. */
  path: string;
  before: string;
  after: string;
  /** The name, in the journal folder, of the copy of the old bytes. */
  backup: string;
}

interface Entry {
  version: 1;
  files: EntryFile[];
}

/** What putting a group back did, per root-relative path. */
export interface Restored {
  /** Put back to their old content. */
  restored: string[];
  /** Holding neither the old nor the new content (edited since): left as they are. */
  left: string[];
}

const OWN_WRITES = "own-writes.jsonl";

export class WriteJournal {
  private constructor(
    private readonly root: string,
    private readonly cache: string,
    private readonly dir: string,
  ) {}

  /**
   * The journal of the project at `root`; undefined when its cache folder cannot be used (a
   * symbolic link, a read-only checkout) or, unless `create`, has no journal yet.
   */
  static open(root: string, create: boolean): WriteJournal | undefined {
    const cache = cacheFolder(root, create);
    if (!cache) return undefined;
    const dir = join(cache, "journal");
    if (create)
      try {
        mkdirSync(dir);
      } catch {
        // there already
      }
    try {
      const stat = lstatSync(dir);
      if (!stat.isDirectory()) return undefined;
    } catch {
      return undefined;
    }
    return new WriteJournal(root, cache, dir);
  }

  /** The groups an interrupted run left, by id, with their root-relative paths. */
  pending(): { id: string; paths: string[] }[] {
    return this.entryIds().flatMap((id) => {
      const entry = this.entry(id);
      return entry ? [{ id, paths: entry.files.map((f) => f.path) }] : [];
    });
  }

  /**
   * Records a group about to be written: a copy of each file's old bytes, then the entry (the
   * entry is what makes the group count as unfinished), then the new content as the tool's own.
   * Returns the group's id.
   */
  begin(files: { file: string; before: Buffer; after: string }[]): string {
    const id = `${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
    const entry: Entry = { version: 1, files: [] };
    files.forEach(({ file, before, after }, i) => {
      const backup = `${id}.${i}.old`;
      writeCacheFile(this.dir, backup, before);
      entry.files.push({
        path: relative(this.root, file).split(sep).join("/"),
        before: contentHash(before),
        after: contentHash(after),
        backup,
      });
    });
    writeCacheFile(this.dir, `${id}.json`, JSON.stringify(entry));
    this.recordOwnWrites(entry.files);
    return id;
  }

  /** The group is done (written, or put back): its entry goes, then its copies. */
  end(id: string): void {
    const entry = this.entry(id);
    removeQuietly(join(this.dir, `${id}.json`));
    for (const f of entry?.files ?? []) removeQuietly(join(this.dir, f.backup));
  }

  /**
   * Puts the group back: each file holding the group's new content gets its old bytes again;
   * one holding something else (edited since) is left alone and named. The entry then goes.
   */
  restore(id: string): Restored {
    const entry = this.entry(id);
    const outcome: Restored = { restored: [], left: [] };
    for (const f of entry?.files ?? []) {
      const file = this.fileOf(f.path);
      if (!file) continue;
      removeTempFilesOf(file);
      let current: Buffer;
      try {
        current = readFileSync(file);
      } catch {
        outcome.left.push(f.path);
        continue;
      }
      const hash = contentHash(current);
      if (hash === f.before) continue;
      if (hash !== f.after) {
        outcome.left.push(f.path);
        continue;
      }
      try {
        const old = readFileSync(join(this.dir, f.backup));
        if (contentHash(old) !== f.before) throw new Error("the journal's copy is damaged");
        writeAtomically(file, current, old);
        outcome.restored.push(f.path);
      } catch {
        outcome.left.push(f.path);
      }
    }
    this.end(id);
    return outcome;
  }

  /** Every group an interrupted run left, put back; and what is left of cut-short writes. */
  recover(): ({ paths: string[] } & Restored)[] {
    const outcomes = this.pending().map(({ id, paths }) => ({ paths, ...this.restore(id) }));
    // Copies whose entry was never written (a run stopped while making them), temporary files.
    const live = new Set(this.entryIds());
    for (const name of safeList(this.dir))
      if (name.endsWith(".tmp") || (name.endsWith(".old") && !live.has(name.split(".")[0])))
        removeQuietly(join(this.dir, name));
    for (const name of safeList(this.cache))
      if (name.endsWith(".tmp")) removeQuietly(join(this.cache, name));
    return outcomes;
  }

  /**
   * Of `files` (absolute), those that still hold exactly the content this tool last gave them:
   * their uncommitted changes are the tool's own.
   */
  ownWrites(files: Iterable<string>): Set<string> {
    const given = this.readOwnWrites();
    const own = new Set<string>();
    for (const file of files) {
      const hash = given.get(relative(this.root, file).split(sep).join("/"));
      if (!hash) continue;
      try {
        if (contentHash(readFileSync(file)) === hash) own.add(file);
      } catch {
        // gone: nothing to refuse either
      }
    }
    return own;
  }

  /** Appends to the record of the tool's own writes (never through a link). */
  private recordOwnWrites(files: EntryFile[]): void {
    const text = files.map((f) => JSON.stringify([f.after, f.path]) + "\n").join("");
    const flags =
      constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NOFOLLOW;
    const fd = openSync(join(this.cache, OWN_WRITES), flags, 0o644);
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
  }

  /**
   * The last content given to each path. Kept short: rewritten once it holds many lines, with
   * only the paths whose files still hold what the tool gave them.
   */
  private readOwnWrites(): Map<string, string> {
    const given = new Map<string, string>();
    let text = "";
    try {
      if (lstatSync(join(this.cache, OWN_WRITES)).isFile())
        text = readFileSync(join(this.cache, OWN_WRITES), "utf8");
    } catch {
      return given;
    }
    for (const line of text.split("\n")) {
      try {
        const [hash, path] = JSON.parse(line) as unknown[];
        if (typeof hash === "string" && typeof path === "string") given.set(path, hash);
      } catch {
        // a line cut short by a kill: skipped
      }
    }
    return given;
  }

  /** Drops from the record the files that no longer hold what the tool gave them. */
  compactOwnWrites(): void {
    const given = this.readOwnWrites();
    const kept = [...given].filter(([path, hash]) => {
      const file = this.fileOf(path);
      try {
        return file !== undefined && contentHash(readFileSync(file)) === hash;
      } catch {
        return false;
      }
    });
    if (kept.length === given.size) return;
    try {
      writeCacheFile(
        this.cache,
        OWN_WRITES,
        kept.map(([path, hash]) => JSON.stringify([hash, path]) + "\n").join(""),
      );
    } catch {
      // kept as it is: it is only read
    }
  }

  /** A journal path as a file inside the root; undefined for anything pointing elsewhere. */
  private fileOf(path: string): string | undefined {
    if (isAbsolute(path) || path.split("/").includes("..")) return undefined;
    const file = resolve(this.root, path);
    return file.startsWith(this.root + sep) ? file : undefined;
  }

  private entryIds(): string[] {
    return safeList(this.dir)
      .filter((name) => name.endsWith(".json") && !name.startsWith("."))
      .map((name) => name.slice(0, -".json".length))
      .sort();
  }

  private entry(id: string): Entry | undefined {
    try {
      const entry = JSON.parse(readFileSync(join(this.dir, `${id}.json`), "utf8")) as Entry;
      const sound =
        entry.version === 1 &&
        Array.isArray(entry.files) &&
        entry.files.every(
          (f) =>
            typeof f.path === "string" &&
            typeof f.before === "string" &&
            typeof f.after === "string" &&
            typeof f.backup === "string" &&
            !f.backup.includes("/"),
        );
      return sound ? entry : undefined;
    } catch {
      return undefined;
    }
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // gone already
  }
}

/** Temporary files an atomic write of `file` cut short left beside it (see writeAtomically). */
function removeTempFilesOf(file: string): void {
  const prefix = `.${basename(file)}.asyncshift-`;
  for (const name of safeList(dirname(file)))
    if (name.startsWith(prefix) && name.endsWith(".tmp")) removeQuietly(join(dirname(file), name));
}
