import { createHash, randomBytes } from "node:crypto";
import { workCounts } from "../syntax/work-counts.js";
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
  type Stats,
} from "node:fs";
import { join } from "node:path";

/*
 * The project's cache folder, `.asyncshift_cache/` under its root (like ruff's cache: safe to
 * delete, ignored by git through its own `.gitignore`). It holds the index cache, the write
 * journal and the run lock. The scanned repository is not trusted (issue 22, item 7): the folder
 * is used only when it is a real folder inside the root, never through a symbolic link, and
 * every file is written through an exclusively created temporary file with an unpredictable
 * name, so a link planted in the repository can never make a cache write land elsewhere.
 */

export const CACHE_DIR = ".asyncshift_cache";

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * The cache folder of the project at `root` (made when `create` and missing), or undefined when
 * there is none or it must not be used: a symbolic link, not a folder, or not inside the root.
 */
export function cacheFolder(root: string, create: boolean): string | undefined {
  const dir = join(root, CACHE_DIR);
  let stat = lstatOrUndefined(dir);
  if (!stat && create) {
    try {
      mkdirSync(dir);
    } catch (error) {
      // Another run made it between the look and the mkdir (two runs started together): use it,
      // or that run's lock would go unseen and both would write. Else a read-only checkout.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") return undefined;
    }
    stat = lstatOrUndefined(dir);
  }
  if (!stat || stat.isSymbolicLink() || !stat.isDirectory()) return undefined;
  try {
    // The root itself may be spelled through links (a symlinked home): the folder must still be
    // the root's own child.
    if (realpathSync(dir) !== join(realpathSync(root), CACHE_DIR)) return undefined;
  } catch {
    return undefined;
  }
  if (create) ensureIgnored(dir);
  return dir;
}

/** The folder's `.gitignore`, created exclusively: an existing one (or a link) is left alone. */
function ensureIgnored(dir: string): void {
  try {
    const fd = openSync(join(dir, ".gitignore"), "wx", 0o644);
    try {
      writeSync(fd, "# Created by asyncshift: safe to delete.\n*\n");
    } finally {
      closeSync(fd);
    }
  } catch {
    // there already, or not writable
  }
}

/**
 * Writes `data` to `dir/name` atomically: an exclusively created temporary file with a random
 * name (O_EXCL does not follow a link), then a rename, which replaces a link at `name` instead of
 * writing through it. Throws when it cannot.
 */
export function writeCacheFile(dir: string, name: string, data: string | Buffer): void {
  const temp = join(dir, `.${name}.${randomBytes(8).toString("hex")}.tmp`);
  const fd = openSync(temp, "wx", 0o644);
  try {
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, join(dir, name));
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

/** The SHA-256 of a file's bytes, hex: what the index cache, the plans and the journal compare. */
export function contentHash(bytes: Buffer | string): string {
  workCounts.hashes++;
  workCounts.hashedBytes += bytes.length;
  return createHash("sha256").update(bytes).digest("hex");
}
