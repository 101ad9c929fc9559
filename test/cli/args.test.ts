import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
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

/** A Django project with two task modules that both hold a site. */
function twoTasks(): string {
  return tempProject({
    "requirements.txt": REQUIREMENTS,
    "app/signals.py": TASK,
    "app/tasks.py": TASK,
    "x/other.py": TASK,
  });
}

function json(stdout: string) {
  return JSON.parse(stdout) as { transforms: string[]; files: { path: string }[] };
}

describe("flags take one value per use", () => {
  it("-t takes one transform and leaves the paths after it alone", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["-t", "asyncio-run", "app/", "--format", "json"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const doc = json(result.stdout);
    expect(doc.transforms).toEqual(["asyncio-run"]);
    expect(doc.files.map((f) => f.path)).toEqual(["app/signals.py", "app/tasks.py"]);
  });

  it("-t a,b is a comma list, and -t may be repeated", () => {
    const dir = twoTasks();
    const comma = json(asyncshift(dir, ["-t", "to-thread,asyncio-run", "--format=json"]).stdout);
    expect(comma.transforms).toEqual(["to-thread", "asyncio-run"]);
    const repeated = json(
      asyncshift(dir, ["-t", "native-orm", "-t", "asyncio-run", "--format", "json"]).stdout,
    );
    expect(repeated.transforms).toEqual(["native-orm", "asyncio-run"]);
  });

  it("--exclude and --include take one glob; --write touches only the named file", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["--write", "--exclude", "x/**", "app/signals.py"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, "app/signals.py"), "utf8")).toContain("async_to_sync");
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
    expect(readFileSync(join(dir, "x/other.py"), "utf8")).toBe(TASK);
    const included = json(
      asyncshift(dir, ["--include", "app/t*.py", "app/", "--format", "json"]).stdout,
    );
    expect(included.files.map((f) => f.path)).toEqual(["app/tasks.py"]);
  });
});

describe("paths after --", () => {
  it("are paths: --write -- FILE rewrites only that file", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["--write", "--", "app/tasks.py"]);
    expect(result.code).toBe(0);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toContain("async_to_sync");
    expect(readFileSync(join(dir, "app/signals.py"), "utf8")).toBe(TASK);
    expect(readFileSync(join(dir, "x/other.py"), "utf8")).toBe(TASK);
  });

  it("a missing path after -- is a usage error (exit 2)", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["--", "/missing"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("/missing: no such file or folder");
  });

  it("a path spelled like a flag or a subcommand after -- is a path", () => {
    const dir = twoTasks();
    writeFileSync(join(dir, "--write"), "");
    mkdirSync(join(dir, "list"));
    writeFileSync(join(dir, "list/a.py"), TASK);
    const result = asyncshift(dir, ["--format", "json", "--", "list"]);
    expect(result.code).toBe(0);
    expect(json(result.stdout).files.map((f) => f.path)).toEqual(["list/a.py"]);
  });
});

