import {
  closeSync,
  lstatSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { cacheFolder } from "../project/cache-folder.js";

/*
 * One writing run at a time per project (issue 22, item 4): two runs started a second apart on
 * one project both planned a twin for the same file, and the file got it twice. The lock is a
 * file created exclusively in the cache folder, holding the owner's process id and host. A lock
 * whose process is gone (killed) is taken over at once. proper-lockfile, the usual package, judges
 * staleness by a modification time the owner refreshes on a timer: a run whose main thread is busy
 * for longer than that (a large pre-pass) would lose its lock to a second run, and every run
 * after a kill would wait out the stale period; a process id answers both at once.
 */

/** Another run holds the lock and did not let go in time: a usage error (exit 2). */
export class LockError extends Error {
  override name = "LockError";
}

interface Holder {
  pid: number;
  host: string;
  started: number;
  /** What the holder is doing, said to a run that waits for it: `running --verify`. */
  doing?: string;
}

export interface LockOptions {
  /** Called once, when the lock is found held: the run waits. */
  onWait?: (message: string) => void;
  /** How long to wait for the other run, in milliseconds. */
  timeoutMs?: number;
  /** What this run will do while it holds the lock, said to a run that waits for it. */
  doing?: string;
}

/** Releases the lock (once; later calls do nothing). */
export type Release = () => void;

/**
 * Takes the project's lock, waiting while another live run holds it. Resolves to its release, or
 * to undefined when the project has no usable cache folder (nothing to lock in: the run goes on).
 */
export async function lockProject(
  root: string,
  options: LockOptions = {},
): Promise<Release | undefined> {
  const dir = cacheFolder(root, true);
  if (!dir) return undefined;
  const file = join(dir, "lock");
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    started: Date.now(),
    ...(options.doing ? { doing: options.doing } : {}),
  };
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  let told = false;
  for (;;) {
    if (tryCreate(file, me)) return releaseOf(file, me);
    // Only this tool makes the lock, as a plain file: anything else there (a link planted in the
    // repository) is removed, never read or written through.
    if (!isPlainFile(file)) {
      removeQuietly(file);
      continue;
    }
    const holder = holderOf(file);
    if (holder && isGone(holder)) {
      removeIfSame(file, holder);
      continue;
    }
    // Empty or unreadable for seconds: a run killed between creating and filling it.
    if (!holder && ageMs(file) > 5_000) {
      removeQuietly(file);
      continue;
    }
    const who = holder ? ` (pid ${holder.pid}${holder.doing ? `, ${holder.doing}` : ""})` : "";
    if (!told) {
      options.onWait?.(`waiting for another asyncshift run on this project${who} to finish...`);
      told = true;
    }
    if (Date.now() > deadline)
      throw new LockError(
        `another asyncshift run${who} is writing this project and did not finish in time; ` +
          `run again once it has (or remove ${file} if no such run exists)`,
      );
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function tryCreate(file: string, me: Holder): boolean {
  let fd: number;
  try {
    fd = openSync(file, "wx", 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  try {
    writeSync(fd, JSON.stringify(me));
  } finally {
    closeSync(fd);
  }
  return true;
}

function holderOf(file: string): Holder | undefined {
  try {
    const holder = JSON.parse(readFileSync(file, "utf8")) as Holder;
    if (typeof holder.pid !== "number" || typeof holder.host !== "string") return undefined;
    // Printed to a waiting run's terminal: plain words only (the file lies in the repository).
    const { doing, ...rest } = holder;
    return typeof doing === "string" && /^[\w .,:=`'-]{1,80}$/.test(doing)
      ? { ...rest, doing }
      : rest;
  } catch {
    return undefined; // being written this instant, or damaged: waited for, then judged by age
  }
}

/** The holder is a process of this host that no longer runs. */
function isGone(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** Removes the lock file if it is still the one `holder` wrote (not a new run's). */
function removeIfSame(file: string, holder: Holder): void {
  const again = holderOf(file);
  if (!again || again.pid !== holder.pid || again.started !== holder.started) return;
  try {
    unlinkSync(file);
  } catch {
    // another run took it over first
  }
}

function isPlainFile(file: string): boolean {
  try {
    return lstatSync(file).isFile();
  } catch {
    return true; // gone: the next try creates it
  }
}

function ageMs(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // gone already
  }
}

function releaseOf(file: string, me: Holder): Release {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off("exit", release);
    removeIfSame(file, me);
  };
  // A run that ends without releasing (an exception, process.exit) still lets go.
  process.on("exit", release);
  return release;
}
