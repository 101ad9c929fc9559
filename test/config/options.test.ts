import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  ConfigError,
  findConfigFile,
  optionsFromFile,
  resolveOptions,
} from "../../src/config/options.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";
import { TRANSFORMS } from "../../transforms/index.js";

afterEach(removeTempProjects);

/** The options read from a pyproject.toml with this text. */
function read(text: string) {
  const dir = tempProject({ "pyproject.toml": text });
  return {
    dir,
    file: join(dir, "pyproject.toml"),
    options: () => optionsFromFile(join(dir, "pyproject.toml"), TRANSFORMS),
  };
}

function errorOf(text: string): string {
  const { options } = read(text);
  try {
    options();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error("no error");
}

describe("per-transform excludes", () => {
  it("extend-exclude adds to the transform's default skips; exclude replaces them", () => {
    const defaults = TRANSFORMS.find((t) => t.meta.id === "asyncio-run")!.meta.defaultSkip!;
    expect(defaults.length).toBeGreaterThan(0);
    const extended = read(`[tool.asyncshift.asyncio-run]\nextend-exclude = ["scripts/**"]\n`);
    expect(extended.options().skip).toEqual({ "asyncio-run": [...defaults, "scripts/**"] });
    const both = read(
      `[tool.asyncshift.asyncio-run]\nextend-exclude = ["b/**"]\nexclude = ["a/**"]\n`,
    );
    expect(both.options().skip).toEqual({ "asyncio-run": ["a/**", "b/**"] });
    const replaced = read(`[tool.asyncshift.asyncio-run]\nexclude = ["a/**"]\n`);
    expect(replaced.options().skip).toEqual({ "asyncio-run": ["a/**"] });
  });

  it("well-formed twins load", () => {
    const { options } = read(
      `[tool.asyncshift.to-thread.twins]\n"redis_manager.*" = "async_redis_manager.*"\n"x.get" = "ax.get"\n`,
    );
    expect(Object.keys(options().settings?.["to-thread"]?.twins ?? {})).toHaveLength(2);
  });
});

describe("[tool.asyncshift] keys", () => {
  it("reads every key of the issue", () => {
    const { file, options } = read(`
[tool.asyncshift]
include = ["app/**"]
exclude = ["app/legacy/**"]
transforms = ["asyncio-run"]
django-version = "4.2"
unsafe-fixes = true
django = true

[tool.asyncshift.asyncio-run]
exclude = ["scripts/**"]

[tool.asyncshift.to-thread]
mode = "unwrap"
exclude = ["vendor/**"]

[tool.asyncshift.to-thread.twins]
"redis_manager.*" = "async_redis_manager.*"
`);
    expect(options()).toEqual({
      configFile: file,
      include: ["app/**"],
      exclude: ["app/legacy/**"],
      transforms: ["asyncio-run"],
      djangoVersion: "4.2",
      unsafeFixes: true,
      django: true,
      skip: { "asyncio-run": ["scripts/**"], "to-thread": ["vendor/**"] },
      settings: {
        "to-thread": { mode: "unwrap", twins: { "redis_manager.*": "async_redis_manager.*" } },
      },
    });
  });

  it("accepts dotted keys and inline tables", () => {
    const { options } = read(`tool.asyncshift.exclude = ["a/**"]\n`);
    expect(options().exclude).toEqual(["a/**"]);
    const inline = read(
      `[tool]\nasyncshift = { include = ["x/**"], asyncio-run = { exclude = [] } }\n`,
    );
    expect(inline.options()).toMatchObject({ include: ["x/**"], skip: { "asyncio-run": [] } });
  });

  it("a pyproject.toml without the table gives no settings", () => {
    const { file, options } = read(`[project]\nname = "x"\n`);
    expect(options()).toEqual({ configFile: file });
  });
});

describe("configuration errors name the key and the file", () => {
  it.each([
    [`[tool.asyncshift]\nincludes = ["a"]\n`, "unknown key tool.asyncshift.includes"],
    [
      `[tool.asyncshift.asyncio-run]\nskip = ["a"]\n`,
      "unknown key tool.asyncshift.asyncio-run.skip",
    ],
    [
      `[tool.asyncshift.to-thread]\nmodes = "native"\n`,
      "unknown key tool.asyncshift.to-thread.modes",
    ],
    [
      `[tool.asyncshift]\ninclude = "app/**"\n`,
      'tool.asyncshift.include must be a list of strings, not the string "app/**"',
    ],
    [
      `[tool.asyncshift]\nexclude = [1, 2]\n`,
      "tool.asyncshift.exclude must be a list of strings, not a list",
    ],
    [
      `[tool.asyncshift]\nunsafe-fixes = "yes"\n`,
      'tool.asyncshift.unsafe-fixes must be true or false, not the string "yes"',
    ],
    [
      `[tool.asyncshift]\ndjango = 1\n`,
      "tool.asyncshift.django must be true or false, not the number 1",
    ],
    [
      `[tool.asyncshift]\ndjango-version = 4.10\n`,
      'tool.asyncshift.django-version must be a quoted string like "4.2", not the number 4.1',
    ],
    [
      `[tool.asyncshift]\ndjango-version = "four"\n`,
      'tool.asyncshift.django-version must be a version like "4.2"',
    ],
    [
      `[tool.asyncshift]\ntransforms = ["asyncio-run", "nope"]\n`,
      'tool.asyncshift.transforms: unknown transform "nope"',
    ],
    [
      `[tool.asyncshift.to-thread]\nmode = "fast"\n`,
      'tool.asyncshift.to-thread.mode must be "native" or "unwrap", not the string "fast"',
    ],
    [
      `[tool.asyncshift.to-thread]\ntwins = ["a"]\n`,
      "tool.asyncshift.to-thread.twins must be a table, not a list",
    ],
    [
      `[tool.asyncshift.to-thread.twins]\n"a.*" = 3\n`,
      'tool.asyncshift.to-thread.twins."a.*" must be a string, not the number 3',
    ],
    [
      `[tool.asyncshift.to-thread.twins]\n"a.*.*" = "b.*"\n`,
      'tool.asyncshift.to-thread.twins."a.*.*": the replacement "b.*" has 1 `*` and the pattern 2',
    ],
    [
      `[tool.asyncshift.to-thread.twins]\n"redis.get" = "aredis get"\n`,
      'tool.asyncshift.to-thread.twins."redis.get": "aredis get" is not a dotted name',
    ],
    [
      `[tool.asyncshift.to-thread.twins]\n"redis..get" = "aredis.get"\n`,
      'tool.asyncshift.to-thread.twins."redis..get": "redis..get" is not a dotted name',
    ],
    [
      `[tool.asyncshift.asyncio-run]\nextend-exclude = "x/**"\n`,
      "tool.asyncshift.asyncio-run.extend-exclude must be a list of strings",
    ],
    [
      `[tool.asyncshift]\nasyncio-run = true\n`,
      "tool.asyncshift.asyncio-run must be a table, not the boolean true",
    ],
    [`[tool]\nasyncshift = 3\n`, "tool.asyncshift must be a table, not the number 3"],
    [`tool = "x"\n`, "tool must be a table"],
  ])("%s", (text, message) => {
    const { file } = read(text);
    const error = errorOf(text);
    expect(error).toContain(message);
    expect(error.startsWith(file.replace(/[^/]+\/pyproject\.toml$/, ""))).toBe(true);
    expect(error).toContain("pyproject.toml: ");
  });

  it("invalid TOML says where", () => {
    expect(errorOf(`[tool.asyncshift]\ninclude = ["a",\n`)).toMatch(
      /pyproject\.toml: not valid TOML \(line \d+, column \d+\)/,
    );
  });

  it("a --config file that does not exist", () => {
    expect(() => optionsFromFile("/nonexistent/pyproject.toml", TRANSFORMS)).toThrow(
      "/nonexistent/pyproject.toml: cannot read the configuration file (no such file)",
    );
  });
});

describe("finding the configuration", () => {
  it("takes the nearest pyproject.toml above the first path that has [tool.asyncshift]", () => {
    const dir = tempProject({
      "pyproject.toml": `[tool.asyncshift]\nexclude = ["x"]\n`,
      "pkg/pyproject.toml": `[project]\nname = "pkg"\n`,
      "pkg/app/tasks.py": "",
      "other/pyproject.toml": `[tool.asyncshift]\ninclude = ["y"]\n`,
      "other/mod.py": "",
    });
    expect(findConfigFile(join(dir, "pkg/app/tasks.py"))).toBe(join(dir, "pyproject.toml"));
    expect(findConfigFile(join(dir, "pkg/app"))).toBe(join(dir, "pyproject.toml"));
    expect(findConfigFile(join(dir, "other"))).toBe(join(dir, "other/pyproject.toml"));
  });

  it("an invalid pyproject.toml on the way up that mentions asyncshift is an error", () => {
    const dir = tempProject({ "pyproject.toml": `[tool.asyncshift\n`, "a.py": "" });
    expect(() => findConfigFile(join(dir, "a.py"))).toThrow(ConfigError);
  });
});

describe("resolveOptions: defaults, then the file, then what the caller gave", () => {
  const text = `[tool.asyncshift]\ninclude = ["app/**"]\nunsafe-fixes = true\ndjango-version = "4.1"\n[tool.asyncshift.asyncio-run]\nexclude = ["scripts/**"]\n`;

  it("file settings fill what is not given; given settings win", () => {
    const { dir } = read(text);
    const fromFile = resolveOptions({ paths: [dir] }, TRANSFORMS);
    expect(fromFile).toMatchObject({
      include: ["app/**"],
      unsafeFixes: true,
      djangoVersion: "4.1",
      skip: { "asyncio-run": ["scripts/**"] },
      mode: "dry-run",
      exclude: [],
      configFile: join(dir, "pyproject.toml"),
    });
    const overridden = resolveOptions(
      {
        paths: [dir],
        include: ["lib/**"],
        unsafeFixes: false,
        djangoVersion: "5.0",
        mode: "write",
      },
      TRANSFORMS,
    );
    expect(overridden).toMatchObject({
      include: ["lib/**"],
      unsafeFixes: false,
      djangoVersion: "5.0",
      mode: "write",
    });
  });

  it("undefined means not given, so the file's value stays", () => {
    const { dir } = read(text);
    expect(resolveOptions({ paths: [dir], unsafeFixes: undefined }, TRANSFORMS).unsafeFixes).toBe(
      true,
    );
  });

  it("config: false reads no file; config: FILE reads that one", () => {
    const { dir } = read(text);
    expect(resolveOptions({ paths: [dir], config: false }, TRANSFORMS).include).toEqual([]);
    const other = tempProject({ "custom.toml": `[tool.asyncshift]\nexclude = ["z/**"]\n` });
    const options = resolveOptions(
      { paths: [dir], config: join(other, "custom.toml") },
      TRANSFORMS,
    );
    expect(options.exclude).toEqual(["z/**"]);
    expect(options.include).toEqual([]);
  });

  it("a bad --django-version or --jobs is a usage error", () => {
    const dir = tempProject({});
    expect(() => resolveOptions({ paths: [dir], djangoVersion: "4" }, TRANSFORMS)).toThrow(
      '--django-version must look like 4.2, not "4"',
    );
    expect(() => resolveOptions({ paths: [dir], jobs: 0 }, TRANSFORMS)).toThrow("--jobs");
  });
});
