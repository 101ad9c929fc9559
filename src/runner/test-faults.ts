import { existsSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";

/*
 * Test-only fault injection across processes, as ASYNCSHIFT_TEST_FAULT is for transforms: the
 * end-to-end tests of write groups, the lock and signals (issue 22) must reach moments a real
 * run passes in microseconds. Unset (always, in real use), nothing here does anything.
 *
 * ASYNCSHIFT_TEST_WRITE_FAULT=fail:NAME  writing a file named NAME throws
 * ASYNCSHIFT_TEST_WRITE_FAULT=kill:NAME  the process kills itself (SIGKILL) before writing it
 * ASYNCSHIFT_TEST_PAUSE=STAGE@DIR        at STAGE ("plan": the plan made, nothing read for the
 *                                        rewrite yet; "write": before the second write group), the
 *                                        run creates DIR/STAGE.ready and waits for DIR/STAGE.go
 */

/** Called just before a file of a write group is replaced. */
export function beforeGroupWrite(file: string): void {
  const fault = process.env.ASYNCSHIFT_TEST_WRITE_FAULT;
  if (!fault) return;
  const [action, name] = fault.split(":");
  if (basename(file) !== name) return;
  if (action === "kill") process.kill(process.pid, "SIGKILL");
  if (action === "fail") throw new Error("injected write failure");
}

/** Waits at `stage` when a test asked to (see above); resolves at once otherwise. */
export async function pauseAt(stage: "plan" | "write", stop?: () => boolean): Promise<void> {
  const pause = process.env.ASYNCSHIFT_TEST_PAUSE;
  if (!pause) return;
  const at = pause.indexOf("@");
  if (pause.slice(0, at) !== stage) return;
  const dir = pause.slice(at + 1);
  writeFileSync(join(dir, `${stage}.ready`), String(process.pid));
  while (!existsSync(join(dir, `${stage}.go`)) && !stop?.())
    await new Promise((resolve) => setTimeout(resolve, 20));
}
