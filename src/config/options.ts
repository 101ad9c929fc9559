import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { OptionValue, TransformOption, TransformSettings } from "../model/types.js";
import { RUNNER_CODES } from "../model/codes.js";
import type { Mode } from "../model/results.js";
import type { Registry } from "../model/registry.js";

export type { Mode };
export type Format = "text" | "json" | "sarif" | "github";

/** The formatter run on changed files (`format-with`): `auto` is the one the project configures. */
export type FormatterChoice = "auto" | "ruff" | "black" | "none";
export const FORMATTER_CHOICES: readonly FormatterChoice[] = ["auto", "ruff", "black", "none"];

/** Everything one run needs, from `[tool.asyncshift]` and the command line (which wins). */
export interface Options {
  paths: string[];
  mode: Mode;
  /** Transform ids, in the order they run; empty means all, in canonical order. */
  transforms: string[];
  format: Format;
  diff: boolean;
  quiet: boolean;
  color: boolean;
  verbose: boolean;
  jobs: number;
  include: string[];
  exclude: string[];
  unsafeFixes: boolean;
  django: boolean;
  djangoVersion?: string;
  /** Per transform id, the settings given (by option name); defaults are filled by makeContext. */
  settings: TransformSettings;
  /** Per transform id, globs of files it does not touch (replacing its defaults). */
  skip: Record<string, string[]>;
  /** The pyproject.toml the settings came from, if any. */
  configFile?: string;
  /** Write even files that have uncommitted changes in their git work tree. */
  allowDirty: boolean;
  /** Only files changed since this git revision, plus untracked ones. */
  changedSince?: string;
  /** Keep the project index in `.asyncshift_cache/` under the project root. */
  cache: boolean;
  /** Codes never reported: `ignore` and `extend-ignore` of the file, then --extend-ignore. */
  ignore: string[];
  /** Report `# asyncshift: ignore` comments that suppressed nothing (AS910). */
  reportUnusedIgnores: boolean;
  /** The formatter run on changed files: `auto` is the one the project configures. */
  formatWith: FormatterChoice;
  /**
   * The project's test command (`--verify`, `verify` in [tool.asyncshift]): run before and after
   * a --write or -i run, which keeps only the write groups it passes with. Never run by a dry run
   * or --check, so a pull request's configuration cannot make CI run it.
   */
  verify?: string;
  /** Seconds one run of the verify command may take before it is stopped. */
  verifyTimeout: number;
}

/** A configuration problem the user must fix: exit code 2, message names the key and file. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

export const DEFAULT_OPTIONS: Omit<Options, "paths"> = {
  mode: "dry-run",
  transforms: [],
  format: "text",
  diff: true,
  quiet: false,
  color: false,
  verbose: false,
  jobs: 1,
  include: [],
  exclude: [],
  unsafeFixes: false,
  django: false,
  settings: {},
  skip: {},
  allowDirty: false,
  cache: true,
  ignore: [],
  reportUnusedIgnores: false,
  formatWith: "auto",
  verifyTimeout: 1800,
};

/** Does this pyproject.toml text hold a [tool.asyncshift] table (in any TOML spelling)? */
function mentionsOurTable(file: string, text: string): boolean {
  if (!text.includes("asyncshift")) return false;
  const tool = (parseDocument(file, text).tool as Record<string, unknown> | undefined)?.asyncshift;
  return tool !== undefined;
}

/**
 * The nearest pyproject.toml at or above `start` that has a [tool.asyncshift] table. A
 * pyproject.toml without one is passed over, so a sub-package's own pyproject.toml does not hide
 * the repository's settings.
 */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !statSync(dir).isDirectory()) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, "pyproject.toml");
    if (existsSync(candidate) && mentionsOurTable(candidate, readFileSync(candidate, "utf8")))
      return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function parseDocument(file: string, text: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    const where = error as { line?: number; column?: number; message: string };
    const position = where.line ? ` (line ${where.line}, column ${where.column ?? 1})` : "";
    throw new ConfigError(
      `${file}: not valid TOML${position}: ${where.message.split("\n")[0].replace(/^Invalid TOML document: /, "")}`,
    );
  }
}

