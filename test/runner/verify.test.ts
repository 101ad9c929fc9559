import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { failingTests, passesAgainst, runSuite, type SuiteRun } from "../../src/runner/suite.js";
import { verifyGroups, type WriteGroup } from "../../src/runner/verify.js";

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** `count` groups of one file each, every file holding its written text ("new N"). */
function groupsOnDisk(count: number): WriteGroup[] {
  const dir = mkdtempSync(join(tmpdir(), "asyncshift-verify-"));
  made.push(dir);
  return Array.from({ length: count }, (_, i) => {
    const file = join(dir, `m${i}.py`);
    writeFileSync(file, `new ${i}\n`);
    return {
      id: `g${i}`,
      files: [{ file, path: `m${i}.py`, original: `old ${i}\n`, written: `new ${i}\n` }],
    };
  });
}

const passing: SuiteRun = { exitCode: 0, timedOut: false, failing: [], output: "", seconds: 0 };

/** A suite that fails while any of `culprits` is on disk, or while all of `together` are. */
function suiteFailingWith(groups: WriteGroup[], culprits: number[], together: number[] = []) {
  let runs = 0;
  const on = (i: number) => readFileSync(groups[i].files[0].file, "utf8").startsWith("new");
  const run = async (): Promise<SuiteRun> => {
    runs++;
    const bad = culprits.filter(on).map((i) => `tests/test_m.py::test_${i}`);
    if (together.length > 0 && together.every(on)) bad.push("tests/test_m.py::test_together");
    return bad.length === 0
      ? passing
      : {
          exitCode: 1,
          timedOut: false,
          failing: bad,
          output: bad.map((b) => `FAILED ${b}`).join("\n"),
          seconds: 0,
        };
  };
  return { run, runs: () => runs };
}

describe("verifyGroups", () => {
  it("keeps everything after one run when the suite passes", async () => {
    const groups = groupsOnDisk(4);
    const suite = suiteFailingWith(groups, []);
    const result = await verifyGroups(groups, passing, suite.run);
    expect(result.verdicts.every((v) => v.kept)).toBe(true);
    expect(suite.runs()).toBe(1);
  });

  it("finds two culprits among eight by bisection, restores them and names their tests", async () => {
    const groups = groupsOnDisk(8);
    const suite = suiteFailingWith(groups, [2, 6]);
    const result = await verifyGroups(groups, passing, suite.run);
    expect(result.verdicts.filter((v) => !v.kept).map((v) => v.group.id)).toEqual(["g2", "g6"]);
    expect(result.verdicts[2].failing).toEqual(["tests/test_m.py::test_2"]);
    expect(result.verdicts[6].failing).toEqual(["tests/test_m.py::test_6"]);
    expect(readFileSync(groups[2].files[0].file, "utf8")).toBe("old 2\n");
    expect(readFileSync(groups[6].files[0].file, "utf8")).toBe("old 6\n");
    for (const i of [0, 1, 3, 4, 5, 7])
      expect(readFileSync(groups[i].files[0].file, "utf8")).toBe(`new ${i}\n`);
    // About two bisections of log2(8) runs each, the first run and the confirmation included.
    expect(suite.runs()).toBeLessThanOrEqual(10);
  });

  it("reverts a failure that only two groups cause together, and ends green", async () => {
    const groups = groupsOnDisk(4);
    const suite = suiteFailingWith(groups, [], [0, 3]);
    const result = await verifyGroups(groups, passing, suite.run);
    const reverted = result.verdicts.filter((v) => !v.kept).map((v) => v.group.id);
    expect(reverted.length).toBeGreaterThanOrEqual(1);
    expect((await suite.run()).exitCode).toBe(0);
  });

  it("does not blame tests that failed before any change", async () => {
    const groups = groupsOnDisk(2);
    const before: SuiteRun = { ...passing, exitCode: 1, failing: ["tests/test_m.py::test_1"] };
    const suite = suiteFailingWith(groups, [1]);
    const result = await verifyGroups(groups, before, suite.run);
    expect(result.verdicts.every((v) => v.kept)).toBe(true);
  });

  it("never overwrites a file someone changed during verification", async () => {
    const groups = groupsOnDisk(3);
    const suite = suiteFailingWith(groups, [0]);
    writeFileSync(groups[1].files[0].file, "edited by hand\n");
    await expect(verifyGroups(groups, passing, suite.run)).rejects.toThrow(
      /m1\.py: the file changed on disk/,
    );
    expect(readFileSync(groups[1].files[0].file, "utf8")).toBe("edited by hand\n");
  });
});

describe("the suite's run", () => {
  it("reads pytest's and unittest's failing tests", () => {
    const output = [
      "FAILED tests/test_a.py::test_x - AssertionError: no",
      "ERROR tests/test_b.py::test_y",
      "FAIL: test_z (app.tests.T.test_z)",
      "FAILED (failures=1, errors=3)",
      "nothing here",
    ].join("\n");
    expect(failingTests(output)).toEqual([
      "test_z (app.tests.T.test_z)",
      "tests/test_a.py::test_x",
      "tests/test_b.py::test_y",
    ]);
  });

  it("fails a run that names no failing test when the baseline failed", () => {
    const before: SuiteRun = { ...passing, exitCode: 1, failing: ["t::a"] };
    expect(passesAgainst({ ...passing, exitCode: 2 }, before)).toBe(false);
    expect(passesAgainst({ ...passing, exitCode: 1, failing: ["t::a"] }, before)).toBe(true);
    expect(passesAgainst({ ...passing, exitCode: 1, failing: ["t::b"] }, before)).toBe(false);
  });

  it("stops a command that outlives its time limit, with everything it started", async () => {
    const started = performance.now();
    const run = await runSuite({
      command: `sleep 30 & sleep 30; echo never`,
      cwd: tmpdir(),
      timeoutSeconds: 0.5,
    });
    expect(run.timedOut).toBe(true);
    expect(run.exitCode).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
