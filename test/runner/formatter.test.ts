import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../transforms/index.js";
import { ConfigError, optionsFromFile } from "../../src/config/options.js";
import { configuredFormatter, planFormatter } from "../../src/runner/formatter.js";
import { requireBuild, ROOT, runCli, tempFolders } from "../helpers/cli.js";

/** black and ruff from requirements-tools.txt, installed by scripts/python-tools.sh. */
const TOOLS_BIN = join(ROOT, ".venv-tools", "bin");
/** A PATH with no formatter on it. */
const BARE_PATH = "/usr/bin:/bin";

const temps = tempFolders("asyncshift-format-");
beforeAll(() => {
  requireBuild();
  // The real black and ruff, pinned in requirements-tools.txt: installed once (a no-op when the
  // venv is current, as in CI after .ci/run made it), never skipped.
  const made = spawnSync("bash", [join(ROOT, "scripts/python-tools.sh")], { encoding: "utf8" });
  if (made.status !== 0) throw new Error(`scripts/python-tools.sh failed: ${made.stderr}`);
  for (const tool of ["black", "ruff"])
    if (!existsSync(join(TOOLS_BIN, tool))) throw new Error(`${tool} missing from .venv-tools/`);
}, 600_000);
afterEach(temps.removeAll);

function project(pyproject: string, files: Record<string, string> = {}): string {
  const dir = temps.make();
  writeFileSync(join(dir, "pyproject.toml"), pyproject);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

describe("the formatter a project configures", () => {
  it.each([
    ["[tool.black]\nline-length = 100\n", "black"],
    ["[tool.ruff]\nline-length = 100\n", "ruff"],
    ["[tool.ruff.format]\nquote-style = 'single'\n", "ruff"],
    ["[tool.black]\n[tool.ruff.format]\n", "ruff"],
    ["[tool.black]\n[tool.ruff]\nselect = ['E']\n", "black"],
    ["[project]\nname = 'shop'\n", undefined],
    ["not [ toml", undefined],
  ])("%j -> %s", (pyproject, expected) => {
    expect(configuredFormatter(project(pyproject))).toBe(expected);
  });

  it("reads ruff.toml beside pyproject.toml", () => {
    const dir = project("[project]\nname = 'shop'\n", { "ruff.toml": "[format]\n" });
    expect(configuredFormatter(dir)).toBe("ruff");
  });
});

describe("planFormatter", () => {
  it("says when the configured formatter is not installed", () => {
    const dir = project("[tool.black]\n");
    const plan = planFormatter("auto", dir, BARE_PATH);
    expect(plan.command).toBeUndefined();
    expect(plan.notice).toMatch(/configures black but black is not installed/);
  });

  it("refuses an explicit formatter that is not installed", () => {
    const plan = planFormatter("ruff", project(""), BARE_PATH);
    expect(plan.error).toMatch(/--format-with ruff: ruff is not installed/);
  });

  it("finds the formatter in the project's .venv only when asked (--formatter-from-venv)", () => {
    const dir = project("[tool.black]\n", { ".venv/bin/black": "#!/bin/sh\ncat\n" });
    chmodSync(join(dir, ".venv/bin/black"), 0o755);
    expect(planFormatter("auto", join(dir, "app"), BARE_PATH, true).command).toEqual({
      name: "black",
      executable: join(dir, ".venv/bin/black"),
      cwd: dir,
    });
    const unasked = planFormatter("auto", join(dir, "app"), BARE_PATH);
    expect(unasked.command).toBeUndefined();
    expect(unasked.notice).toContain("runs only with --formatter-from-venv");
  });

  it("runs nothing with none, or when nothing is configured", () => {
    expect(planFormatter("none", project("[tool.black]\n"), BARE_PATH)).toEqual({});
    expect(planFormatter("auto", project("[project]\n"), BARE_PATH)).toEqual({});
  });

  it("format in [tool.asyncshift] takes only the four choices", () => {
    const ok = project('[tool.asyncshift]\nformat = "none"\n');
    expect(optionsFromFile(join(ok, "pyproject.toml"), TRANSFORMS).formatWith).toBe("none");
    const bad = project('[tool.asyncshift]\nformat = "yapf"\n');
    expect(() => optionsFromFile(join(bad, "pyproject.toml"), TRANSFORMS)).toThrow(ConfigError);
    expect(() => optionsFromFile(join(bad, "pyproject.toml"), TRANSFORMS)).toThrow(
      /format must be one of "auto", "ruff", "black", "none"/,
    );
  });
});

// Black-formatted before the run; the rewrite makes the call line 93 characters long.
const TASKS = `import asyncio

from celery import shared_task

from .clients import refresh_inventory_for_warehouse


@shared_task
def sync_inventory(warehouse_id, include_archived):
    return asyncio.run(refresh_inventory_for_warehouse(warehouse_id, include_archived))
`;

const FILES = { "requirements.txt": "Django==5.0\ncelery==5.4\n", "shop/tasks.py": TASKS };

function formatterCheck(tool: "black" | "ruff", dir: string) {
  const args = tool === "ruff" ? ["format", "--check", "."] : ["--check", "."];
  return spawnSync(join(TOOLS_BIN, tool), args, { cwd: dir, encoding: "utf8" });
}

describe.each(["black", "ruff"] as const)("with %s installed", (tool) => {
  const pyproject = tool === "black" ? "[tool.black]\n" : "[tool.ruff.format]\n";
  const env = { PATH: `${TOOLS_BIN}:${BARE_PATH}` };

  it("--write leaves files the formatter accepts; without it they fail", () => {
    const dir = project(pyproject, FILES);
    expect(formatterCheck(tool, dir).status).toBe(0);
    expect(runCli(dir, ["--write", "--format-with", "none", "."], env).code).toBe(0);
    expect(formatterCheck(tool, dir).status).toBe(1);

    writeFileSync(join(dir, "shop/tasks.py"), TASKS);
    const run = runCli(dir, ["--write", "."], env);
    expect(run.code).toBe(0);
    const written = readFileSync(join(dir, "shop/tasks.py"), "utf8");
    expect(written).toContain(
      "    return async_to_sync(refresh_inventory_for_warehouse)(\n" +
        "        warehouse_id, include_archived\n    )\n",
    );
    expect(formatterCheck(tool, dir).status).toBe(0);
    expect(runCli(dir, ["--check", "."], env).code).toBe(0);
  });

  it("the dry run runs no formatter (issue 22, item 6) and says the patch is unformatted", () => {
    const dir = project(pyproject, FILES);
    const { stdout, code } = runCli(dir, ["."], env);
    expect(code).toBe(0);
    expect(stdout).toContain(
      "+    return async_to_sync(refresh_inventory_for_warehouse)(warehouse_id, include_archived)\n",
    );
    expect(stdout).toContain(
      `note: ${tool} runs on the changed files only when they are written: the patch shows them before formatting`,
    );
    expect(readFileSync(join(dir, "shop/tasks.py"), "utf8")).toBe(TASKS);
  });
});

describe("the command line", () => {
  it("notes a configured formatter that is not installed, and still rewrites", () => {
    const dir = project("[tool.black]\n", FILES);
    const { stdout, code } = runCli(dir, ["--write", "."], { PATH: BARE_PATH });
    expect(code).toBe(0);
    expect(stdout).toMatch(/note: the project configures black but black is not installed/);
    expect(readFileSync(join(dir, "shop/tasks.py"), "utf8")).toContain("async_to_sync(");
  });

  it("says nothing of the formatter when no file changes", () => {
    const dir = project("[tool.black]\n", { ...FILES, "shop/tasks.py": "x = 1\n" });
    const { stdout, code } = runCli(dir, ["."], { PATH: BARE_PATH });
    expect(code).toBe(0);
    expect(stdout).not.toContain("note:");
  });

  it("exits 2 when --format-with names a formatter that is not installed", () => {
    const dir = project("", FILES);
    const { stderr, code } = runCli(dir, ["--format-with", "ruff", "."], { PATH: BARE_PATH });
    expect(code).toBe(2);
    expect(stderr).toMatch(/ruff is not installed/);
  });

  it("keeps the change unformatted, with AS912, when the formatter fails", () => {
    const dir = project("[tool.black]\n", {
      ...FILES,
      ".venv/bin/black": "#!/bin/sh\necho 'error: cannot format -: boom' >&2\nexit 123\n",
    });
    chmodSync(join(dir, ".venv/bin/black"), 0o755);
    const { stdout, code } = runCli(dir, ["--write", "--formatter-from-venv", "."], {
      PATH: BARE_PATH,
    });
    expect(stdout).toMatch(/AS912 black exited with 123: error: cannot format -: boom/);
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "shop/tasks.py"), "utf8")).toContain(
      "return async_to_sync(refresh_inventory_for_warehouse)(warehouse_id, include_archived)\n",
    );
  });
});
