import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import { run, transformSource } from "../src/index.js";
import { wantsProgress } from "../src/cli/progress.js";
import { REQUIREMENTS, removeTempProjects, TASK, tempProject } from "./helpers/project.js";

afterEach(removeTempProjects);

describe("transformSource(source, options)", () => {
  it("rewrites in memory with defaults, returning output, edits and diagnostics", () => {
    const result = transformSource(TASK, { transforms: ["asyncio-run"], django: true });
    expect(result.changed).toBe(true);
    expect(result.status).toBe("changed");
    expect(result.output).toContain("async_to_sync(fetch_price)(sku)");
    expect(result.edits.length).toBeGreaterThan(0);
    expect(result.edits.every((e) => e.transform === "asyncio-run" && e.line >= 1)).toBe(true);
    expect(result.diagnostics).toEqual([]);
  });

  it("says what a Django-only transform does without Django, and detects Django from the source's imports", () => {
    const plain = transformSource(TASK);
    expect(plain.changed).toBe(false);
    expect(plain.output).toBe(TASK);
    expect(plain.notices.join("\n")).toContain(
      "asyncio-run: no Django found; only asyncio.run() and run_until_complete() inside async def are reported",
    );
    const withImport = transformSource("from django.db import models\n" + TASK);
    expect(withImport.changed).toBe(true);
  });

  it("reads the project's dependency files from projectDir; the path decides the skip globs", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS });
    expect(transformSource(TASK, { projectDir: dir }).changed).toBe(true);
    const skipped = transformSource(TASK, { projectDir: dir, path: "tests/test_x.py" });
    expect(skipped.changed).toBe(false);
    expect(skipped.notices).toContain(
      "asyncio-run skipped tests/test_x.py (it matches the transform's skip globs)",
    );
    expect(
      transformSource(TASK, {
        projectDir: dir,
        path: "tests/test_x.py",
        skip: { "asyncio-run": [] },
      }).changed,
    ).toBe(true);
  });

  it("reports diagnostics with positions, applies unsafe fixes only when asked", () => {
    const source = "import asyncio\n\nasync def view():\n    asyncio.run(work())\n";
    const reported = transformSource(source, { django: true });
    expect(reported.diagnostics[0]).toMatchObject({
      code: "AS102",
      severity: "error",
      line: 4,
      column: 5,
    });
    expect(transformSource(source, { django: true, unsafeFixes: true }).output).toContain(
      "await work()",
    );
  });

  it("a syntax error leaves the text as it is, with AS900", () => {
    const result = transformSource("import asyncio\ndef f(:\n", { django: true });
    expect(result.status).toBe("syntax-error");
    expect(result.diagnostics[0].code).toBe("AS900");
  });

  it("an unknown transform is a usage error", () => {
    expect(() => transformSource("", { transforms: ["nope"] })).toThrow(api.UsageError);
  });
});

describe("run(paths, options)", () => {
  it("returns every file's result, reads [tool.asyncshift], and never prints", async () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "pyproject.toml": `[tool.asyncshift]\nexclude = ["**/skip.py"]\n`,
      "app/tasks.py": TASK,
      "app/skip.py": TASK,
    });
    const dry = await run([join(dir, "app")]);
    expect(dry.mode).toBe("dry-run");
    expect(dry.files.map((f) => f.status)).toEqual(["changed"]);
    expect(dry.summary.filesScanned).toBe(1);
    expect(dry.exitCode).toBe(0);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);

    const written = await run([join(dir, "app")], { mode: "write", config: false, keepText: true });
    expect(written.files).toHaveLength(2);
    const first = written.files[0];
    expect(first.status === "changed" && first.written && first.original === TASK).toBe(true);
    expect(readFileSync(join(dir, "app/skip.py"), "utf8")).toContain("async_to_sync");
  });

  it("configuration errors reject with ConfigError", async () => {
    const dir = tempProject({ "pyproject.toml": `[tool.asyncshift]\nnope = 1\n`, "a.py": "" });
    await expect(run([dir])).rejects.toThrow(api.ConfigError);
  });
});

describe("the package entry", () => {
  it("exports the API and the report formatters", () => {
    for (const name of [
      "transformSource",
      "run",
      "resolveOptions",
      "inventory",
      "formatJson",
      "formatSarif",
      "formatGithub",
      "TRANSFORMS",
    ])
      expect(api, name).toHaveProperty(name);
  });
});

describe("the package's helpers keep their signatures (the registry is bound in src/api.ts)", () => {
  it("resolveOptions, inventory and formatGithub take what they took before", async () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/tasks.py": TASK });
    const options = api.resolveOptions({ paths: [dir], config: false, cache: false });
    expect(options.transforms).toEqual([]);
    const inventory = await api.inventory(options);
    expect(inventory.files.map((f) => f.path).some((p) => p.endsWith("app/tasks.py"))).toBe(true);
    const result = await run([dir], { config: false, cache: false });
    expect(api.formatGithub(result)).toContain("asyncio-run");
  });
});

describe("progress", () => {
  it("only on a terminal, never with --quiet or in CI", () => {
    const ci = process.env.CI;
    delete process.env.CI;
    try {
      expect(wantsProgress({ isTTY: true }, false)).toBe(true);
      expect(wantsProgress({ isTTY: true }, true)).toBe(false);
      expect(wantsProgress({ isTTY: false }, false)).toBe(false);
      expect(wantsProgress({}, false)).toBe(false);
    } finally {
      if (ci !== undefined) process.env.CI = ci;
    }
  });
});
