import type { Options } from "../config/options.js";
import type { Registry } from "../model/registry.js";
import type { Transform } from "../model/types.js";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult, RunResult } from "../model/results.js";
import { projectRootOf } from "../project/project-index.js";
import { exitCodeOf, selectedTransforms, summarize, UsageError } from "../runner/run.js";
import { lockProject } from "../runner/project-lock.js";
import { runSuite, type SuiteRun } from "../runner/suite.js";
import { WriteJournal } from "../runner/journal.js";
import {
  restoreAll,
  verifyGroups,
  VerifyInterrupted,
  writtenGroupsOf,
  type Verification,
  type WriteGroup,
} from "../runner/verify.js";

/** How the command line reports progress: one line at a time, on standard error. */
type Say = (line: string) => void;

/**
 * --verify: the project's test command before any change (the baseline), then the write, then the
 * command again; the write groups it fails with are found, restored and named. Ctrl-C (or
 * SIGTERM) at any moment restores every file the run changed. Resolves to the run's result with
 * the verdicts in it: AS930 on each reverted file, a notice per group and one summary notice.
 *
 * The project's lock is held from before the baseline to the last switch (issue 22): the
 * bisection switches files while the suites run, and a second writing run would plan from, and
 * write over, a half-reverted tree. `write` does not take it again (RunHooks.lockHeld);
 * `how.lockHeld`: the caller holds it already (`-i`, for its review).
 */
export async function verifiedWrite(
  options: Options & { verify: string },
  write: () => Promise<RunResult>,
  how: { say: Say; registry: Registry; lockHeld?: boolean },
): Promise<RunResult> {
  const { say } = how;
  const started = performance.now();
  // The command runs in the project root, where the journal of write groups lives too.
  const root = projectRootOf(options.paths[0] ?? ".");
  const release = how.lockHeld
    ? undefined
    : await lockProject(root, {
        onWait: (message) => say(`asyncshift: ${message}`),
        doing: "running --verify",
      });
  try {
    return await verifiedWriteLocked(options, write, { ...how, root, started });
  } finally {
    release?.();
  }
}

async function verifiedWriteLocked(
  options: Options & { verify: string },
  write: () => Promise<RunResult>,
  how: { say: Say; registry: Registry; root: string; started: number },
): Promise<RunResult> {
  const { say, root, started } = how;
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  let runs = 0;
  const runCommand = (label: string): Promise<SuiteRun> => {
    say(`verify: running \`${options.verify}\` ${label}`);
    runs++;
    return runSuite({
      command: options.verify,
      cwd: root,
      timeoutSeconds: options.verifyTimeout,
      signal: abort.signal,
      ...(options.verbose ? { echo: process.stderr } : {}),
    });
  };
  let groups: WriteGroup[] = [];
  try {
    const baseline = await runCommand("before any change (baseline)");
    if (abort.signal.aborted) throw new VerifyInterrupted("interrupted");
    checkBaseline(baseline, options, say);
    const result = await write();
    groups = writtenGroupsOf(result.files, process.cwd());
    if (abort.signal.aborted) throw new VerifyInterrupted("interrupted");
    const verification = await verifyGroups(
      groups,
      baseline,
      (applied) =>
        runCommand(
          `with ${applied.length} of ${groups.length} write group${groups.length === 1 ? "" : "s"} applied`,
        ),
      // Each switch is journalled: a run killed while switching is rolled back by the next one.
      { signal: abort.signal, journal: WriteJournal.open(root, true) },
    );
    const transforms = selectedTransforms(how.registry, result.transforms);
    return withVerdicts(result, verification, {
      command: options.verify,
      runs,
      started,
      transforms,
    });
  } catch (error) {
    if (error instanceof VerifyInterrupted || abort.signal.aborted) {
      const { restored, changed } = restoreAll(groups);
      const left =
        changed.length > 0
          ? `; changed by someone else, left as they are: ${changed.join(", ")}`
          : "";
      throw new VerifyInterrupted(
        groups.length > 0
          ? `interrupted: every file the run changed is as it was before the run${restored.length > 0 ? ` (restored: ${restored.join(", ")})` : ""}${left}`
          : "interrupted before anything was written",
      );
    }
    // A file changed by someone else while the suite ran: stop switching files, say where it is.
    if (groups.length > 0 && error instanceof Error && /changed on disk/.test(error.message))
      throw new UsageError(`--verify stopped: ${error.message}`);
    throw error;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

/** A baseline that cannot be compared with (it hangs, or fails naming no test) stops the run. */
function checkBaseline(baseline: SuiteRun, options: Options & { verify: string }, say: Say): void {
  if (baseline.timedOut)
    throw new UsageError(
      `--verify: \`${options.verify}\` did not finish within ${options.verifyTimeout} s before any ` +
        `change; nothing was written (raise --verify-timeout, or fix the suite)`,
    );
  if (baseline.exitCode === 0) return;
  if (baseline.failing.length === 0)
    throw new UsageError(
      `--verify: \`${options.verify}\` fails before any change (exit ${baseline.exitCode ?? "signal"}) ` +
        `and names no failing test to set aside; nothing was written. Its last lines:\n` +
        baseline.output.trimEnd().split("\n").slice(-8).join("\n"),
    );
  say(
    `verify: ${baseline.failing.length} test${baseline.failing.length === 1 ? "" : "s"} already ` +
      `fail before any change and are not blamed: ${baseline.failing.join(", ")}`,
  );
}

/** The run's result once verified: reverted files not written, with AS930; notices; summary. */
function withVerdicts(
  result: RunResult,
  verification: Verification,
  how: { command: string; runs: number; started: number; transforms: Transform[] },
): RunResult {
  const reverted = new Map<string, { failing: string[]; excerpt: string[] }>();
  for (const v of verification.verdicts)
    if (!v.kept) for (const f of v.group.files) reverted.set(f.path, v);
  const files = result.files.map((file): FileResult => {
    const verdict = reverted.get(file.path);
    if (!verdict || file.status !== "changed") return file;
    const tests = verdict.failing.length > 0 ? `: ${verdict.failing.join(", ")}` : "";
    const message =
      `reverted by --verify: \`${how.command}\` failed with this change${tests}; the file is as it was` +
      (verdict.excerpt.length > 0 ? `\n${verdict.excerpt.map((l) => `    ${l}`).join("\n")}` : "");
    return {
      ...file,
      written: false,
      diagnostics: [...file.diagnostics, runnerDiagnostic("AS930", "error", message)],
    };
  });
  const kept = verification.verdicts.filter((v) => v.kept).length;
  const count = verification.verdicts.length;
  const seconds = (performance.now() - how.started) / 1000;
  const notices = [
    ...result.notices,
    ...verification.verdicts.map((v) => ({
      message: `verify: ${v.kept ? "kept" : "reverted"} ${v.group.files.map((f) => f.path).join(", ")}`,
    })),
    {
      message:
        `verify: ${count} write group${count === 1 ? "" : "s"} applied, ${kept} kept, ` +
        `${count - kept} reverted; ${how.runs} test run${how.runs === 1 ? "" : "s"}; ${seconds.toFixed(1)} s`,
    },
  ];
  return {
    ...result,
    files,
    notices,
    summary: summarize(files, how.transforms, result.summary.seconds),
    exitCode: exitCodeOf(result.mode, files),
  };
}
