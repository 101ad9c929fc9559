import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { asyncshift, git, removeTempProjects, ROOT, tempProject } from "./project.js";
import { caseOfEntry, shardOf } from "./shards.js";

/**
 * The dry run's patch over the whole corpus (every snapshot and the example project), spread over
 * the files test/cli/patch-corpus-<i>.test.ts by the snapshot cases' hash (see shards.ts): each
 * holds the cases of its shard, the first the examples too. Two runs of the command line over all
 * of it took 60-140 s of one test worker at load 10-20; shared, both workers take part.
 */
export const PATCH_SHARDS = 2;

/** Every file under `dir` but .git, with its bytes. */
function tree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      // git's own files and the project index's cache are not the code.
      if (entry.name === ".git" || entry.name === ".asyncshift_cache") continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path, "latin1"));
    }
  };
  walk(dir);
  return files;
}

/** A git repository holding the snapshot cases of `shard` (and the example project for shard 0). */
function corpus(shard: number): string {
  const dir = tempProject({});
  const snapshots = join(ROOT, "snapshots");
  for (const transform of readdirSync(snapshots)) {
    mkdirSync(join(dir, "snapshots", transform), { recursive: true });
    for (const entry of readdirSync(join(snapshots, transform)))
      if (shardOf(transform, caseOfEntry(entry), PATCH_SHARDS) === shard)
        cpSync(join(snapshots, transform, entry), join(dir, "snapshots", transform, entry), {
          recursive: true,
        });
  }
  if (shard === 0) cpSync(join(ROOT, "examples"), join(dir, "examples"), { recursive: true });
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "corpus");
  return dir;
}

export function applies(tool: "git" | "patch", cwd: string, patch: string, check: boolean) {
  const args =
    tool === "git"
      ? ["apply", ...(check ? ["--check"] : []), "-"]
      : ["-p1", "--batch", ...(check ? ["--dry-run"] : [])];
  return spawnSync(tool, args, { cwd, input: patch, encoding: "utf8" });
}

/** The whole-corpus patch test, on the corpus of one shard. */
export function patchCorpusShard(shard: number): void {
  beforeAll(() => {
    expect(readdirSync(join(ROOT, "dist/src/cli")), "dist/ is built").toContain("main.js");
  });
  afterEach(removeTempProjects);

  describe(`the dry run's output is a patch (snapshot shard ${shard} of ${PATCH_SHARDS})`, () => {
    it("git apply and patch -p1 accept it on every snapshot and example; the result equals --write", () => {
      const dir = corpus(shard);
      const dry = asyncshift(dir, ["--django", "."]);
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("--- a/snapshots/");
      // A file with CRLF line ends is in the patch (git apply keeps them).
      if (shardOf("asyncio-run", "crlf", PATCH_SHARDS) === shard)
        expect(dry.stdout).toContain("--- a/snapshots/asyncio-run/crlf.input.py");
      const gitCheck = applies("git", dir, dry.stdout, true);
      expect(gitCheck.stderr).toBe("");
      expect(gitCheck.status).toBe(0);
      const patchCheck = applies("patch", dir, dry.stdout, true);
      expect(patchCheck.status).toBe(0);

      const written = corpus(shard);
      // Error diagnostics remain (AS102 and others): --write exits 1, not 2.
      expect(asyncshift(written, ["--django", "--write", "."]).code).toBe(1);
      expect(applies("git", dir, dry.stdout, false).status).toBe(0);
      expect(tree(dir)).toEqual(tree(written));
      // Two runs over half the snapshot corpus, which grows with every case.
    }, 240_000);
  });
}