const VERSION = /^\d+\.\d+$/;

/** What one key gives: options, or (extend-exclude) globs added to a transform's skips. */
type ReadKey = Partial<Options> & {
  extendSkip?: Record<string, string[]>;
  extendIgnore?: string[];
};
type Reader = (value: unknown, key: string) => ReadKey;

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  if (value instanceof Date) return "a date";
  if (typeof value === "object") return "a table";
  return `${typeof value === "string" ? "the string" : `the ${typeof value}`} ${JSON.stringify(value)}`;
}

function expectStringList(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw new ConfigError(`${key} must be a list of strings, not ${describe(value)}`);
  return value as string[];
}

function expectBoolean(value: unknown, key: string): boolean {
  if (typeof value !== "boolean")
    throw new ConfigError(`${key} must be true or false, not ${describe(value)}`);
  return value;
}

function expectSeconds(value: unknown, key: string): number {
  if (typeof value !== "number" || !(value > 0) || !Number.isFinite(value))
    throw new ConfigError(`${key} must be a number of seconds above 0, not ${describe(value)}`);
  return value;
}

function expectTable(value: unknown, key: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value) || value instanceof Date)
    throw new ConfigError(`${key} must be a table, not ${describe(value)}`);
  return value as Record<string, unknown>;
}

function knownTransformIds(registry: Registry): string[] {
  return registry.map((t) => t.meta.id);
}

/** Every code a run can report: the transforms' and the runner's. */
function knownCodes(registry: Registry): string[] {
  return [...registry.flatMap((t) => Object.keys(t.meta.codes)), ...Object.keys(RUNNER_CODES)];
}

/** A list of diagnostic codes, each known (a typo would silently ignore nothing). */
export function expectCodes(value: unknown, key: string, registry: Registry): string[] {
  const codes = expectStringList(value, key).map((c) => c.trim().toUpperCase());
  const known = knownCodes(registry);
  const unknown = codes.filter((c) => !known.includes(c));
  if (unknown.length > 0)
    throw new ConfigError(
      `${key}: unknown code ${unknown.map((c) => `"${c}"`).join(", ")} (\`asyncshift explain\` lists them)`,
    );
  return codes;
}

/** Keys of [tool.asyncshift], with how each is read. Anything else is an error. */
const keysOf = (registry: Registry): Record<string, Reader> => ({
  include: (v, k) => ({ include: expectStringList(v, k) }),
  exclude: (v, k) => ({ exclude: expectStringList(v, k) }),
  transforms: (v, k) => {
    const ids = expectStringList(v, k);
    const unknown = ids.filter((id) => !knownTransformIds(registry).includes(id));
    if (unknown.length > 0)
      throw new ConfigError(
        `${k}: unknown transform ${unknown.map((id) => `"${id}"`).join(", ")} ` +
          `(available: ${knownTransformIds(registry).join(", ")})`,
      );
    return { transforms: ids };
  },
  "unsafe-fixes": (v, k) => ({ unsafeFixes: expectBoolean(v, k) }),
  django: (v, k) => ({ django: expectBoolean(v, k) }),
  "django-version": (v, k) => {
    // A bare number is refused: TOML reads 4.10 as 4.1, which would target the wrong release.
    if (typeof v === "number")
      throw new ConfigError(`${k} must be a quoted string like "4.2", not the number ${v}`);
    if (typeof v !== "string" || !VERSION.test(v))
      throw new ConfigError(`${k} must be a version like "4.2", not ${describe(v)}`);
    return { djangoVersion: v };
  },
  ignore: (v, k) => ({ ignore: expectCodes(v, k, registry) }),
  "extend-ignore": (v, k) => ({ extendIgnore: expectCodes(v, k, registry) }),
  "report-unused-ignores": (v, k) => ({ reportUnusedIgnores: expectBoolean(v, k) }),
  verify: (v, k) => {
    if (typeof v !== "string" || v.trim() === "")
      throw new ConfigError(`${k} must be a command line like "pytest -x -q", not ${describe(v)}`);
    return { verify: v };
  },
  "verify-timeout": (v, k) => ({ verifyTimeout: expectSeconds(v, k) }),
  format: (v, k) => {
    if (!FORMATTER_CHOICES.includes(v as FormatterChoice))
      throw new ConfigError(
        `${k} must be one of ${FORMATTER_CHOICES.map((c) => `"${c}"`).join(", ")}, not ${describe(v)}`,
      );
    return { formatWith: v as FormatterChoice };
  },
});

