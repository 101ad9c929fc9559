import { execFileSync } from "node:child_process";
import { existsSync, realpathSync, statSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult } from "../model/results.js";
import type { Notice } from "../model/types.js";

/** A git question that cannot be answered for the paths given: a usage error (exit 2). */
export class GitError extends Error {
  override name = "GitError";
}

/** Why git could not answer, in git's own words (its last line of standard error). */
class GitFailure extends Error {
  override name = "GitFailure";
}

function git(cwd: string, args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      maxBuffer: 256 * 1024 * 1024,
    });
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "git is not installed" : "";
    throw new GitFailure(reason || stderr.split("\n").at(-1) || (error as Error).message);
  }
}

/** The root of the git work tree holding `path`, or undefined when it is not in one. */
export function workTreeRoot(path: string): string | undefined {
  let dir = resolve(path);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  while (!existsSync(dir)) dir = dirname(dir);
  try {
    const inside = git(dir, ["rev-parse", "--is-inside-work-tree"]).trim();
    if (inside !== "true") return undefined;
    return realpathSync(git(dir, ["rev-parse", "--show-toplevel"]).trim());
  } catch {
    return undefined;
  }
}

/** NUL-separated paths printed by git, made absolute against the work tree root. */
function pathsFrom(root: string, output: string): string[] {
  return output
    .split("\0")
    .filter((p) => p.length > 0)
    .map((p) => resolve(root, p));
}

/** Files are compared by their real path: git prints real paths, the walk may not. */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return resolve(file);
  }
}

/** Groups files by the work tree that holds them (files outside any work tree are left out). */
function byWorkTree(files: string[]): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  const rootOfDir = new Map<string, string | undefined>();
  for (const file of files) {
    const dir = dirname(realPath(file));
    if (!rootOfDir.has(dir)) {
      const known = [...groups.keys()].find((root) => dir === root || dir.startsWith(root + sep));
      rootOfDir.set(dir, known ?? workTreeRoot(dir));
    }
    const root = rootOfDir.get(dir);
    if (root === undefined) continue;
    groups.set(root, [...(groups.get(root) ?? []), file]);
  }
  return groups;
}

/**
 * The files, among `files`, that have uncommitted changes: modified or staged against HEAD, or
 * untracked (ignored files are not). Files outside a git work tree are never dirty: no check.
 */
export function uncommittedFiles(files: string[]): Set<string> {
  const dirty = new Set<string>();
  for (const [root, group] of byWorkTree(files)) {
    let output: string;
    try {
      output = git(root, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", "."]);
    } catch (error) {
      throw new GitError(
        `cannot check for uncommitted changes in ${root}: ${(error as Error).message}; ` +
          `pass --allow-dirty to write anyway`,
      );
    }
    const changed = new Set<string>();
    const entries = output.split("\0");
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i];
      if (entry.length < 4) continue;
      changed.add(resolve(root, entry.slice(3)));
      // A rename or copy is followed by its source path: that one is not in the work tree any more.
      if (entry[0] === "R" || entry[0] === "C") i++;
    }
    for (const file of group) if (changed.has(realPath(file))) dirty.add(file);
  }
  return dirty;
}

/**
 * The files, among `files`, changed since `rev` (committed, staged or not) plus untracked ones,
 * in the order given. Every file must be in a git work tree.
 */
export function filesChangedSince(rev: string, files: string[], searchFrom: string): string[] {
  const roots = byWorkTree(files);
  if (roots.size === 0 && files.length > 0)
    throw new GitError(`--changed-since needs a git work tree; ${files[0]} is not in one`);
  if (files.length === 0 && !workTreeRoot(searchFrom))
    throw new GitError(`--changed-since needs a git work tree; ${searchFrom} is not in one`);
  const wanted = new Set<string>();
  for (const root of roots.keys()) {
    try {
      git(root, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
    } catch {
      throw new GitError(`--changed-since: "${rev}" is not a revision of the repository ${root}`);
    }
    const changed = git(root, [
      "diff",
      "--name-only",
      "-z",
      "--no-renames",
      "--diff-filter=d",
      rev,
      "--",
    ]);
    const untracked = git(root, ["ls-files", "--others", "--exclude-standard", "-z"]);
    for (const file of [...pathsFrom(root, changed), ...pathsFrom(root, untracked)])
      wanted.add(file);
  }
  return files.filter((file) => wanted.has(realPath(file)));
}

/**
 * In write mode, files with uncommitted changes were processed without writing: each one that
 * would have changed gets an AS906 error naming it, and one notice lists them all.
 */
export function refuseDirtyWrites(
  results: FileResult[],
  dirtyPaths: Set<string>,
  notices: Notice[],
): FileResult[] {
  if (dirtyPaths.size === 0) return results;
  const refused: string[] = [];
  const out = results.map((result): FileResult => {
    if (result.status !== "changed" || !dirtyPaths.has(result.path)) return result;
    refused.push(result.path);
    const diagnostic = runnerDiagnostic(
      "AS906",
      "error",
      "not written: the file has uncommitted changes; commit or stash them first (or pass --allow-dirty)",
    );
    return { ...result, diagnostics: [...result.diagnostics, diagnostic] };
  });
  if (refused.length > 0)
    notices.push({
      message:
        `${refused.length} file${refused.length === 1 ? "" : "s"} with uncommitted changes ` +
        `not written: ${refused.join(", ")}. Commit or stash them and run again, or pass ` +
        `--allow-dirty to write over them.`,
    });
  return out;
}
