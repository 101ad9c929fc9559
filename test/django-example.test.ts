// The executable proof (scripts/test-django.mjs, `npm run test:django`) as part of `npm test`,
// when its Python environment is already there: the example project's pytest suite passes on a
// real Django before and after the migration, and the asyncio.run bug is reproduced. Without the
// environment (a fresh clone) the run is skipped; `npm run test:django` makes it.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { requireBuild, ROOT } from "./helpers/cli.js";

function venvReady(): boolean {
  const stamp = join(ROOT, ".venv-test/django-5.2/requirements.sha256");
  if (!existsSync(stamp)) return false;
  const wanted = createHash("sha256")
    .update(readFileSync(join(ROOT, "requirements-test.txt")))
    .digest("hex");
  return readFileSync(stamp, "utf8").trim() === wanted;
}

describe("the Django proof's set-up", () => {
  it("pins the same packages for Django 5.2 and 4.2, Django aside", () => {
    const pins = (file: string) =>
      readFileSync(join(ROOT, file), "utf8")
        .split("\n")
        .filter((line) => /^[A-Za-z0-9_.-]+==\S+$/.test(line));
    const current = pins("requirements-test.txt");
    const lts42 = pins("requirements-test-django42.txt");
    expect(current.some((line) => /^Django==5\.2\.\d+$/.test(line))).toBe(true);
    expect(lts42.some((line) => /^Django==4\.2\.\d+$/.test(line))).toBe(true);
    const others = (list: string[]) => list.filter((line) => !line.startsWith("Django=="));
    expect(others(lts42)).toEqual(others(current));
    for (const name of ["asgiref", "pytest", "pytest-django", "celery"])
      expect(current.some((line) => line.startsWith(`${name}==`))).toBe(true);
  });

  it("keeps the virtual environments out of git", () => {
    // Without a trailing slash: a worktree's `.venv-test` symlink to the main checkout's is ignored too.
    const ignored = readFileSync(join(ROOT, ".gitignore"), "utf8").split("\n");
    expect(ignored).toContain("/.venv-test");
    expect(ignored).toContain("/.venv-tools");
  });
});

describe.skipIf(!venvReady())("the example project on a real Django (npm run test:django)", () => {
  beforeAll(requireBuild);

  it("passes its suite before and after the migration and reproduces the asyncio.run bug", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "scripts/test-django.mjs"), "--quiet"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, ASYNCSHIFT_DJANGO: "5.2" },
    });
    const lines = result.stdout.trim().split("\n");
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(lines.at(-1)).toMatch(
      /^django-proof: Django 5\.2, before \d+ passed, after \d+ passed.*, bug reproduced: yes$/,
    );
  }, 300_000);
});
