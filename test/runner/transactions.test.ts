import { spawn } from "node:child_process";
import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  CHAIN_API,
  CHAIN_API_AFTER,
  CHAIN_SERVICES,
  CHAIN_SERVICES_AFTER,
  chainFiles,
  readText,
} from "../helpers/chain-project.js";
import { requireBuild } from "../helpers/cli.js";
import {
  asyncshift,
  BIN,
  git,
  removeTempProjects,
  tempProject,
  tempRepo,
} from "../helpers/project.js";

// Issue 22, items 1, 4 and 9, end to end: the files of one cross-file plan are one write group,
// journalled in the cache folder and written all or none; one run at a time per project; a file
// is written only if it still holds what the plan was made from; Ctrl-C and SIGTERM finish the
// group being written and stop. Test-only environment hooks (see src/runner/test-faults.ts) fail
// or kill a write and pause a run at a stage, so each moment is reached deterministically.

beforeAll(requireBuild);
afterEach(removeTempProjects);

const JOURNAL = ".asyncshift_cache/journal";

function journalEntries(dir: string): string[] {
  const folder = join(dir, JOURNAL);
  return existsSync(folder) ? readdirSync(folder) : [];
}

function tempFilesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else if (entry.name.endsWith(".tmp")) out.push(join(d, entry.name));
    }
  };
  walk(dir);
  return out;
}

interface Running {
  done: Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>;
  stderr: () => string;
  kill: (signal: NodeJS.Signals) => void;
}

/** Starts the command line without waiting for it. */
function start(cwd: string, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: "1", CI: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const done = new Promise<{
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { done, stderr: () => stderr, kill: (signal) => child.kill(signal) };
}

async function until(test: () => boolean, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A Django module with one asyncio.run site: a write group of its own. */
const single = (n: number) => `import asyncio


async def fetch_${n}(n):
    return n


def handler_${n}(n):
    return asyncio.run(fetch_${n}(n))
`;

describe("a write group is written all or none (item 1)", () => {
  it("rolls the file gaining the twin back when the caller fails to write", () => {
    const dir = tempProject(chainFiles());
    const result = asyncshift(dir, ["--write", "."], undefined, {
      ASYNCSHIFT_TEST_WRITE_FAULT: "fail:api.py",
    });
    expect(result.code).toBe(1);
    expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES);
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API);
    expect(result.stdout).toMatch(/shop\/api\.py:1:1: AS905 not written: injected write failure/);
    expect(result.stdout).toContain(
      "shop/services.py:1:1: AS905 not written: it is one change with shop/api.py",
    );
    expect(journalEntries(dir)).toEqual([]);
    expect(tempFilesUnder(dir)).toEqual([]);
  });

  it("-i: a cross-file change is one question; declined or quit, neither file is written", () => {
    for (const answer of ["n\n", "q\n"]) {
      const dir = tempProject(chainFiles());
      const result = asyncshift(dir, ["-i", "."], answer);
      expect(result.stdout).toContain(
        "one change across 2 files, written together or not at all: shop/api.py, shop/services.py",
      );
      expect(readText(dir, "shop/api.py")).toBe(CHAIN_API);
      expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES);
      expect(journalEntries(dir)).toEqual([]);
    }
  });

  it("-i: the cross-file change accepted writes both files together", () => {
    const dir = tempProject(chainFiles());
    const result = asyncshift(dir, ["-i", "."], "y\n");
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API_AFTER);
    expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES_AFTER);
    expect(journalEntries(dir)).toEqual([]);
  });

  it("a run killed in the middle of a group: the next run rolls it back first, then finishes (git tree)", () => {
    const dir = tempRepo(chainFiles());
    const killed = asyncshift(dir, ["--write", "."], undefined, {
      ASYNCSHIFT_TEST_WRITE_FAULT: "kill:api.py",
    });
    expect(killed.code).toBe(null);
    // Killed between the group's two files: the twin is there, its caller is not rewritten yet.
    expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES_AFTER);
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API);
    expect(journalEntries(dir).length).toBeGreaterThan(0);
    const again = asyncshift(dir, ["--write", "."]);
    expect(again.stdout).toContain(
      "an interrupted run left 1 write group unfinished: rolled back (shop/services.py restored)",
    );
    expect(again.code).toBe(0);
    expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES_AFTER);
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API_AFTER);
    expect(journalEntries(dir)).toEqual([]);
    expect(tempFilesUnder(dir)).toEqual([]);
  });

  it("a dry run after an interruption changes nothing and says the next --write recovers", () => {
    const dir = tempProject(chainFiles());
    asyncshift(dir, ["--write", "."], undefined, { ASYNCSHIFT_TEST_WRITE_FAULT: "kill:api.py" });
    const dry = asyncshift(dir, ["."]);
    expect(dry.stdout).toContain(
      "an interrupted run left 1 write group unfinished (shop/services.py, shop/api.py); the next --write rolls it back first",
    );
    expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES_AFTER);
  });
});

