import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { ToThreadMode } from "./types.js";

export type Mode = "dry-run" | "write" | "check";
export type Format = "text" | "json" | "sarif" | "github";

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
  toThreadMode: ToThreadMode;
  twins: Record<string, string>;
  /** Per transform id, globs of files it does not touch (replacing its defaults). */
  skip: Record<string, string[]>;
  /** The pyproject.toml the settings came from, if any. */
  configFile?: string;
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
  toThreadMode: "native",
  twins: {},
  skip: {},
};

/** The nearest pyproject.toml at or above `start` that has a [tool.asyncshift] table. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  if (existsSync(dir) && !isDirectory(dir)) dir = dirname(dir);
  for (;;) {
    const candidate = join(dir, "pyproject.toml");
    if (existsSync(candidate)) {
      const text = readFileSync(candidate, "utf8");
      if (/^\s*\[tool\.asyncshift[\].]/m.test(text)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function isDirectory(path: string): boolean {
  return statSync(path).isDirectory();
}

const VERSION = /^\d+\.\d+$/;

type Reader = (value: unknown, key: string) => Partial<Options>;

const stringList =
  (field: "include" | "exclude" | "transforms"): Reader =>
  (value, key) => ({ [field]: expectStringList(value, key) });

function expectStringList(value: unknown, key: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === "string"))
    throw new ConfigError(`${key} must be a list of strings`);
  return value as string[];
}

function expectBoolean(value: unknown, key: string): boolean {
  if (typeof value !== "boolean") throw new ConfigError(`${key} must be true or false`);
  return value;
}

/** Keys of [tool.asyncshift], with how each is read. Anything else is an error. */
const KEYS: Record<string, Reader> = {
  include: stringList("include"),
  exclude: stringList("exclude"),
  transforms: stringList("transforms"),
  "unsafe-fixes": (v, k) => ({ unsafeFixes: expectBoolean(v, k) }),
  django: (v, k) => ({ django: expectBoolean(v, k) }),
  "django-version": (v, k) => {
    const text = typeof v === "number" ? v.toFixed(1) : v;
    if (typeof text !== "string" || !VERSION.test(text))
      throw new ConfigError(`${k} must be a version like "4.2"`);
    return { djangoVersion: text };
  },
};

const TRANSFORM_KEYS: Record<string, Record<string, Reader>> = {
  "asyncio-run": {
    exclude: (v, k) => ({ skip: { "asyncio-run": expectStringList(v, k) } }),
  },
  "native-orm": {
    exclude: (v, k) => ({ skip: { "native-orm": expectStringList(v, k) } }),
  },
  "to-thread": {
    exclude: (v, k) => ({ skip: { "to-thread": expectStringList(v, k) } }),
    mode: (v, k) => {
      if (v !== "native" && v !== "unwrap")
        throw new ConfigError(`${k} must be "native" or "unwrap"`);
      return { toThreadMode: v };
    },
    twins: (v, k) => {
      if (typeof v !== "object" || v === null || Array.isArray(v))
        throw new ConfigError(`${k} must be a table of "sync.callee" = "async.callee"`);
      for (const [from, to] of Object.entries(v))
        if (typeof to !== "string") throw new ConfigError(`${k}."${from}" must be a string`);
      return { twins: v as Record<string, string> };
    },
  },
};

/** Options from the [tool.asyncshift] table of a pyproject.toml; unknown keys and wrong types throw. */
export function optionsFromFile(file: string): Partial<Options> {
  let document: Record<string, unknown>;
  try {
    document = parseToml(readFileSync(file, "utf8")) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${file}: not valid TOML: ${(error as Error).message.split("\n")[0]}`);
  }
  const tool = (document.tool as Record<string, unknown> | undefined)?.asyncshift;
  if (tool === undefined) return { configFile: file };
  if (typeof tool !== "object" || tool === null)
    throw new ConfigError(`${file}: [tool.asyncshift] must be a table`);
  const result: Partial<Options> = { configFile: file, skip: {} };
  for (const [key, value] of Object.entries(tool)) {
    const name = `tool.asyncshift.${key}`;
    try {
      if (key in TRANSFORM_KEYS) {
        if (typeof value !== "object" || value === null || Array.isArray(value))
          throw new ConfigError(`${name} must be a table`);
        for (const [sub, subValue] of Object.entries(value)) {
          const reader = TRANSFORM_KEYS[key][sub];
          if (!reader)
            throw new ConfigError(
              `unknown key ${name}.${sub} (known: ${Object.keys(TRANSFORM_KEYS[key]).join(", ")})`,
            );
          const read = reader(subValue, `${name}.${sub}`);
          Object.assign(result, { ...read, skip: { ...result.skip, ...read.skip } });
        }
        continue;
      }
      const reader = KEYS[key];
      if (!reader)
        throw new ConfigError(
          `unknown key ${name} (known: ${[...Object.keys(KEYS), ...Object.keys(TRANSFORM_KEYS)].join(", ")})`,
        );
      Object.assign(result, reader(value, name));
    } catch (error) {
      if (error instanceof ConfigError) throw new ConfigError(`${file}: ${error.message}`);
      throw error;
    }
  }
  return result;
}

export function isDjangoVersion(text: string): boolean {
  return VERSION.test(text);
}