const skipReader =
  (id: string): Reader =>
  (v, k) => ({ skip: { [id]: expectStringList(v, k) } });

/** A reader for one declared transform option: its value, type-checked, under settings[id][name]. */
function settingReader(id: string, name: string, option: TransformOption): Reader {
  return (v, k) => {
    const value = checkedSetting(option, v, k);
    return { settings: { [id]: { [name]: value } } };
  };
}

export function checkedSetting(option: TransformOption, v: unknown, k: string): OptionValue {
  let value: OptionValue;
  if (option.type === "boolean") value = expectBoolean(v, k);
  else if (option.type === "choice") {
    if (typeof v !== "string" || !option.choices?.includes(v))
      throw new ConfigError(
        `${k} must be ${option.choices?.map((c) => `"${c}"`).join(" or ")}, not ${describe(v)}`,
      );
    value = v;
  } else {
    const table = expectTable(v, k);
    for (const [from, to] of Object.entries(table)) {
      if (typeof to !== "string")
        throw new ConfigError(`${k}."${from}" must be a string, not ${describe(to)}`);
      const problem = option.entryProblem?.(from, to);
      if (problem) throw new ConfigError(`${k}."${from}": ${problem}`);
    }
    value = table as Record<string, string>;
  }
  return value;
}

/** `extend-exclude`: the transform's default skips (or its `exclude`), then these. */
const extendSkipReader =
  (id: string): Reader =>
  (v, k) => ({ extendSkip: { [id]: expectStringList(v, k) } });

/** Skips after `exclude` (which replaces the defaults) and `extend-exclude` (which adds to them). */
function withExtendedSkips(
  skip: Record<string, string[]>,
  extend: Record<string, string[]>,
  registry: Registry,
): Record<string, string[]> {
  const merged = { ...skip };
  for (const [id, globs] of Object.entries(extend)) {
    const base = merged[id] ?? registry.find((t) => t.meta.id === id)?.meta.defaultSkip ?? [];
    merged[id] = [...base, ...globs];
  }
  return merged;
}

/** Keys of one transform's table, [tool.asyncshift.<id>]: `exclude`, `extend-exclude`, then what it declares. */
function transformKeys(id: string, registry: Registry): Record<string, Reader> {
  const declared = registry.find((t) => t.meta.id === id)?.meta.options ?? {};
  const readers: Record<string, Reader> = {
    exclude: skipReader(id),
    "extend-exclude": extendSkipReader(id),
  };
  for (const [name, option] of Object.entries(declared))
    readers[option.key] = settingReader(id, name, option);
  return readers;
}

/** Two partial option sets merged, the second winning, per-transform tables merged key by key. */
function mergedOptions(a: Partial<Options>, b: Partial<Options>): Partial<Options> {
  const settings: TransformSettings = { ...a.settings };
  for (const [id, values] of Object.entries(b.settings ?? {}))
    settings[id] = { ...settings[id], ...values };
  return { ...a, ...b, skip: { ...a.skip, ...b.skip }, settings };
}

