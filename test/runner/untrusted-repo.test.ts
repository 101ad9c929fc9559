import { execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  linkSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { inventory, resolveOptions, run } from "../../src/api.js";
import { takeWorkCounts } from "../../src/syntax/work-counts.js";
import { requireBuild } from "../helpers/cli.js";
import { asyncshift, removeTempProjects, tempProject } from "../helpers/project.js";

// Issue 22, items 5, 6, 7, 8 and 10, end to end with real files: the scanned repository is not
// trusted. Its cache folder is keyed by content and checked for shape, nothing shipped in it runs
// unasked, the cache never writes through a link, a named link out of the project is not
// written, ownership and hard links are kept, and crafted or huge files are handled knowingly.

beforeAll(requireBuild);
afterEach(removeTempProjects);

const TASK = `import asyncio


async def fetch(n):
    return n


def handler(n):
    return asyncio.run(fetch(n))
`;

const DJANGO = { "requirements.txt": "Django==5.2\n", "manage.py": "" };
const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("the cache is keyed by content (item 5)", () => {
  const MODELS = `from django.db import models


class Card(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)
`;
  const VIEWS = `from .models import Card


async def show(pk):
    return Card.objects.get(pk=pk).owner
`;

  it("a models.py changed with the same size and modification time is read again", () => {
    const dir = tempProject({
      ...DJANGO,
      "shop/__init__.py": "",
      "shop/models.py": MODELS,
      "shop/views.py": VIEWS,
    });
    const models = join(dir, "shop/models.py");
    utimesSync(models, 1_700_000_000, 1_700_000_000);
    // A lazy ForeignKey read: AS202.
    expect(asyncshift(dir, ["."]).stdout).toContain("AS202");
    // No relation any more: same size, same time.
    writeFileSync(models, MODELS.replace("ForeignKey(", "CharField ("));
    utimesSync(models, 1_700_000_000, 1_700_000_000);
    const warm = asyncshift(dir, ["--format", "json", "."]);
    const cold = asyncshift(dir, ["--format", "json", "--no-cache", "."]);
    const files = (out: string) => JSON.parse(out).files;
    expect(files(warm.stdout)).toEqual(files(cold.stdout));
    expect(cold.stdout).not.toContain("AS202");
  });

  it.each([
    ["entries of another shape", (stored: Stored) => entriesEach(stored, () => [1, 2])],
    ["no entries", (stored: Stored) => (stored.entries = null)],
    [
      "facts of another shape",
      (stored: Stored) => entriesEach(stored, (e) => [e[0], e[1], 0, "x", 0]),
    ],
    [
      "calls of another shape",
      (stored: Stored) => stored.calls && (stored.calls = { "app/tasks.py": 7 }),
    ],
  ])("a cache of the wrong shape (%s) is ignored and rebuilt", (_, damage) => {
    const dir = tempProject({
      ...DJANGO,
      "app/tasks.py": TASK,
      "app/helpers.py": "def helper():\n    pass\n",
    });
    const expected = asyncshift(dir, ["--no-cache", "."]);
    asyncshift(dir, ["."]);
    const cache = join(dir, ".asyncshift_cache");
    for (const name of readdirSync(cache).filter((n) => /^(index|calls)-v\d+\.json$/.test(n))) {
      const stored = JSON.parse(readFileSync(join(cache, name), "utf8"));
      damage(stored);
      writeFileSync(join(cache, name), JSON.stringify(stored));
    }
    const again = asyncshift(dir, ["."]);
    expect(again.stderr).toBe("");
    expect(again.code).toBe(0);
    expect(again.stdout.replace(/[\d.]+s\n/, "")).toBe(expected.stdout.replace(/[\d.]+s\n/, ""));
  });
});

type Stored = { entries?: Record<string, unknown[]> | null; calls?: unknown };

function entriesEach(stored: Stored, change: (entry: unknown[]) => unknown[]): void {
  for (const [path, entry] of Object.entries(stored.entries ?? {}))
    stored.entries![path] = change(entry);
}

describe("nothing shipped in the scanned repository runs unasked (item 6)", () => {
  // A "formatter" inside the scanned tree that leaves a mark when it runs.
  const fake = (mark: string) => `#!/bin/sh\necho ran > "${mark}"\ncat\n`;
  const BARE = "/usr/bin:/bin";

  function project(where: string) {
    const dir = tempProject({
      ...DJANGO,
      "pyproject.toml": "[tool.black]\n",
      "app/tasks.py": TASK,
    });
    const mark = join(dir, "ran.txt");
    mkdirSync(join(dir, where), { recursive: true });
    writeFileSync(join(dir, where, "black"), fake(mark));
    chmodSync(join(dir, where, "black"), 0o755);
    return { dir, ran: () => existsSync(mark) };
  }

  it("a dry run, --check and --write never run the project's .venv/bin/black", () => {
    const { dir, ran } = project(".venv/bin");
    const env = { PATH: BARE };
    const dry = spawnWith(dir, ["."], env);
    expect(ran()).toBe(false);
    expect(dry.code).toBe(0);
    expect(spawnWith(dir, ["--check", "."], env).code).toBe(1);
    expect(ran()).toBe(false);
    const written = spawnWith(dir, ["--write", "."], env);
    expect(ran()).toBe(false);
    expect(written.stdout).toContain("runs only with --formatter-from-venv");
    expect(read(dir, "app/tasks.py")).toContain("async_to_sync(fetch)(n)");
  });

  it("--write --formatter-from-venv runs it: the user asked on the command line", () => {
    const { dir, ran } = project(".venv/bin");
    spawnWith(dir, ["--write", "--formatter-from-venv", "."], { PATH: BARE });
    expect(ran()).toBe(true);
  });

  it("a relative PATH entry (a folder of the scanned tree) is passed over", () => {
    const { dir, ran } = project("tools");
    spawnWith(dir, ["--write", "."], { PATH: `tools:${BARE}` });
    expect(ran()).toBe(false);
  });

  function spawnWith(dir: string, args: string[], env: Record<string, string>) {
    return asyncshift(dir, args, undefined, env);
  }
});

describe("the cache never writes through a link or out of the project (item 7)", () => {
  it("a symlinked cache folder is not used", () => {
    const outside = tempProject({});
    const dir = tempProject({ ...DJANGO, "app/tasks.py": TASK });
    symlinkSync(outside, join(dir, ".asyncshift_cache"));
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.code).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
    expect(read(dir, "app/tasks.py")).toContain("async_to_sync(fetch)(n)");
  });

  it("a symlinked .gitignore or cache file in the cache folder is not written through", () => {
    const outside = tempProject({ "victim.txt": "keep me\n" });
    const dir = tempProject({ ...DJANGO, "app/tasks.py": TASK });
    mkdirSync(join(dir, ".asyncshift_cache"));
    for (const name of [".gitignore", "index-v9.json", "calls-v9.json", "own-writes.jsonl", "lock"])
      symlinkSync(join(outside, "victim.txt"), join(dir, ".asyncshift_cache", name));
    asyncshift(dir, ["--write", "."]);
    expect(read(outside, "victim.txt")).toBe("keep me\n");
  });
});

