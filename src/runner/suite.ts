import { spawn } from "node:child_process";

/** One run of the project's own test command (`--verify`). */
export interface SuiteRun {
  /** Exit code; null when it was stopped (time limit, Ctrl-C) or died of a signal. */
  exitCode: number | null;
  timedOut: boolean;
  /** Tests the output names as failing (pytest's and unittest's summary lines). */
  failing: string[];
  /** The end of what it printed (standard output and error, interleaved as they came). */
  output: string;
  seconds: number;
}

export interface SuiteOptions {
  command: string;
  /** The project root: where the command runs. */
  cwd: string;
  timeoutSeconds: number;
  /** Copy what the command prints to this stream as it comes (--verbose). */
  echo?: NodeJS.WritableStream;
  /** Aborted (Ctrl-C): the command is stopped at once. */
  signal?: AbortSignal;
}

/** What is kept of a run's output: its end, where test runners print their summary. */
const KEPT_OUTPUT = 256 * 1024;

/**
 * Runs the command through the shell in its own process group, so that a time limit or Ctrl-C
 * stops the whole suite (pytest's workers, a server it started), not only the shell.
 */
export function runSuite(options: SuiteOptions): Promise<SuiteRun> {
  const started = performance.now();
  return new Promise((resolveRun) => {
    const child = spawn(options.command, {
      cwd: options.cwd,
      shell: true,
      detached: process.platform !== "win32",
      stdio: ["ignore", "pipe", "pipe"],
      env: process.env,
    });
    let output = "";
    const take = (chunk: Buffer) => {
      options.echo?.write(chunk);
      output += chunk.toString("utf8");
      if (output.length > 2 * KEPT_OUTPUT) output = output.slice(-KEPT_OUTPUT);
    };
    child.stdout.on("data", take);
    child.stderr.on("data", take);
    let timedOut = false;
    const stop = () => stopGroup(child.pid);
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutSeconds * 1000);
    options.signal?.addEventListener("abort", stop, { once: true });
    const finish = (exitCode: number | null, failure?: string) => {
      clearTimeout(timer);
      options.signal?.removeEventListener("abort", stop);
      const text = (failure ? `${failure}\n` : "") + output.slice(-KEPT_OUTPUT);
      resolveRun({
        exitCode,
        timedOut,
        failing: failingTests(text),
        output: text,
        seconds: (performance.now() - started) / 1000,
      });
    };
    child.on("error", (error) => finish(null, `could not start the command: ${error.message}`));
    child.on("close", (code) => finish(timedOut || options.signal?.aborted ? null : code));
  });
}

/** SIGKILL to the command's whole process group (the shell and everything it started). */
function stopGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(process.platform === "win32" ? pid : -pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/**
 * Failing tests named in the output: pytest's short summary (`FAILED tests/x.py::test_y - ...`,
 * `ERROR tests/x.py::test_z`) and unittest's headers (`FAIL: test_y (app.tests.T)`).
 */
export function failingTests(output: string): string[] {
  const names = new Set<string>();
  for (const line of output.split(/\r?\n/)) {
    // Not unittest's closing `FAILED (errors=3)`, which names no test.
    const pytest = /^(?:FAILED|ERROR) ([^\s(]\S*)/.exec(line);
    const unittest = /^(?:FAIL|ERROR): (\S+ \([^)]*\))/.exec(line);
    const name = pytest?.[1] ?? unittest?.[1];
    if (name) names.add(name);
  }
  return [...names].sort();
}

/**
 * Whether a run after the change is as good as the baseline: it passes, or it fails only on tests
 * that already failed before any change (noted, not blamed). A failing run that names no failing
 * test cannot be compared with the baseline, so it counts as failing.
 */
export function passesAgainst(after: SuiteRun, baseline: SuiteRun): boolean {
  if (after.timedOut || after.exitCode === null) return false;
  if (after.exitCode === 0) return true;
  if (baseline.exitCode === 0 || after.failing.length === 0) return false;
  const known = new Set(baseline.failing);
  return after.failing.every((name) => known.has(name));
}

/** The first lines worth showing of a failing run: its failures first, else its last lines. */
export function failureExcerpt(run: SuiteRun, lines = 12): string[] {
  if (run.timedOut) return [`stopped after the time limit (${run.seconds.toFixed(0)} s)`];
  const all = run.output.split(/\r?\n/).filter((line) => line.trim() !== "");
  const start = all.findIndex((line) =>
    /^_{3,} .* _{3,}$|^=+ FAILURES =+$|^(FAIL|ERROR):/.test(line),
  );
  const from = start >= 0 ? all.slice(start, start + lines) : all.slice(-lines);
  return from.map((line) => (line.length > 200 ? line.slice(0, 199) + "…" : line));
}
