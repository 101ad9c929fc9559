import type { RunResult } from "../model/results.js";

/**
 * Ctrl-C and SIGTERM (issue 22, item 9): before any file is written, the run stops at once (no
 * file changed, exit 130); while files are written, the group being written is finished, no
 * other is started, and the run says what was written and what was not. A second signal while
 * writing still waits for the group: a group is never left half-written by the tool itself.
 */
export function interruptHandling(beforeExit: () => void) {
  const controller = new AbortController();
  let writing = false;
  const onSignal = () => {
    if (writing) {
      controller.abort();
      return;
    }
    beforeExit();
    process.stderr.write("\nasyncshift: interrupted before writing: no file was changed\n");
    process.exit(130);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    writing: (now: boolean) => {
      writing = now;
    },
    dispose: () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}

/** What an interrupted run wrote and did not write, for standard error. */
export function interruptedSummary(result: RunResult): string {
  const written = result.files.filter((f) => f.status === "changed" && f.written);
  const notWritten = result.files.filter(
    (f) => f.status === "failed" && f.diagnostics.some((d) => d.code === "AS905"),
  );
  const list = (files: { path: string }[], what: string) =>
    `${files.length} file${files.length === 1 ? "" : "s"} ${what}` +
    (files.length > 0 ? ` (${files.map((f) => f.path).join(", ")})` : "");
  return `asyncshift: interrupted: ${list(written, "written")}; ${list(notWritten, "not written")}\n`;
}