describe("links, owners and hard links (item 8)", () => {
  it("a link named on the command line whose target is outside the project is not written", () => {
    const outside = tempProject({ "victim.py": TASK });
    const dir = tempProject({ ...DJANGO, "app/__init__.py": "" });
    symlinkSync(join(outside, "victim.py"), join(dir, "app/link.py"));
    const result = asyncshift(dir, ["--write", "app/link.py"]);
    expect(read(outside, "victim.py")).toBe(TASK);
    expect(result.stdout).toContain("AS908");
    expect(result.stdout).toContain("outside the project");
  });

  it.runIf(process.getuid?.() === 0)("keeps the file's owner when run as root", () => {
    const dir = tempProject({ ...DJANGO, "app/tasks.py": TASK });
    chownSync(join(dir, "app/tasks.py"), 1234, 2345);
    expect(asyncshift(dir, ["--write", "."]).code).toBe(0);
    const stat = statSync(join(dir, "app/tasks.py"));
    expect([stat.uid, stat.gid]).toEqual([1234, 2345]);
    expect(read(dir, "app/tasks.py")).toContain("async_to_sync(fetch)(n)");
  });

  it("a hard-linked file is refused with a message, not silently split", () => {
    const dir = tempProject({ ...DJANGO, "app/tasks.py": TASK });
    linkSync(join(dir, "app/tasks.py"), join(dir, "tasks-copy.txt"));
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("AS905 not written: the file has 2 hard links");
    expect(read(dir, "app/tasks.py")).toBe(TASK);
    expect(statSync(join(dir, "app/tasks.py")).ino).toBe(statSync(join(dir, "tasks-copy.txt")).ino);
  });
});

