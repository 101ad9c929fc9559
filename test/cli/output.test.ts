import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { requireBuild } from "../helpers/cli.js";
import {
  asyncshift,
  removeTempProjects,
  REQUIREMENTS,
  ROOT,
  TASK,
  tempProject,
} from "../helpers/project.js";

beforeAll(requireBuild);
afterEach(removeTempProjects);

/** asyncio.run inside async def: AS102, an error-level diagnostic with no safe rewrite. */
const ERROR_ONLY = `import asyncio


async def handler(sku):
    asyncio.run(fetch_price(sku))
`;

function project(files: Record<string, string> = {}): string {
  return tempProject({
    "requirements.txt": REQUIREMENTS,
    "app/tasks.py": TASK,
    "app/signals.py": TASK,
    "app/clean.py": "def nothing():\n    return 1\n",
    ...files,
  });
}

describe("exit codes as black's", () => {
  it("the dry run is informative: exit 0 with changes pending and with an error diagnostic", () => {
    const dir = project({ "app/views.py": ERROR_ONLY });
    const result = asyncshift(dir, ["."]);
    expect(result.stdout).toContain("AS102");
    expect(result.stdout).toContain("+    async_to_sync(fetch_price)(sku)");
    expect(result.code).toBe(0);
  });

  it("--check is the gate: 1 when a change is pending, 1 on an error diagnostic, else 0", () => {
    expect(asyncshift(project(), ["--check", "."]).code).toBe(1);
    const errorOnly = tempProject({ "requirements.txt": REQUIREMENTS, "app/views.py": ERROR_ONLY });
    expect(asyncshift(errorOnly, ["--check", "."]).code).toBe(1);
    const clean = tempProject({ "app/clean.py": "def nothing():\n    return 1\n" });
    expect(asyncshift(clean, ["--check", "."]).code).toBe(0);
  });

  it("--write exits 0 once everything is applied, 1 when an error remains", () => {
    expect(asyncshift(project(), ["--write", "."]).code).toBe(0);
    expect(asyncshift(project({ "app/views.py": ERROR_ONLY }), ["--write", "."]).code).toBe(1);
  });

  it("usage errors are exit 2", () => {
    expect(asyncshift(project(), ["--write", "--check"]).code).toBe(2);
  });
});

describe("which files change, by name", () => {
  it("--check names each file that would change, and the diff is still shown", () => {
    const { stdout } = asyncshift(project(), ["--check", "."]);
    expect(stdout).toContain("Would rewrite 2 files:\n  app/signals.py\n  app/tasks.py\n");
    expect(stdout).toContain("--- a/app/tasks.py");
  });

  it("--no-diff and -q name the files instead of showing the diff", () => {
    const dir = project();
    for (const flag of ["--no-diff", "-q"]) {
      const { stdout, code } = asyncshift(dir, [flag, "."]);
      expect(stdout).toContain("Would rewrite 2 files:\n  app/signals.py\n  app/tasks.py\n");
      expect(stdout).not.toContain("--- a/");
      expect(code).toBe(0);
    }
  });

  it("--write says 'Rewrote N files' with their names, no diff; --diff shows it too", () => {
    const { stdout } = asyncshift(project(), ["--write", "."]);
    expect(stdout).toContain("Rewrote 2 files:\n  app/signals.py\n  app/tasks.py\n");
    expect(stdout).not.toContain("--- a/");
    const shown = asyncshift(project(), ["--write", "--diff", "app/tasks.py"]);
    expect(shown.stdout).toContain("--- a/app/tasks.py");
    expect(shown.stdout).toContain("Rewrote 1 file:\n  app/tasks.py\n");
  });

  it("a dry run with changes ends by saying what to run next, with the paths given", () => {
    const { stdout } = asyncshift(project(), ["app/"]);
    const last = stdout.trimEnd().split("\n").at(-1);
    expect(last).toBe(
      "Run `asyncshift --write app/` to apply these changes, or `asyncshift -i app/` to review each one.",
    );
    const nothing = asyncshift(project(), ["app/clean.py"]);
    expect(nothing.stdout).not.toContain("--write");
  });

  it("the README's first command over the examples exits 0 and says what to run next", () => {
    const result = asyncshift(ROOT, ["examples/"]);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toContain(
      "Run `asyncshift --write examples/`",
    );
    expect(readFileSync(join(ROOT, "README.md"), "utf8")).toContain("npx asyncshift examples/");
  });
});

describe("a file named on the command line", () => {
  it("but excluded by the configuration says so", () => {
    const dir = project({ "pyproject.toml": `[tool.asyncshift]\nexclude = ["app/tasks.py"]\n` });
    const { stdout, code } = asyncshift(dir, ["app/tasks.py"]);
    expect(stdout).toContain(
      "note: app/tasks.py: named on the command line but excluded by the exclude globs " +
        "(--exclude, or exclude in pyproject.toml); not processed",
    );
    expect(code).toBe(0);
  });
});
