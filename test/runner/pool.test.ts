import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inertResult, processFile, type FileJob } from "../../src/runner/file-job.js";
import { prePassOfPath } from "../../src/project/pre-pass.js";
import { holdsAnyTrigger } from "../../src/engine/pipeline.js";
import { SETUP, TRANSFORMS } from "../../src/api.js";
import { Pool } from "../../src/runner/pool.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/asyncshift.js");

/** The JSON report of a dry run (or of `report`), without the timing that differs between runs. */
function jsonReport(cwd: string, jobs: number, command: string[] = []): unknown {
  // With two jobs, on threads however little the work (a run this small would stay inline).
  const env = jobs > 1 ? { ...process.env, ASYNCSHIFT_TEST_THREADS: "1" } : process.env;
  const result = spawnSync(
    process.execPath,
    [BIN, ...command, ".", "--django", "--format", "json", "--jobs", String(jobs)],
    { cwd, encoding: "utf8", env },
  );
  expect(result.stderr).toBe("");
  const report = JSON.parse(result.stdout) as { summary?: { seconds?: number } };
  delete report.summary?.seconds;
  return report;
}

describe("worker pool", () => {
  let dir: string;
  beforeAll(() => {
    // The CLI runs from dist/ (npm test builds first); workers need the compiled worker.js.
    if (!existsSync(join(ROOT, "dist/src/runner/worker.js")))
      spawnSync("npx", ["tsc", "-p", ROOT], { cwd: ROOT, stdio: "ignore" });
    dir = mkdtempSync(join(tmpdir(), "asyncshift-pool-"));
    cpSync(join(ROOT, "examples"), dir, { recursive: true });
    // Enough files for several batches per worker, each with work for a transform.
    for (let i = 0; i < 60; i++)
      writeFileSync(
        join(dir, `generated_${i}.py`),
        `import asyncio\n\n\nasync def fetch_${i}(x):\n    return x\n\n\n` +
          `def handler_${i}(request):\n    return asyncio.run(fetch_${i}(${i}))\n` +
          (i % 7 === 0 ? "def broken(:\n" : ""),
      );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("gives the same JSON report with --jobs 1 and --jobs 2", () => {
    const one = jsonReport(dir, 1);
    const two = jsonReport(dir, 2);
    expect(two).toEqual(one);
    expect((one as { files: unknown[] }).files.length).toBeGreaterThan(60);
  }, 120_000);

  it("gives the same inventory (asyncshift report) with --jobs 1 and --jobs 2", () => {
    const one = jsonReport(dir, 1, ["report"]);
    const two = jsonReport(dir, 2, ["report"]);
    expect(two).toEqual(one);
    const files = (one as { files: { status: string; sites: unknown[] }[] }).files;
    expect(files.length).toBeGreaterThan(60);
    expect(files.filter((f) => f.status === "syntax-error").length).toBeGreaterThan(0);
    expect(files.filter((f) => f.sites.length > 0).length).toBeGreaterThan(50);
  }, 120_000);

  it("returns results in task order and turns a throwing task into a per-file failure", async () => {
    const job = {
      file: join(dir, "generated_1.py"),
      path: "generated_1.py",
      // An id no transform has: processing the file throws, the run goes on.
      transforms: ["no-such-transform"],
      options: { unsafeFixes: false, django: true, settings: {} },
      project: { usesDjango: true, usesAsgiref: false, models: {} },
      skip: {},
      write: false,
      wantDiff: false,
      keepText: false,
    } as unknown as FileJob;
    const pool = new Pool(1, SETUP.pool);
    const tasks = [
      { kind: "parse", file: join(dir, "generated_2.py") },
      { kind: "process", job },
      { kind: "facts", file: join(dir, "does-not-exist.py") },
    ];
    const results = await pool.run<Record<string, unknown> | undefined>(tasks);
    await pool.close();
    expect(results[0]).toMatchObject({ hasError: false });
    expect(results[1]).toMatchObject({ path: "generated_1.py", status: "failed" });
    expect((results[1]!.diagnostics as { code: string }[])[0].code).toBe("AS999");
    // Unreadable: not inert, so the rewrite pass reads it and reports why it cannot.
    expect(results[2]).toEqual({ inert: false });
  });
});

describe("pre-pass", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "asyncshift-prepass-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const prePassOf = (name: string, content: string | Buffer) => {
    writeFileSync(join(dir, name), content);
    return prePassOfPath(join(dir, name), holdsAnyTrigger(TRANSFORMS));
  };

  it("marks a file inert only when the rewrite pass would have nothing to do or say", () => {
    expect(prePassOf("plain.py", "def f():\n    return 1\n").inert).toBe(true);
    expect(prePassOf("run.py", "import asyncio\nasyncio.run(main())\n").inert).toBe(false);
    expect(prePassOf("coro.py", "async def f():\n    pass\n").inert).toBe(false);
    // Reported by the rewrite pass (AS907, AS902, AS903) although no transform would look at them.
    expect(prePassOf("cr.py", "x = 1\ry = 2\n").inert).toBe(false);
    expect(prePassOf("latin1.py", Buffer.from([0x78, 0x20, 0x3d, 0x20, 0xe9, 0x0a])).inert).toBe(
      false,
    );
    expect(prePassOf("binary.py", Buffer.from([0x78, 0x00, 0x0a])).inert).toBe(false);
  });

  it("gives an inert file the result processing it gives", () => {
    const source = "class A(Base):\n    pass\n";
    writeFileSync(join(dir, "a.py"), source);
    const job = {
      file: join(dir, "a.py"),
      path: "a.py",
      transforms: [],
      options: { unsafeFixes: false, django: true, settings: {} },
      project: { usesDjango: true, usesAsgiref: false, models: {} },
      skip: { "asyncio-run": ["**"] },
      write: false,
      wantDiff: true,
      keepText: false,
    } satisfies FileJob;
    expect(prePassOfPath(job.file, holdsAnyTrigger(TRANSFORMS)).inert).toBe(true);
    expect(JSON.stringify(inertResult("a.py"))).toBe(JSON.stringify(processFile(job, TRANSFORMS)));
  });
});
