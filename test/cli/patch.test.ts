import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { applies, PATCH_SHARDS } from "../helpers/patch-corpus.js";
import { asyncshift, removeTempProjects, ROOT, tempProject } from "../helpers/project.js";
import { shardFiles } from "../helpers/shards.js";
import { patchRoot } from "../../src/report/text.js";

beforeAll(() => {
  execFileSync("test", ["-f", join(ROOT, "dist/src/cli/main.js")]);
});
afterEach(removeTempProjects);

describe("the dry run's output is a patch", () => {
  // The whole corpus (every snapshot and the example project): test/cli/patch-corpus-<i>.test.ts.
  it("every shard of the whole-corpus test has its file", () => {
    const files = readdirSync(join(ROOT, "test/cli")).filter((f) => f.startsWith("patch-corpus-"));
    expect(files.sort()).toEqual(shardFiles("patch-corpus-", PATCH_SHARDS).sort());
  });

  it("keeps a last hunk that ends in blank lines whole", () => {
    const source = "import asyncio\n\n\ndef f():\n    asyncio.run(g())\n\n\nx = 1\n";
    const dir = tempProject({ "a.py": source });
    const { stdout } = asyncshift(dir, ["--django", "a.py"]);
    expect(stdout).toContain("-    asyncio.run(g())\n");
    expect(stdout).toMatch(/\+ {4}async_to_sync\(g\)\(\)\n \n \n x = 1\n/);
    expect(applies("patch", dir, stdout, true).status).toBe(0);
  });

  it("files above the working folder: paths relative to a common folder, said in a comment", () => {
    const dir = tempProject({
      "proj/app/a.py": "import asyncio\n\ndef f():\n    asyncio.run(g())\n",
    });
    mkdirSync(join(dir, "proj/sub"));
    const { stdout } = asyncshift(join(dir, "proj/sub"), ["--django", "../app/a.py"]);
    expect(stdout.split("\n").slice(0, 3)).toEqual([
      `# paths below are relative to ${join(dir, "proj")}: apply this patch there`,
      "--- a/app/a.py",
      "+++ b/app/a.py",
    ]);
    expect(applies("patch", join(dir, "proj"), stdout, false).status).toBe(0);
    expect(readFileSync(join(dir, "proj/app/a.py"), "utf8")).toContain("async_to_sync(g)()");
  });

  it("the patch root is the working folder when every file is under it", () => {
    expect(patchRoot("/w/p", ["a.py", "sub/b.py"])).toBe("/w/p");
    expect(patchRoot("/w/p/sub", ["x.py", "/w/p/app/a.py"])).toBe("/w/p");
    expect(patchRoot("/w/p", ["/tmp/a.py"])).toBe("/");
  });
});
