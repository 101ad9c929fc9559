// --verify end to end: the project's own test command before and after writing, bisection over
// write groups, restores, time limits, Ctrl-C. The example project's case runs its real pytest
// suite on a real Django (the environment `npm run test:django` makes; skipped without it).
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import {
  asyncshift,
  BIN,
  removeTempProjects,
  REQUIREMENTS,
  ROOT,
  TASK,
  tempProject,
} from "../helpers/project.js";

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/src/cli/main.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
});
afterEach(removeTempProjects);

const REWRITTEN = "async_to_sync(fetch_price)(sku)";
/** Two task modules, each its own write group. */
const project = (extra: Record<string, string> = {}) =>
  tempProject({
    "requirements.txt": REQUIREMENTS,
    "manage.py": "",
    "app/tasks.py": TASK,
    "app/other.py": TASK.replace("refresh", "refresh_other"),
    ...extra,
  });
/** A shell command failing (naming a pytest-style test) while `file` holds the rewrite. */
const failsWhenRewritten = (file: string) =>
  `if grep -q async_to_sync ${file}; then echo "FAILED tests/test_tasks.py::test_refresh - boom"; exit 1; fi`;

describe("--verify", () => {
  it("keeps what passes, reverts and names the group the suite fails with (exit 1)", () => {
    const dir = project();
    const result = asyncshift(dir, [
      "--write",
      "--verify",
      failsWhenRewritten("app/other.py"),
      ".",
    ]);
    expect(result.code, result.stderr).toBe(1);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toContain(REWRITTEN);
    expect(readFileSync(join(dir, "app/other.py"), "utf8")).toBe(
      TASK.replace("refresh", "refresh_other"),
    );
    expect(result.stdout).toMatch(
      /app\/other\.py:1:1: AS930 reverted by --verify: .* failed with this change: tests\/test_tasks\.py::test_refresh/,
    );
    expect(result.stdout).toContain("note: verify: kept app/tasks.py");
    expect(result.stdout).toContain("note: verify: reverted app/other.py");
    expect(result.stdout).toMatch(
      /note: verify: 2 write groups applied, 1 kept, 1 reverted; \d+ test runs; [\d.]+ s/,
    );
    expect(result.stderr).toContain("verify: running");
    // Every switch went through the write-group journal, and each entry was closed.
    const journal = join(dir, ".asyncshift_cache/journal");
    expect(existsSync(journal) ? readdirSync(journal) : []).toEqual([]);
  });

  it("exits 0 when every group passes; the configured command is used with --write", () => {
    const dir = project({
      "pyproject.toml": `[tool.asyncshift]\nverify = "echo ran >> verify.log"\n`,
    });
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(readFileSync(join(dir, "app/other.py"), "utf8")).toContain(REWRITTEN);
    // The baseline and one run after writing.
    expect(readFileSync(join(dir, "verify.log"), "utf8")).toBe("ran\nran\n");
  });

  it("never runs the configured command in a dry run, --check, or with --no-verify", () => {
    const dir = project({
      "pyproject.toml": `[tool.asyncshift]\nverify = "echo ran >> verify.log"\n`,
    });
    asyncshift(dir, ["."]);
    asyncshift(dir, ["--check", "."]);
    asyncshift(dir, ["--write", "--no-verify", "app/tasks.py"]);
    expect(existsSync(join(dir, "verify.log"))).toBe(false);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toContain(REWRITTEN);
  });

  it("with -i, verifies what was accepted: the accepted group the suite fails with is reverted", () => {
    const dir = project();
    // Both sites accepted (files in path order: app/other.py, then app/tasks.py).
    const result = asyncshift(
      dir,
      ["-i", "--verify", failsWhenRewritten("app/tasks.py"), "app"],
      "y\ny\n",
    );
    expect(result.code, result.stdout + result.stderr).toBe(1);
    expect(readFileSync(join(dir, "app/other.py"), "utf8")).toContain(REWRITTEN);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
    expect(result.stdout).toMatch(/app\/tasks\.py:1:1: AS930 reverted by --verify/);
    expect(result.stdout).toContain("verify: 2 write groups applied, 1 kept, 1 reverted");
    expect(result.stdout).toContain("2 files with changes; 1 written");
  });

  it("is a usage error without --write or -i", () => {
    const result = asyncshift(project(), ["--check", "--verify", "true", "."]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--verify tests the changes it writes: use it with --write");
  });

  it("writes nothing when the suite fails before any change without naming a test", () => {
    const dir = project();
    const result = asyncshift(dir, ["--write", "--verify", "echo broken; exit 3", "."]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("fails before any change (exit 3)");
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
  });

  it("stops a suite that hangs at the time limit and reverts the group that made it hang", () => {
    const dir = project();
    const hangs = `grep -q async_to_sync app/tasks.py && sleep 60; true`;
    const started = performance.now();
    const result = asyncshift(dir, ["--write", "--verify", hangs, "--verify-timeout", "1", "."]);
    expect(performance.now() - started).toBeLessThan(30_000);
    expect(result.code).toBe(1);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
    expect(readFileSync(join(dir, "app/other.py"), "utf8")).toContain(REWRITTEN);
    expect(result.stdout).toContain("stopped after the time limit");
  }, 60_000);

  it("a suite that hangs before any change writes nothing", () => {
    const dir = project();
    const result = asyncshift(dir, [
      "--write",
      "--verify",
      "sleep 60",
      "--verify-timeout",
      "1",
      ".",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      "did not finish within 1 s before any change; nothing was written",
    );
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
  }, 30_000);

  it("Ctrl-C during the suite restores every file the run changed and exits 130", async () => {
    const dir = project();
    // The second run (after writing) says it started, then waits to be interrupted.
    const command = `if [ -f started ]; then echo x > running; sleep 60; else touch started; fi`;
    const child = spawn(process.execPath, [BIN, "--write", "--verify", command, "."], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    for (let i = 0; i < 200 && !existsSync(join(dir, "running")); i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toContain(REWRITTEN);
    child.kill("SIGINT");
    const code = await new Promise<number | null>((r) => child.on("close", r));
    expect(code, stderr).toBe(130);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
    expect(readFileSync(join(dir, "app/other.py"), "utf8")).toBe(
      TASK.replace("refresh", "refresh_other"),
    );
    expect(stderr).toContain("interrupted: every file the run changed is as it was before the run");
  }, 30_000);
});

describe("--verify and the project's lock (issue 22)", () => {
  /** Starts the command line without waiting for it; its output so far, and its end. */
  const start = (dir: string, args: string[]) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, NO_COLOR: "1", CI: "" },
    });
    let out = "";
    let exited = false;
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    const done = new Promise<number | null>((r) =>
      child.on("close", (code) => {
        exited = true;
        r(code);
      }),
    );
    return { done, output: () => out, exited: () => exited };
  };
  /** Ends a suite's wait loop (its folder gone already when the test passed). */
  const stopLoop = (dir: string) => {
    if (existsSync(dir)) writeFileSync(join(dir, "go"), "");
  };
  const until = async (what: string, ready: () => boolean) => {
    for (let i = 0; i < 300 && !ready(); i++) await new Promise((r) => setTimeout(r, 50));
    if (!ready()) throw new Error(`timed out waiting for ${what}`);
  };

  it("is held while the suite runs after writing: a second writing run waits, then goes on", async () => {
    const dir = project();
    // The baseline passes at once; the run after writing says so, then waits for `go`.
    const command =
      "if [ -f baseline.done ]; then touch suite.running; while [ ! -f go ] && [ -f manage.py ]; do sleep 0.05; done; " +
      "else touch baseline.done; fi";
    const first = start(dir, ["--write", "--verify", command, "."]);
    // However the test ends, the suite's loop ends (it outlives a failed assertion otherwise).
    onTestFinished(() => stopLoop(dir));
    await until("the suite after writing", () => existsSync(join(dir, "suite.running")));
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toContain(REWRITTEN);
    const second = start(dir, ["--write", "."]);
    await until("the second run to wait", () => second.output().includes("waiting"));
    expect(second.output()).toMatch(
      /asyncshift: waiting for another asyncshift run on this project \(pid \d+, running --verify\) to finish/,
    );
    // Still waiting while the suite runs.
    await new Promise((r) => setTimeout(r, 300));
    expect(second.exited()).toBe(false);
    writeFileSync(join(dir, "go"), "");
    expect(await first.done, first.output()).toBe(0);
    expect(await second.done, second.output()).toBe(0);
    expect(first.output()).toContain("verify: 2 write groups applied, 2 kept");
    expect(readFileSync(join(dir, "app/other.py"), "utf8")).toContain(REWRITTEN);
    expect(existsSync(join(dir, ".asyncshift_cache/lock"))).toBe(false);
  }, 60_000);

  it("is held during the baseline too, and let go when the baseline stops the run", async () => {
    const dir = project();
    const command =
      "touch baseline.running; while [ ! -f go ] && [ -f manage.py ]; do sleep 0.05; done; exit 3";
    const first = start(dir, ["--write", "--verify", command, "."]);
    onTestFinished(() => stopLoop(dir));
    await until("the baseline", () => existsSync(join(dir, "baseline.running")));
    const second = start(dir, ["--write", "."]);
    await until("the second run to wait", () => second.output().includes("waiting"));
    writeFileSync(join(dir, "go"), "");
    // The baseline fails naming no test: nothing written, exit 2; the second run then writes.
    expect(await first.done, first.output()).toBe(2);
    expect(await second.done, second.output()).toBe(0);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toContain(REWRITTEN);
  }, 60_000);
});

const PYTHON = join(ROOT, ".venv-test/django-5.2/bin/python");

describe.skipIf(!existsSync(PYTHON))(
  "--verify on the example project's own suite (real Django)",
  () => {
    it("reverts and names the sabotaged group, keeps the others, and ends green", () => {
      const dir = tempProject({});
      cpSync(join(ROOT, "examples"), dir, { recursive: true });
      // A module and its test added to the copy: the sabotaging test transform (test only) turns
      // the marked `True` into `False`, a wrong rewrite the suite catches.
      writeFileSync(
        join(dir, "shop/flags.py"),
        // The docstring's words make the pre-pass read the file (its text test looks for them).
        '"""Flags read by views that call sync_to_async."""\n\n\ndef checkout_enabled():\n    return True  # SABOTAGE-HERE\n',
      );
      writeFileSync(
        join(dir, "tests/test_flags.py"),
        "from shop.flags import checkout_enabled\n\n\ndef test_checkout_enabled():\n    assert checkout_enabled()\n",
      );
      // Files the proof suite checks in one phase or the other (tasks.py decides the phase) are left
      // out: rewriting some of them alone would fail its phase checks, whatever --verify does.
      const paths = ["shop/flags.py", "shop/views.py", "shop/services"];
      // The tests of the files rewritten (each run starts Django: the whole suite is checked once, at the end).
      const tests = "tests/test_flags.py tests/test_sync_views.py tests/test_services.py";
      const command = `${PYTHON} -m pytest -x -q -p no:cacheprovider ${tests}`;
      const result = asyncshift(dir, ["--write", "--verify", command, ...paths], "", {
        ASYNCSHIFT_TEST_SABOTAGE: "SABOTAGE-HERE",
      });
      expect(result.code, result.stdout + result.stderr).toBe(1);
      expect(result.stdout).toMatch(
        /shop\/flags\.py:1:1: AS930 reverted by --verify: .*tests\/test_flags\.py::test_checkout_enabled/,
      );
      expect(readFileSync(join(dir, "shop/flags.py"), "utf8")).toContain("return True");
      expect(result.stdout).toMatch(/note: verify: kept shop\/views\.py/);
      expect(result.stdout).toMatch(/3 write groups applied, 2 kept, 1 reverted/);
      expect(readFileSync(join(dir, "shop/views.py"), "utf8")).not.toBe(
        readFileSync(join(ROOT, "examples/shop/views.py"), "utf8"),
      );
      // The suite is green on what was kept.
      const suite = spawnSync(PYTHON, ["-m", "pytest", "-x", "-q", "-p", "no:cacheprovider"], {
        cwd: dir,
        encoding: "utf8",
      });
      expect(suite.status, suite.stdout).toBe(0);
    }, 240_000);
  },
);
