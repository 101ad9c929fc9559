import { cpSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { runCli, requireBuild, ROOT, tempFolders } from "../helpers/cli.js";
import { compileWithCPython } from "../helpers/compile.js";

const EXAMPLES = join(ROOT, "examples");

function asyncshift(cwd: string, ...args: string[]) {
  return runCli(cwd, args);
}

/** Every file under `dir` and its bytes, by relative path. */
function snapshotTree(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      // The project index's cache is the tool's own (like .ruff_cache), not a change to the code.
      if (entry.isDirectory()) {
        if (entry.name !== ".asyncshift_cache") walk(path);
      } else files.set(relative(dir, path), readFileSync(path, "latin1"));
    }
  };
  walk(dir);
  return files;
}

const temps = tempFolders("asyncshift-cli-");
function exampleCopy(): string {
  const dir = temps.make();
  cpSync(EXAMPLES, dir, { recursive: true });
  return dir;
}

beforeAll(requireBuild);
afterEach(temps.removeAll);

describe("asyncshift on the example project", () => {
  it("dry run prints a diff and leaves every file untouched", () => {
    const dir = exampleCopy();
    const before = snapshotTree(dir);
    const { stdout, code } = asyncshift(dir, ".");
    expect(stdout).toContain("--- a/shop/tasks.py");
    expect(stdout).toContain("+from asgiref.sync import async_to_sync");
    expect(stdout).toMatch(/\d+ files scanned; \d+ files to change/);
    expect([0, 1]).toContain(code);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("--check exits 1 while changes are pending, and 0 after --write", () => {
    const dir = exampleCopy();
    expect(asyncshift(dir, "--check", ".", "--no-diff").code).toBe(1);
    const written = asyncshift(dir, "--write", ".");
    expect(written.stdout).toMatch(/\d+ files rewritten/);
    const after = asyncshift(dir, "--check", ".", "-t", "asyncio-run");
    expect(after.stdout).toMatch(/0 files would change/);
    expect(after.stdout).not.toContain("--- a/");
  });

  it("--write rewrites files that still compile, and a second run changes nothing", () => {
    const dir = exampleCopy();
    const before = snapshotTree(dir);
    asyncshift(dir, "--write", ".");
    const after = snapshotTree(dir);
    const changed = [...after].filter(([path, text]) => before.get(path) !== text);
    expect(changed.map(([path]) => path)).toContain("shop/tasks.py");
    // Skipped by asyncio-run: tests and management commands own their event loop.
    expect(after.get("shop/tests/test_tasks.py")).toBe(before.get("shop/tests/test_tasks.py"));
    expect(after.get("shop/management/commands/import_catalog.py")).toBe(
      before.get("shop/management/commands/import_catalog.py"),
    );
    const verdicts = compileWithCPython(
      new Map(
        changed
          .filter(([p]) => p.endsWith(".py"))
          .map(([p]) => [p, readFileSync(join(dir, p), "utf8")]),
      ),
    );
    expect([...verdicts.values()].filter(Boolean)).toEqual([]);
    const again = asyncshift(dir, "--write", ".", "--format", "json");
    expect(JSON.parse(again.stdout).summary.filesChanged).toBe(0);
    expect(snapshotTree(dir)).toEqual(after);
  });

  it("--format json prints one document with the documented fields", () => {
    const dir = exampleCopy();
    const { stdout } = asyncshift(dir, ".", "--format", "json");
    const doc = JSON.parse(stdout);
    expect(doc.version).toBe(1);
    expect(doc.summary).toMatchObject({
      filesScanned: expect.any(Number),
      filesChanged: expect.any(Number),
    });
    const tasks = doc.files.find((f: { path: string }) => f.path === "shop/tasks.py");
    expect(tasks.changed).toBe(true);
    expect(tasks.edits[0]).toEqual({
      transform: expect.any(String),
      line: expect.any(Number),
      column: expect.any(Number),
      endLine: expect.any(Number),
      endColumn: expect.any(Number),
      before: expect.any(String),
      after: expect.any(String),
    });
    for (const file of doc.files)
      for (const d of file.diagnostics)
        expect(d).toMatchObject({
          code: expect.stringMatching(/^AS\d{3}$/),
          severity: expect.stringMatching(/^(error|warning|info)$/),
          line: expect.any(Number),
          column: expect.any(Number),
          message: expect.any(String),
        });
  });

  it("reports a file with a syntax error and leaves it untouched", () => {
    const dir = exampleCopy();
    const broken = join(dir, "shop/broken.py");
    const text = "import asyncio\n\ndef sync_it(:\n    asyncio.run(go())\n";
    writeFileSync(broken, text);
    const { stdout, code } = asyncshift(dir, "--write", ".");
    expect(stdout).toMatch(/shop\/broken\.py:3:\d+: AS900 syntax error on line 3/);
    expect(code).toBe(1);
    expect(readFileSync(broken, "utf8")).toBe(text);
  });

  it("never touches a Python 2 file tree-sitter parses cleanly (print statement): AS900, and report says so", () => {
    const dir = exampleCopy();
    const old = join(dir, "shop/legacy_sync.py");
    const text =
      'import asyncio\n\n\ndef sync_it(ids):\n    print "syncing", ids\n    asyncio.run(go(ids))\n';
    writeFileSync(old, text);
    const { stdout, code } = asyncshift(dir, "--write", ".");
    expect(stdout).toMatch(
      /shop\/legacy_sync\.py:5:5: AS900 syntax error on line 5 \(a Python 2 print statement, which Python 3 does not accept\)/,
    );
    expect(code).toBe(1);
    expect(readFileSync(old, "utf8")).toBe(text);
    const report = asyncshift(dir, "report", ".");
    expect(report.stdout).toContain(
      "shop/legacy_sync.py: syntax error on line 5 (a Python 2 print statement)",
    );
  });

  it("keeps CRLF line endings, a BOM and the file mode when writing", () => {
    const dir = exampleCopy();
    const file = join(dir, "shop/crlf_task.py");
    const text =
      "\uFEFFimport asyncio\r\n\r\n\r\ndef refresh(repo):\r\n    asyncio.run(fetch(repo))\r\n";
    writeFileSync(file, text, { mode: 0o640 });
    asyncshift(dir, "--write", "shop/crlf_task.py");
    const out = readFileSync(file, "utf8");
    expect(out.startsWith("\uFEFF")).toBe(true);
    expect(out).toContain("async_to_sync(fetch)(repo)\r\n");
    expect(out.replace(/\r\n/g, "")).not.toContain("\n");
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });
});

describe("asyncshift command line", () => {
  it("runs the transforms named by -t, in the order given", () => {
    const dir = exampleCopy();
    const doc = JSON.parse(asyncshift(dir, ".", "-t", "asyncio-run", "--format", "json").stdout);
    expect(doc.transforms).toEqual(["asyncio-run"]);
  });

  it("rejects an unknown transform with exit 2", () => {
    const { code, stderr } = asyncshift(EXAMPLES, ".", "-t", "no-such-thing");
    expect(code).toBe(2);
    expect(stderr).toContain('unknown transform "no-such-thing"');
  });

  it("rejects a path that does not exist with exit 2", () => {
    const { code, stderr } = asyncshift(EXAMPLES, "missing/");
    expect(code).toBe(2);
    expect(stderr).toContain("missing: no such file or folder");
  });

  it("rejects --write with --check, and a malformed --django-version", () => {
    const dir = exampleCopy();
    const before = snapshotTree(dir);
    const both = asyncshift(dir, ".", "--write", "--check");
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("mutually exclusive");
    expect(snapshotTree(dir)).toEqual(before);
    const bad = asyncshift(dir, ".", "--django-version", "four");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--django-version");
  });

  it("says once what a Django-only transform still does without Django", () => {
    const dir = temps.make();
    writeFileSync(join(dir, "script.py"), "import asyncio\n\ndef main():\n    asyncio.run(go())\n");
    const { stdout, code } = asyncshift(dir, ".");
    expect(
      stdout.match(
        /asyncio-run: no Django found in the project; only asyncio.run\(\) and run_until_complete\(\) inside async def/g,
      ),
    ).toHaveLength(1);
    expect(stdout).not.toContain("async_to_sync");
    expect(code).toBe(0);
    const forced = asyncshift(dir, ".", "--django");
    expect(forced.stdout).toContain("async_to_sync(go)()");
  });

  it("anchors [tool.asyncshift] globs at the pyproject.toml's folder, wherever it runs from", () => {
    const parent = temps.make();
    const project = join(parent, "proj");
    cpSync(EXAMPLES, project, { recursive: true });
    writeFileSync(
      join(project, "pyproject.toml"),
      readFileSync(join(project, "pyproject.toml"), "utf8") +
        '\n[tool.asyncshift]\nexclude = ["shop/tasks.py"]\n',
    );
    const fromOutside = JSON.parse(asyncshift(parent, "proj", "--format", "json").stdout);
    const paths = fromOutside.files.map((f: { path: string }) => f.path);
    expect(paths).toContain("proj/shop/views.py");
    expect(paths).not.toContain("proj/shop/tasks.py");
  });

  it("counts unwrapped thread calls in the summary (to-thread unwrap mode)", () => {
    const dir = exampleCopy();
    const { stdout } = asyncshift(
      dir,
      ".",
      "-t",
      "to-thread",
      "--to-thread",
      "unwrap",
      "--no-diff",
    );
    const warned = stdout.match(/: AS302 unwrapped/g)?.length ?? 0;
    expect(warned).toBeGreaterThan(0);
    expect(stdout).toContain(
      `${warned} unwrapped call${warned === 1 ? "" : "s"} now blocking the event loop`,
    );
  });

  it("lists transforms with their codes and explains a code", () => {
    const list = asyncshift(ROOT, "list");
    expect(list.stdout).toMatch(/asyncio-run\n.*\n\s+AS101/);
    const explain = asyncshift(ROOT, "explain", "as101");
    expect(explain.code).toBe(0);
    expect(explain.stdout).toContain("AS101 (asyncio-run");
    expect(explain.stdout).toContain("After:");
    expect(asyncshift(ROOT, "explain", "AS000").code).toBe(2);
  });

  it("shows examples in --help", () => {
    const help = asyncshift(ROOT, "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
    expect(help.stdout).toContain("--unsafe-fixes");
  });
});