describe("files the tool itself wrote are not uncommitted changes (item 1)", () => {
  const TWO_SITES = `import asyncio
import time


async def fetch(n):
    return n


def handler(n):
    return asyncio.run(fetch(n))


async def pause():
    await asyncio.to_thread(time.sleep, 1)
`;
  const files = { "requirements.txt": "Django==5.2\n", "manage.py": "", "app/tasks.py": TWO_SITES };

  it("a second --write goes on with a file the first one wrote", () => {
    const dir = tempRepo(files);
    expect(asyncshift(dir, ["--write", "-t", "asyncio-run", "."]).code).toBe(0);
    const second = asyncshift(dir, ["--write", "."]);
    expect(second.stdout).not.toContain("AS906");
    expect(second.code).toBe(0);
    expect(readText(dir, "app/tasks.py")).toContain("await asyncio.sleep(1)");
    expect(readText(dir, "app/tasks.py")).toContain("async_to_sync(fetch)(n)");
  });

  it("but not once someone else edited it", () => {
    const dir = tempRepo(files);
    asyncshift(dir, ["--write", "-t", "asyncio-run", "."]);
    writeFileSync(join(dir, "app/tasks.py"), readText(dir, "app/tasks.py") + "# mine\n");
    const second = asyncshift(dir, ["--write", "."]);
    expect(second.stdout).toContain("AS906");
    expect(readText(dir, "app/tasks.py")).not.toContain("asyncio.sleep(1)");
  });
});

describe("one run at a time; the plan's content is checked before writing (item 4)", () => {
  it("a second run waits for the first, and no twin is written twice", async () => {
    const dir = tempProject(chainFiles());
    const first = start(dir, ["--write", "."], { ASYNCSHIFT_TEST_PAUSE: `plan@${dir}` });
    await until(() => existsSync(join(dir, "plan.ready")));
    const second = start(dir, ["--write", "."]);
    await until(() => second.stderr().includes("waiting"));
    expect(second.stderr()).toMatch(
      /waiting for another asyncshift run on this project \(pid \d+\)/,
    );
    writeFileSync(join(dir, "plan.go"), "");
    const [a, b] = await Promise.all([first.done, second.done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES_AFTER);
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API_AFTER);
  });

  it("a file edited after the plan was made is not written, nor the rest of its group", async () => {
    const dir = tempProject(chainFiles());
    const run = start(dir, ["--write", "."], { ASYNCSHIFT_TEST_PAUSE: `plan@${dir}` });
    await until(() => existsSync(join(dir, "plan.ready")));
    const edited = CHAIN_SERVICES.replace("def record_review", "# edited\ndef record_review");
    writeFileSync(join(dir, "shop/services.py"), edited);
    writeFileSync(join(dir, "plan.go"), "");
    const result = await run.done;
    expect(result.code).toBe(1);
    expect(readText(dir, "shop/services.py")).toBe(edited);
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API);
    expect(result.stdout).toContain(
      "shop/services.py:1:1: AS905 not written: the file changed on disk after the run read it to plan its changes",
    );
  });
});

describe("Ctrl-C and SIGTERM (item 9)", () => {
  const files = () =>
    chainFiles({
      "jobs/__init__.py": "",
      "jobs/a.py": single(1),
      "jobs/b.py": single(2),
      "jobs/c.py": single(3),
    });

  it("SIGTERM while writing: the group being written is finished, the rest is not, exit 130", async () => {
    const dir = tempRepo(files());
    const run = start(dir, ["--write", "."], { ASYNCSHIFT_TEST_PAUSE: `write@${dir}` });
    await until(() => existsSync(join(dir, "write.ready")));
    run.kill("SIGTERM");
    await sleep(200);
    writeFileSync(join(dir, "write.go"), "");
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/interrupted: 1 file written \(.*\); 4 files not written/);
    const written = ["jobs/a.py", "jobs/b.py", "jobs/c.py"].filter((p) =>
      readText(dir, p).includes("async_to_sync"),
    );
    expect(written.length).toBe(1);
    // The chain group is whole: both files or neither.
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API);
    expect(readText(dir, "shop/services.py")).toBe(CHAIN_SERVICES);
    expect(tempFilesUnder(dir)).toEqual([]);
    expect(journalEntries(dir)).toEqual([]);
    const again = asyncshift(dir, ["--write", "."]);
    expect(again.code).toBe(0);
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API_AFTER);
    expect(git(dir, "status", "--porcelain")).toContain("jobs/c.py");
  });

  it("Ctrl-C before writing: nothing is written, exit 130", async () => {
    const dir = tempProject(files());
    const run = start(dir, ["--write", "."], { ASYNCSHIFT_TEST_PAUSE: `plan@${dir}` });
    await until(() => existsSync(join(dir, "plan.ready")));
    run.kill("SIGINT");
    const result = await run.done;
    expect(result.code).toBe(130);
    expect(result.stderr).toContain("interrupted before writing: no file was changed");
    expect(readText(dir, "shop/api.py")).toBe(CHAIN_API);
    expect(readText(dir, "jobs/a.py")).toBe(single(1));
  });
});