/** Options from the [tool.asyncshift] table of a pyproject.toml; unknown keys and wrong types throw. */
export function optionsFromFile(file: string, registry: Registry): Partial<Options> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(
      `${file}: cannot read the configuration file (${code === "ENOENT" ? "no such file" : (code ?? (error as Error).message)})`,
    );
  }
  const document = parseDocument(file, text);
  const tool = document.tool === undefined ? undefined : expectToolTable(file, document.tool);
  const table = tool?.asyncshift;
  if (table === undefined) return { configFile: file };
  let result: Partial<Options> = { configFile: file, skip: {}, settings: {} };
  const extended: Record<string, string[]> = {};
  const extraIgnore: string[] = [];
  try {
    for (const [key, value] of Object.entries(expectTable(table, "tool.asyncshift"))) {
      const name = `tool.asyncshift.${key}`;
      if (knownTransformIds(registry).includes(key)) {
        const readers = transformKeys(key, registry);
        for (const [sub, subValue] of Object.entries(expectTable(value, name))) {
          const reader = readers[sub];
          if (!reader)
            throw new ConfigError(
              `unknown key ${name}.${sub} (known: ${Object.keys(readers).join(", ")})`,
            );
          const { extendSkip, ...read } = reader(subValue, `${name}.${sub}`);
          result = mergedOptions(result, read);
          Object.assign(extended, extendSkip);
        }
        continue;
      }
      const keys = keysOf(registry);
      const reader = keys[key];
      if (!reader)
        throw new ConfigError(
          `unknown key ${name} (known: ${[...Object.keys(keys), ...knownTransformIds(registry).map((id) => `[${id}]`)].join(", ")})`,
        );
      const { extendIgnore, ...read } = reader(value, name);
      Object.assign(result, read);
      if (extendIgnore) extraIgnore.push(...extendIgnore);
    }
  } catch (error) {
    if (error instanceof ConfigError) throw new ConfigError(`${file}: ${error.message}`);
    throw error;
  }
  return {
    ...result,
    skip: withExtendedSkips(result.skip ?? {}, extended, registry),
    ...(result.ignore || extraIgnore.length > 0
      ? { ignore: [...(result.ignore ?? []), ...extraIgnore] }
      : {}),
  };
}

function expectToolTable(file: string, tool: unknown): Record<string, unknown> {
  try {
    return expectTable(tool, "tool");
  } catch (error) {
    throw new ConfigError(`${file}: ${(error as Error).message}`);
  }
}

export function isDjangoVersion(text: string): boolean {
  return VERSION.test(text);
}

/** Settings given by the caller (command line or API); undefined means "not given". */
export type GivenOptions = Partial<Options> & {
  /** A pyproject.toml to read instead of the nearest one; false reads none. */
  config?: string | false;
};

/**
 * Defaults, then [tool.asyncshift] (nearest pyproject.toml above the first path), then `given`;
 * transform ids, tables and codes are checked against `registry`.
 */
export function resolveOptions(given: GivenOptions, registry: Registry): Options {
  const paths = given.paths && given.paths.length > 0 ? given.paths : ["."];
  const configFile =
    given.config === false ? undefined : (given.config ?? findConfigFile(paths[0]));
  const fromFile = configFile ? optionsFromFile(configFile, registry) : {};
  const defined = Object.fromEntries(
    Object.entries(given).filter(([key, value]) => value !== undefined && key !== "config"),
  ) as Partial<Options>;
  const options: Options = {
    ...DEFAULT_OPTIONS,
    ...mergedOptions(fromFile, defined),
    paths,
    // --extend-ignore adds to the file's codes, as its name says.
    ignore: [...(fromFile.ignore ?? []), ...(defined.ignore ?? [])],
    ...(configFile ? { configFile } : {}),
  } as Options;
  if (options.djangoVersion !== undefined && !isDjangoVersion(options.djangoVersion))
    throw new ConfigError(`--django-version must look like 4.2, not "${options.djangoVersion}"`);
  if (!Number.isInteger(options.jobs) || options.jobs < 1)
    throw new ConfigError(`--jobs must be a whole number of at least 1`);
  if (!(options.verifyTimeout > 0) || !Number.isFinite(options.verifyTimeout))
    throw new ConfigError(`--verify-timeout must be a number of seconds above 0`);
  return options;
}