describe("messages", () => {
  it("every missing path is named", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["nope/", "app/", "gone.py"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("nope: no such file or folder");
    expect(result.stderr).toContain("gone.py: no such file or folder");
  });

  it("a mistyped flag gets a 'did you mean', with no camelCase spelling", () => {
    const dir = twoTasks();
    const dry = asyncshift(dir, ["--dry-run", "."]);
    expect(dry.code).toBe(2);
    expect(dry.stderr).toContain("unknown flag --dry-run");
    expect(dry.stderr).toContain("a dry run is the default");
    expect(dry.stderr).not.toContain("dryRun");
    const fix = asyncshift(dir, ["--fix", "."]);
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain("unknown flag --fix: did you mean --write?");
    const typo = asyncshift(dir, ["--unsafe-fix", "."]);
    expect(typo.stderr).toContain("did you mean --unsafe-fixes?");
    expect(typo.stderr).not.toContain("unsafeFix");
  });

  it("a swapped pair of letters gets a 'did you mean' too", () => {
    const dir = twoTasks();
    for (const [typed, meant] of [
      ["--wirte", "--write"],
      ["--chekc", "--check"],
      ["--unsafe-fxies", "--unsafe-fixes"],
    ]) {
      const result = asyncshift(dir, [typed, "."]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`unknown flag ${typed}: did you mean ${meant}?`);
    }
  });

  it("a value given to a flag that takes none is a usage error, not a silent dry run", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["--write=yes", "app/tasks.py"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--write takes no value (given --write=yes)");
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
    expect(asyncshift(dir, ["report", "--color=yes", "."]).code).toBe(2);
    // Paths after -- are paths, whatever they look like.
    expect(asyncshift(dir, ["--check", "--", "--write=yes"]).stderr).toContain(
      "--write=yes: no such file or folder",
    );
  });

  it("a value outside a flag's choices names the flag and its choices in one line", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["--format", "xml", "."]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'asyncshift: --format must be one of text, json, sarif, github, not "xml"\n' +
        "Run `asyncshift --help` for usage.\n",
    );
  });

  it("ruff's `check .` and `fix .` say which flag to use", () => {
    const dir = twoTasks();
    const check = asyncshift(dir, ["check", "."]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain("did you mean `asyncshift --check .`?");
    const fix = asyncshift(dir, ["fix", "app/tasks.py"]);
    expect(fix.code).toBe(2);
    expect(fix.stderr).toContain("did you mean `asyncshift --write app/tasks.py`?");
    // A folder of that name is a path as always.
    mkdirSync(join(dir, "check"));
    expect(asyncshift(dir, ["check"]).code).toBe(0);
  });

  it("--check says how to apply what it found pending", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["--check", "app/"]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(
      "Run `asyncshift --write app/` to apply these changes, or `asyncshift -i app/` to review each one.",
    );
  });

  it("--check with many paths (pre-commit's staged files) says how to apply without listing them", () => {
    const dir = twoTasks();
    const paths = ["app/signals.py", "app/tasks.py", "x/other.py", "app/", "x/", "."];
    const result = asyncshift(dir, ["--check", ...paths]);
    expect(result.code).toBe(1);
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(
      "Run `asyncshift --write` on the 6 paths given to apply these changes, or `asyncshift -i` to review each one.",
    );
  });

  it("ASYNCSHIFT_NODE pointing nowhere says so (the Python wrapper)", () => {
    const result = spawnSync(
      "python3",
      [join(ROOT, "python/asyncshift/__main__.py"), "--version"],
      {
        encoding: "utf8",
        env: { ...process.env, ASYNCSHIFT_NODE: "/nowhere/node" },
      },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      "ASYNCSHIFT_NODE is '/nowhere/node', which is not an executable",
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
  });

  it("a flag without its value says which", () => {
    const dir = twoTasks();
    const result = asyncshift(dir, ["-t"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/-t|transform/);
    expect(result.stderr).not.toContain("internal error");
  });

  it("explain with no code lists the codes", () => {
    const result = asyncshift(ROOT, ["explain"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("AS101");
    expect(result.stdout).toContain("AS999");
    expect(result.stdout).toContain("asyncshift explain CODE");
  });

  it("a folder named like a subcommand is a path when spelled ./report", () => {
    const dir = twoTasks();
    mkdirSync(join(dir, "report"));
    writeFileSync(join(dir, "report/a.py"), TASK);
    const result = asyncshift(dir, ["./report", "--format", "json"]);
    expect(result.code).toBe(0);
    expect(json(result.stdout).files.map((f) => f.path)).toEqual(["report/a.py"]);
  });

  it("a bare subcommand name that is also a folder here runs the subcommand, with a note", () => {
    const dir = twoTasks();
    mkdirSync(join(dir, "list"));
    const result = asyncshift(dir, ["list"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("asyncio-run");
    expect(result.stderr).toContain(
      "note: `list` is the list subcommand; for the folder or file here, write ./list",
    );
  });

  it("--stdin-filename with --format json prints one JSON document", () => {
    const dir = twoTasks();
    const result = asyncshift(
      dir,
      ["--stdin-filename", "app/tasks.py", "--format", "json", "--django"],
      TASK,
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as {
      files: { path: string; changed: boolean; edits: unknown[] }[];
      summary: { filesScanned: number; filesChanged: number };
    };
    expect(doc.files.map((f) => [f.path, f.changed])).toEqual([["app/tasks.py", true]]);
    expect(doc.summary.filesChanged).toBe(1);
    expect(result.stderr).toBe("");
  });
});