describe("crafted names and huge files (item 10)", () => {
  it("quotes an unusual file name in the patch as git does; git apply takes the patch", () => {
    const name = 'evil\n+++ b/other.py\t"x".py';
    const dir = tempProject({ ...DJANGO, [`app/${name}`]: TASK, "other.py": "x = 1\n" });
    const patch = asyncshift(dir, ["--no-cache", "app"]).stdout;
    expect(patch).toContain('--- "a/app/evil\\n+++ b/other.py\\t\\"x\\".py"\n');
    expect(patch).not.toMatch(/^\+\+\+ b\/other\.py/m);
    const copy = tempProject({});
    execFileSync("cp", ["-a", `${dir}/.`, copy]);
    const patchFile = join(tmpdir(), `asyncshift-patch-${process.pid}.diff`);
    writeFileSync(patchFile, patch.slice(0, patch.lastIndexOf("\n1 file") + 1));
    execFileSync("git", ["apply", patchFile], { cwd: copy });
    rmSync(patchFile);
    expect(read(copy, `app/${name}`)).toContain("async_to_sync(fetch)(n)");
    expect(read(copy, "other.py")).toBe("x = 1\n");
  });

  it("a file over --max-file-size is skipped quickly with AS913", async () => {
    const big = TASK + "\n".concat(`DATA = [\n${"    1,\n".repeat(400_000)}]\n`);
    const dir = tempProject({ ...DJANGO, "app/big.py": big, "app/tasks.py": TASK });
    // "Quickly" as a count, not a clock (a loaded machine makes any time bound flaky): the file
    // over the limit is never handed to the parser.
    takeWorkCounts();
    await run([dir], { jobs: 1, maxFileSize: 1 });
    expect(takeWorkCounts().parsedChars).toBeLessThan(big.length);
    const result = asyncshift(dir, ["--write", "--max-file-size", "1", "."]);
    expect(result.stdout).toContain(
      "app/big.py:1:1: AS913 file too large (2.7 MB, over max-file-size 1 MB)",
    );
    expect(read(dir, "app/big.py")).toBe(big);
    expect(read(dir, "app/tasks.py")).toContain("async_to_sync(fetch)(n)");
    expect(asyncshift(dir, ["--max-file-size", "0", "."]).code).toBe(2);
  });

  it("`report` honours --max-file-size: the file over it is listed as skipped, never parsed", async () => {
    const big = TASK + "\n".concat(`DATA = [\n${"    1,\n".repeat(400_000)}]\n`);
    const dir = tempProject({ ...DJANGO, "app/big.py": big, "app/tasks.py": TASK });
    takeWorkCounts();
    const found = await inventory(
      resolveOptions({ paths: [dir], jobs: 1, maxFileSize: 1, cache: false }),
    );
    expect(takeWorkCounts().parsedChars).toBeLessThan(big.length);
    const bigFile = found.files.find((f) => f.path.endsWith("app/big.py"));
    expect(bigFile).toMatchObject({ status: "skipped", sites: [] });
    expect(bigFile?.reason).toContain("over max-file-size 1 MB");
    expect(found.totals.skippedFiles).toBe(1);
    const tasks = found.files.find((f) => f.path.endsWith("app/tasks.py"));
    expect(tasks?.sites.length).toBeGreaterThan(0);
    const text = asyncshift(dir, ["report", "--no-cache", "--max-file-size", "1", "."]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("app/big.py: file too large (2.7 MB, over max-file-size 1 MB)");
    expect(asyncshift(dir, ["report", "--max-file-size", "0", "."]).code).toBe(2);
  });
});
