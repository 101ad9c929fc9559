import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const ROOT = new URL("../..", import.meta.url).pathname;
export const BIN = join(ROOT, "bin/asyncshift.js");

const made: string[] = [];

/** A temporary folder holding `files` (relative path → text); removed by `removeTempProjects`. */
export function tempProject(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "asyncshift-test-")));
  made.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

export function removeTempProjects(): void {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
}

/** Runs the built command line in `cwd` with `input` on standard input, `env` added. */
export function asyncshift(
  cwd: string,
  args: string[],
  input?: string,
  env: Record<string, string> = {},
) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: "utf8",
    input: input ?? "",
    env: { ...process.env, NO_COLOR: "1", CI: "", ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs git in `cwd` with a fixed identity; returns its standard output. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync("git", args, {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: "Test",
      GIT_AUTHOR_EMAIL: "test@example.com",
      GIT_COMMITTER_NAME: "Test",
      GIT_COMMITTER_EMAIL: "test@example.com",
      GIT_CONFIG_NOSYSTEM: "1",
      HOME: cwd,
    },
  });
}

/** A git repository holding `files`, all committed. */
export function tempRepo(files: Record<string, string>): string {
  const dir = tempProject(files);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "add", "-A");
  git(dir, "commit", "-q", "-m", "initial");
  return dir;
}

/** A Django task module with one asyncio.run site asyncio-run rewrites. */
export const TASK = `import asyncio

from celery import shared_task


@shared_task
def refresh(sku):
    asyncio.run(fetch_price(sku))


async def fetch_price(sku):
    return sku
`;

export const REQUIREMENTS = "Django==4.2\nasgiref\n";
