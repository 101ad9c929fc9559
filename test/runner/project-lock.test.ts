import { mkdirSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockProject, LockError } from "../../src/runner/project-lock.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

afterEach(removeTempProjects);

/** A lock file held by a live process of this host (the test runner's parent). */
function heldBy(dir: string, doing: unknown): void {
  mkdirSync(join(dir, ".asyncshift_cache"), { recursive: true });
  const holder = { pid: process.ppid, host: hostname(), started: Date.now(), doing };
  writeFileSync(join(dir, ".asyncshift_cache/lock"), JSON.stringify(holder));
}

async function waitMessage(dir: string): Promise<string> {
  const told: string[] = [];
  await expect(
    lockProject(dir, { onWait: (m) => told.push(m), timeoutMs: 200 }),
  ).rejects.toBeInstanceOf(LockError);
  return told.join("\n");
}

describe("the project's lock says what its holder does", () => {
  it("names a run holding it for --verify", async () => {
    const dir = tempProject({ "a.py": "" });
    heldBy(dir, "running --verify");
    expect(await waitMessage(dir)).toBe(
      `waiting for another asyncshift run on this project (pid ${process.ppid}, running --verify) to finish...`,
    );
  });

  it("never prints what a planted lock file says beyond plain words", async () => {
    const dir = tempProject({ "a.py": "" });
    heldBy(dir, "\u001b]0;pwned\u0007");
    expect(await waitMessage(dir)).toBe(
      `waiting for another asyncshift run on this project (pid ${process.ppid}) to finish...`,
    );
  });

  it("is written with what this run will do, and let go", async () => {
    const dir = tempProject({ "a.py": "" });
    const release = await lockProject(dir, { doing: "running --verify" });
    const other = lockProject(dir, { timeoutMs: 100 });
    await expect(other).rejects.toThrow(/pid \d+, running --verify/);
    release?.();
    const again = await lockProject(dir);
    again?.();
  });
});
