import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, statSync } from "node:fs";
import { delimiter, dirname, isAbsolute, join, resolve } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { FormatterChoice } from "../config/options.js";

/*
 * The project's formatter, run on the text of each file a run changes. Removing an outer call
 * can leave a line longer than the project allows, and `black --check` / `ruff format --check`
 * would then fail after `--write` (LibCST's codemod CLI runs the formatter for the same reason).
 * The text goes through the formatter's stdin mode, so the dry run's patch, `--check` and
 * `--write` all show and write the same formatted result.
 */

export type FormatterName = "ruff" | "black";

/** How a worker runs the formatter. Plain data: it crosses threads. */
export interface FormatterCommand {
  name: FormatterName;
  /** Absolute path of the executable. */
  executable: string;
  /** The project folder: the formatter reads its configuration from there. */
  cwd: string;
}

/** The formatter a run uses, or why none: a notice for the report, or an error (exit 2). */
export interface FormatterPlan {
  command?: FormatterCommand;
  notice?: string;
  error?: string;
}

/** The folder of the nearest pyproject.toml, ruff.toml or .ruff.toml at or above `start`. */
export function projectFolderOf(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    if (["pyproject.toml", "ruff.toml", ".ruff.toml"].some((f) => existsSync(join(dir, f))))
      return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * The formatter `folder` configures: `[tool.ruff.format]` (or a ruff.toml's `[format]`) first,
 * then `[tool.black]`, then any `[tool.ruff]` / ruff.toml (ruff's formatter reads that table).
 */
export function configuredFormatter(folder: string): FormatterName | undefined {
  const tool = tomlTable(join(folder, "pyproject.toml"))?.tool as
    Record<string, Record<string, unknown> | undefined> | undefined;
  const ruffFile = [".ruff.toml", "ruff.toml"]
    .map((f) => join(folder, f))
    .find((f) => existsSync(f));
  const ruffTable = ruffFile ? tomlTable(ruffFile) : undefined;
  if (tool?.ruff?.format !== undefined || ruffTable?.format !== undefined) return "ruff";
  if (tool?.black !== undefined) return "black";
  if (tool?.ruff !== undefined || ruffTable !== undefined) return "ruff";
  return undefined;
}

function tomlTable(file: string): Record<string, unknown> | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return parseToml(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch {
    // Not ours to judge: the formatter itself reports its broken configuration.
    return undefined;
  }
}

/**
 * The executable `name` on PATH, or (only when `fromVenv`: the user said so on the command line)
 * in the project's `.venv/` or `venv/`. A relative PATH entry is passed over: it names a folder
 * of the scanned tree (the working folder), whose programs never run unasked (issue 22, item 6).
 */
export function findExecutable(
  name: string,
  folder: string,
  searchPath = process.env.PATH ?? "",
  fromVenv = false,
): string | undefined {
  const dirs = [
    ...searchPath.split(delimiter).filter((dir) => isAbsolute(dir)),
    ...(fromVenv ? [join(folder, ".venv", "bin"), join(folder, "venv", "bin")] : []),
  ];
  for (const dir of dirs) {
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** Which formatter a run with `choice` uses, for a project at or above `start`. */
export function planFormatter(
  choice: FormatterChoice,
  start: string,
  searchPath = process.env.PATH ?? "",
  fromVenv = false,
): FormatterPlan {
  if (choice === "none") return {};
  const folder = projectFolderOf(start) ?? resolve(start);
  const name = choice === "auto" ? configuredFormatter(folder) : choice;
  if (!name) return {};
  const executable = findExecutable(name, folder, searchPath, fromVenv);
  if (executable) return { command: { name, executable, cwd: folder } };
  const inVenv = fromVenv ? undefined : findExecutable(name, folder, "", true);
  const where = fromVenv
    ? `not on PATH nor in ${join(folder, ".venv")}`
    : inVenv
      ? `not on PATH; the one in ${dirname(inVenv)} is part of the scanned tree and runs only with --formatter-from-venv`
      : "not on PATH";
  if (choice !== "auto")
    return { error: `--format-with ${name}: ${name} is not installed (${where})` };
  return {
    notice:
      `the project configures ${name} but ${name} is not installed (${where}): changed files ` +
      `are left as the transforms wrote them; install it or set format = "none"`,
  };
}

/** Command-line arguments that make the formatter read `path`'s text on stdin. */
function stdinArguments(name: FormatterName, path: string): string[] {
  return name === "ruff"
    ? ["format", "--quiet", "--stdin-filename", path, "-"]
    : ["--quiet", "--stdin-filename", path, "-"];
}

/** `text` formatted as `path` would be, or why the formatter failed (the text then stays). */
export function formatSource(
  command: FormatterCommand,
  path: string,
  text: string,
): { text: string } | { error: string } {
  // A byte-order mark stays where the file had it, whatever the formatter does with one.
  const bom = text.startsWith("\uFEFF") ? "\uFEFF" : "";
  const result = spawnSync(command.executable, stdinArguments(command.name, path), {
    cwd: command.cwd,
    input: text.slice(bom.length),
    encoding: "utf8",
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  // A formatter that fails before reading all of its input (a bad setting) makes the write end
  // with EPIPE: its exit status is still the answer.
  if (result.status !== null && result.status !== 0) {
    const reason = (result.stderr || result.stdout || "").trim().split("\n")[0];
    return { error: `${command.name} exited with ${result.status}${reason ? `: ${reason}` : ""}` };
  }
  if (result.error) return { error: `${command.name} did not run: ${result.error.message}` };
  if (result.status !== 0) return { error: `${command.name} was stopped (${result.signal})` };
  return { text: bom + result.stdout };
}
