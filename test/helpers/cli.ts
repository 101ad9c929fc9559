import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ROOT = new URL("../..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/asyncshift.js");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built command line in `cwd`, as a user would (no colours). */
export function runCli(cwd: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** For beforeAll: the command line runs from dist/, which `npm test` builds first. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, "dist/src/cli/main.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
}

/** Temporary folders made by a test file, removed by `removeAll` (for afterEach). */
export function tempFolders(prefix: string) {
  const made: string[] = [];
  return {
    make(): string {
      const dir = mkdtempSync(join(tmpdir(), prefix));
      made.push(dir);
      return dir;
    },
    removeAll(): void {
      while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
    },
  };
}
