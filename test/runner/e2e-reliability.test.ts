// Issue 7 through the built command line, as a user runs it: a missing path, an exception inside a
// transform (across worker threads), and never writing outside the given paths.
import { lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli, requireBuild, tempFolders } from "../helpers/cli.js";

const WORK =
  "import asyncio\n\n\nasync def fetch(n):\n    return n\n\n\ndef handler(n):\n    return asyncio.run(fetch(n))\n";

const asyncshift = runCli;

const temps = tempFolders("asyncshift-e2e-rel-");
const tempDir = temps.make;

beforeAll(requireBuild);
afterEach(temps.removeAll);

describe("command line reliability", () => {
  it("a path that does not exist: exit 2 and a message naming it", () => {
    const dir = tempDir();
    const result = asyncshift(dir, ["--write", "no/such/place.py"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/no\/such\/place\.py: no such file or folder/);
    expect(result.stdout).toBe("");
  });

  it("an exception in a transform: AS999 on that file, stack with --verbose, others written, exit 2", () => {
    const dir = tempDir();
    // Enough files for the worker threads to start (--jobs 2, threads whatever the size of the
    // work): the fault crosses threads.
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `ok${i}.py`), WORK);
    writeFileSync(join(dir, "bad.py"), WORK + "# INJECT-FAULT\n");
    const env = { ASYNCSHIFT_TEST_FAULT: "INJECT-FAULT", ASYNCSHIFT_TEST_THREADS: "1" };
    const quiet = asyncshift(dir, ["--write", "--django", "--jobs", "2", "--no-diff", "."], env);
    expect(quiet.code).toBe(2);
    expect(quiet.stdout).toMatch(
      /bad\.py:1:1: AS999 internal error in transform test-fault: injected fault/,
    );
    expect(quiet.stdout).not.toMatch(/at processFile|file-job\.js/);
    expect(readFileSync(join(dir, "bad.py"), "utf8")).toBe(WORK + "# INJECT-FAULT\n");
    for (let i = 0; i < 12; i++)
      expect(readFileSync(join(dir, `ok${i}.py`), "utf8")).toContain("async_to_sync(fetch)(n)");

    writeFileSync(join(dir, "more.py"), WORK);
    const verbose = asyncshift(dir, ["--write", "--django", "--jobs", "2", "--verbose", "."], env);
    expect(verbose.code).toBe(2);
    expect(verbose.stdout).toMatch(/Error: injected fault[^\n]*\n\s+at /);
    expect(readFileSync(join(dir, "more.py"), "utf8")).toContain("async_to_sync(fetch)(n)");
  });

  it("runs on worker threads by default, one per core, when the work is worth them", () => {
    const dir = tempDir();
    // 25 files of 100 KB (mostly a string): more than two threads' start costs to process. (Not
    // a comment: tree-sitter takes 0.3 s over a thousand comment lines after a function body.)
    const padding = `PAD = """\n${`${"x".repeat(99)}\n`.repeat(1000)}"""\n`;
    for (let i = 0; i < 24; i++) writeFileSync(join(dir, `ok${i}.py`), WORK + padding);
    writeFileSync(join(dir, "bad.py"), WORK + "# INJECT-FAULT\n" + padding);
    const env = { ASYNCSHIFT_TEST_FAULT: "INJECT-FAULT" };
    const result = asyncshift(dir, ["--django", "--verbose", "--no-diff", "."], env);
    expect(result.code).toBe(2);
    // The fault's stack shows where the file was processed: a worker runs batches, the main
    // thread runs files one by one (`safely`) when there is one core.
    expect(result.stdout).toMatch(availableParallelism() > 1 ? /at runBatch/ : /at safely/);
  });

  it("runs a small run in the main thread even with --jobs 2: threads would cost more", () => {
    const dir = tempDir();
    for (let i = 0; i < 12; i++) writeFileSync(join(dir, `ok${i}.py`), WORK);
    writeFileSync(join(dir, "bad.py"), WORK + "# INJECT-FAULT\n");
    const env = { ASYNCSHIFT_TEST_FAULT: "INJECT-FAULT" };
    const result = asyncshift(dir, ["--django", "--verbose", "--no-diff", "--jobs", "2", "."], env);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/at safely/);
    expect(result.stdout).not.toMatch(/at runBatch/);
  });

  it("never writes outside the given paths, never follows a link out of them", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "inside"));
    mkdirSync(join(dir, "outside"));
    writeFileSync(join(dir, "inside", "own.py"), WORK);
    writeFileSync(join(dir, "outside", "victim.py"), WORK);
    writeFileSync(join(dir, "sibling.py"), WORK);
    symlinkSync(join(dir, "outside", "victim.py"), join(dir, "inside", "link.py"));
    symlinkSync(join(dir, "outside"), join(dir, "inside", "folder"));
    const result = asyncshift(dir, ["--write", "--django", "inside"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /inside\/link\.py:1:1: AS908 symbolic link to .*outside the given paths: not followed/,
    );
    expect(readFileSync(join(dir, "inside", "own.py"), "utf8")).toContain("async_to_sync");
    expect(readFileSync(join(dir, "outside", "victim.py"), "utf8")).toBe(WORK);
    expect(readFileSync(join(dir, "sibling.py"), "utf8")).toBe(WORK);
    expect(lstatSync(join(dir, "inside", "link.py")).isSymbolicLink()).toBe(true);
  });
});
