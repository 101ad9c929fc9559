// Issue 7, bad input: each odd file gets a clear per-file result and diagnostic, nothing is lost or
// corrupted, and the run goes on (a well-formed file next to it is always migrated). Runs the
// runner in-process; end-to-end command-line cases are in e2e-reliability.test.ts.
import {
  chmodSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_OPTIONS, type Options } from "../../src/config/options.js";
import { decodeSource, loneCarriageReturnLine } from "../../src/project/source.js";
import {
  processFile,
  testHooks,
  writeAtomically,
  type FileJob,
} from "../../src/runner/file-job.js";
import type { FileResult } from "../../src/model/results.js";
import { discoverPythonFiles } from "../../src/runner/files.js";
import { transformSource } from "../../src/engine/pipeline.js";
import { run } from "../../src/runner/run.js";
import { TRANSFORMS } from "../../transforms/index.js";
import { SETUP } from "../../src/api.js";
import type { Transform } from "../../src/model/types.js";
import { compileWithCPython } from "../helpers/compile.js";

/** A sync function calling asyncio.run: asyncio-run rewrites it in any project with --django. */
const WORK = [
  "import asyncio",
  "",
  "",
  "async def fetch(n):",
  "    return n",
  "",
  "",
  "def handler(n):",
  "    return asyncio.run(fetch(n))",
  "",
].join("\n");

const temps: string[] = [];
afterEach(() => {
  testHooks.beforeWrite = undefined;
  while (temps.length) {
    const dir = temps.pop()!;
    chmodTree(dir);
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Makes everything under `dir` writable again so it can be removed. */
function chmodTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isSymbolicLink()) continue;
    chmodSync(path, entry.isDirectory() ? 0o755 : 0o644);
    if (entry.isDirectory()) chmodTree(path);
  }
}

/** A temp project: `files` written as given (strings as UTF-8), plus good.py that must change. */
function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), "asyncshift-rel-"));
  temps.push(dir);
  for (const [name, content] of Object.entries({ "good.py": WORK, ...files })) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

function options(paths: string[], more: Partial<Options> = {}): Options {
  return {
    ...DEFAULT_OPTIONS,
    paths,
    mode: "write",
    django: true,
    unsafeFixes: true,
    jobs: 1,
    ...more,
  };
}

function fileResult(results: FileResult[], name: string): FileResult {
  const found = results.find((r) => r.path.endsWith(`/${name}`));
  if (!found) throw new Error(`no result for ${name}: ${results.map((r) => r.path).join(", ")}`);
  return found;
}

const codes = (r: FileResult) => r.diagnostics.map((d) => d.code);

/** Runs a write over `dir`; the good file next to the odd one must always be migrated. */
async function writeRun(dir: string, more: Partial<Options> = {}) {
  const result = await run(options([dir], more), SETUP);
  const good = fileResult(result.files, "good.py");
  expect(good.status).toBe("changed");
  expect(readFileSync(join(dir, "good.py"), "utf8")).toContain("async_to_sync(fetch)(n)");
  return result;
}

function expectCompiles(sources: Record<string, string>): void {
  const verdicts = compileWithCPython(new Map(Object.entries(sources)));
  for (const [name, error] of verdicts) expect(error, name).toBeUndefined();
}

describe("bad input: a clear diagnostic per file, the run goes on", () => {
  it("syntax error: AS900 with the line, file byte-identical", async () => {
    const bad = "import asyncio\n\ndef handler(:\n    return asyncio.run(fetch())\n";
    const dir = project({ "bad.py": bad });
    const result = await writeRun(dir);
    const r = fileResult(result.files, "bad.py");
    expect(r.status).toBe("skipped");
    expect(codes(r)).toEqual(["AS900"]);
    expect(r.diagnostics[0].line).toBe(3);
    expect(readFileSync(join(dir, "bad.py"), "utf8")).toBe(bad);
    expect(result.exitCode).toBe(1);
  });

  it("not UTF-8 (Latin-1 with a coding cookie): AS902 naming the encoding, bytes untouched", async () => {
    const latin1 = Buffer.from(
      "# -*- coding: latin-1 -*-\nimport asyncio\nNAME = 'café'\n\ndef f():\n    asyncio.run(g())\n",
      "latin1",
    );
    const dir = project({ "legacy.py": latin1 });
    const result = await writeRun(dir);
    const r = fileResult(result.files, "legacy.py");
    expect(r.status).toBe("skipped");
    expect(codes(r)).toEqual(["AS902"]);
    expect(r.diagnostics[0].message).toContain("latin-1");
    expect(readFileSync(join(dir, "legacy.py")).equals(latin1)).toBe(true);
    expect(result.exitCode).toBe(0); // a warning, not an error
  });

  it("UTF-8 BOM: kept in the written file", async () => {
    const dir = project({ "bom.py": "\uFEFF# café\n" + WORK });
    await writeRun(dir);
    const bytes = readFileSync(join(dir, "bom.py"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8");
    expect(text).toContain("async_to_sync(fetch)(n)");
    expect(text.indexOf("\uFEFF", 1)).toBe(-1);
    expectCompiles({ "bom.py": text });
  });

  it("CRLF: every line ending stays CRLF, inserted import lines included", async () => {
    // asyncio stays imported in the second file, so the new import is a line of its own.
    const stillUsed = WORK.replace("    return n", "    await asyncio.sleep(0)\n    return n");
    const dir = project({
      "crlf.py": WORK.replace(/\n/g, "\r\n"),
      "crlf_insert.py": stillUsed.replace(/\n/g, "\r\n"),
    });
    await writeRun(dir);
    for (const name of ["crlf.py", "crlf_insert.py"]) {
      const text = readFileSync(join(dir, name), "utf8");
      expect(text, name).toContain("async_to_sync(fetch)(n)\r\n");
      expect(text, name).not.toMatch(/(?<!\r)\n/);
      expectCompiles({ [name]: text });
    }
    expect(readFileSync(join(dir, "crlf_insert.py"), "utf8")).toContain(
      "import asyncio\r\n\r\nfrom asgiref.sync import async_to_sync\r\n",
    );
  });

  it("CR-only line endings: AS907 on the line, file untouched (CPython and the parser disagree)", async () => {
    const cr = WORK.replace(/\n/g, "\r");
    const dir = project({ "mac.py": cr });
    const result = await writeRun(dir);
    const r = fileResult(result.files, "mac.py");
    expect(r.status).toBe("skipped");
    expect(codes(r)).toEqual(["AS907"]);
    expect(readFileSync(join(dir, "mac.py"), "utf8")).toBe(cr);
  });

  it("mixed line endings: LF with CRLF is migrated keeping each ending; a lone CR is AS907", async () => {
    const lines = WORK.split("\n");
    const mixed = lines
      .map((l, i) => l + (i === lines.length - 1 ? "" : i % 2 ? "\r\n" : "\n"))
      .join("");
    const withCr = "import asyncio\r\n# a comment\rasyncio.run(main())\n";
    const dir = project({ "mixed.py": mixed, "mixed_cr.py": withCr });
    const result = await writeRun(dir);
    const text = readFileSync(join(dir, "mixed.py"), "utf8");
    expect(text).toContain("async_to_sync(fetch)(n)");
    // Lines the rewrite did not touch keep their own ending.
    expect(text).toContain("async def fetch(n):\r\n    return n\n");
    expectCompiles({ "mixed.py": text });
    const r = fileResult(result.files, "mixed_cr.py");
    expect(codes(r)).toEqual(["AS907"]);
    expect(r.diagnostics[0].line).toBe(2);
    expect(readFileSync(join(dir, "mixed_cr.py"), "utf8")).toBe(withCr);
  });

  it("tabs: indentation kept, output compiles", async () => {
    const dir = project({ "tabs.py": WORK.replace(/ {4}/g, "\t") });
    await writeRun(dir);
    const text = readFileSync(join(dir, "tabs.py"), "utf8");
    expect(text).toContain("\treturn async_to_sync(fetch)(n)");
    expectCompiles({ "tabs.py": text });
  });

  it("empty file: unchanged, no diagnostic", async () => {
    const dir = project({ "empty.py": "", "__init__.py": "" });
    const result = await writeRun(dir);
    const r = fileResult(result.files, "empty.py");
    expect(r.status).toBe("unchanged");
    expect(r.diagnostics).toEqual([]);
    expect(statSync(join(dir, "empty.py")).size).toBe(0);
  });

  it("binary file named .py: AS903, bytes untouched", async () => {
    const binary = Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, ...Buffer.from("asyncio.run(")]);
    const dir = project({ "blob.py": binary });
    const result = await writeRun(dir);
    const r = fileResult(result.files, "blob.py");
    expect(r.status).toBe("skipped");
    expect(codes(r)).toEqual(["AS903"]);
    expect(readFileSync(join(dir, "blob.py")).equals(binary)).toBe(true);
  });

  it("deeply nested code: migrated when CPython accepts it; AS909 (not a crash) beyond any stack", async () => {
    // 90 nested blocks (CPython's limit is 100) and 150 nested parentheses (its limit is 200).
    let deep = WORK + "\n\ndef nested():\n";
    for (let i = 0; i < 90; i++) deep += " ".repeat(4 + i) + `if x${i}:\n`;
    deep +=
      " ".repeat(94) + "asyncio.run(fetch(" + "(".repeat(150) + "1" + ")".repeat(150) + "))\n";
    // Thousands of levels: CPython refuses it too, the run must not.
    const extreme =
      "import asyncio\n\ndef f():\n    asyncio.run(g(" +
      "(".repeat(30000) +
      "1" +
      ")".repeat(30000) +
      "))\n";
    const dir = project({ "deep.py": deep, "extreme.py": extreme });
    const result = await writeRun(dir);
    const text = readFileSync(join(dir, "deep.py"), "utf8");
    expect(text).toContain("async_to_sync(fetch)(" + "(".repeat(150));
    expectCompiles({ "deep.py": text });
    const r = fileResult(result.files, "extreme.py");
    expect(["AS909", "AS900"]).toContain(codes(r)[0]);
    expect(codes(r)).not.toContain("AS999");
    expect(readFileSync(join(dir, "extreme.py"), "utf8")).toBe(extreme);
  });

  it("links: one out of the given paths and a loop are AS908 and not followed; one inside stays a link", async () => {
    const outside = mkdtempSync(join(tmpdir(), "asyncshift-outside-"));
    temps.push(outside);
    writeFileSync(join(outside, "victim.py"), WORK);
    const dir = project({ "pkg/real.py": WORK });
    symlinkSync(join(outside, "victim.py"), join(dir, "out.py"));
    symlinkSync("loop_b.py", join(dir, "loop_a.py"));
    symlinkSync("loop_a.py", join(dir, "loop_b.py"));
    symlinkSync("pkg/real.py", join(dir, "alias.py"));
    symlinkSync("nowhere.py", join(dir, "dangling.py"));
    mkdirSync(join(dir, "sub"));
    symlinkSync("..", join(dir, "sub", "up")); // a folder loop: links to folders are never walked
    const result = await writeRun(dir);
    expect(readFileSync(join(outside, "victim.py"), "utf8")).toBe(WORK);
    expect(lstatSync(join(dir, "out.py")).isSymbolicLink()).toBe(true);
    for (const name of ["out.py", "loop_a.py", "loop_b.py", "dangling.py"]) {
      const r = fileResult(result.files, name);
      expect(r.status, name).toBe("skipped");
      expect(codes(r), name).toEqual(["AS908"]);
    }
    expect(fileResult(result.files, "out.py").diagnostics[0].message).toContain(
      "outside the given paths",
    );
    expect(fileResult(result.files, "loop_a.py").diagnostics[0].message).toContain("loop");
    // The link inside is processed once, through its target, and is still a link.
    expect(result.files.filter((r) => r.path.endsWith("real.py"))).toHaveLength(1);
    expect(result.files.some((r) => r.path.endsWith("alias.py"))).toBe(false);
    expect(lstatSync(join(dir, "alias.py")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "pkg/real.py"), "utf8")).toContain("async_to_sync");
    expect(result.exitCode).toBe(0);
  });

  it("a file that cannot be read: AS904 (chmod 000 when not root; a file gone after discovery always)", async () => {
    const dir = project({ "locked.py": WORK, "gone.py": WORK });
    chmodSync(join(dir, "locked.py"), 0o000);
    const root = process.getuid?.() === 0;
    // As root, chmod does not stop reads: that half is checked only where it can be.
    const job: FileJob = {
      file: join(dir, "gone.py"),
      path: "gone.py",
      transforms: [],
      options: { unsafeFixes: true, django: true, settings: {} },
      project: { usesDjango: true, usesAsgiref: false, models: {} },
      skip: {},
      write: true,
      wantDiff: false,
      keepText: false,
    };
    rmSync(join(dir, "gone.py"));
    const gone = processFile(job, TRANSFORMS);
    expect(gone.status).toBe("failed");
    expect(codes(gone)).toEqual(["AS904"]);
    expect(gone.diagnostics[0].message).toContain("ENOENT");
    const result = await writeRun(dir);
    const locked = fileResult(result.files, "locked.py");
    if (!root) {
      expect(locked.status).toBe("failed");
      expect(codes(locked)).toEqual(["AS904"]);
      expect(locked.diagnostics[0].message).toContain("EACCES");
      expect(result.exitCode).toBe(1);
    } else {
      // Root reads it, and refuses to replace it: its owner bit says read-only.
      expect(codes(locked)).toContain("AS905");
    }
    chmodSync(join(dir, "locked.py"), 0o644);
    expect(readFileSync(join(dir, "locked.py"), "utf8")).toBe(WORK);
  });

  it("read-only file under --write: AS905, file and mode untouched (even though rename could replace it)", async () => {
    const dir = project({ "frozen.py": WORK });
    chmodSync(join(dir, "frozen.py"), 0o444);
    const result = await writeRun(dir);
    const r = fileResult(result.files, "frozen.py");
    expect(r.status).toBe("failed");
    expect(codes(r)).toEqual(["AS905"]);
    expect(r.diagnostics[0].message).toContain("read-only");
    expect(readFileSync(join(dir, "frozen.py"), "utf8")).toBe(WORK);
    expect(statSync(join(dir, "frozen.py")).mode & 0o777).toBe(0o444);
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
    expect(result.exitCode).toBe(1);
  });

  it("file changed on disk between read and write: AS905, the other writer's text kept", async () => {
    const dir = project({ "busy.py": WORK });
    const theirs = WORK + "\n# saved by the editor meanwhile\n";
    testHooks.beforeWrite = (file) => {
      if (file.endsWith("busy.py")) writeFileSync(file, theirs);
    };
    const result = await writeRun(dir);
    const r = fileResult(result.files, "busy.py");
    expect(r.status).toBe("failed");
    expect(codes(r)).toEqual(["AS905"]);
    expect(r.diagnostics[0].message).toContain("changed on disk");
    expect(readFileSync(join(dir, "busy.py"), "utf8")).toBe(theirs);
  });

  it("a path that does not exist: PathError naming it (the CLI exits 2)", async () => {
    await expect(run(options(["/nonexistent/asyncshift/here.py"]), SETUP)).rejects.toThrow(
      /no such file or folder/,
    );
  });
});

describe("writeAtomically", () => {
  it("refuses when the bytes on disk are not the ones read, and leaves no temp file", () => {
    const dir = project({});
    const file = join(dir, "x.py");
    writeFileSync(file, "b = 2\n");
    expect(() => writeAtomically(file, Buffer.from("a = 1\n"), "c = 3\n")).toThrow(
      /changed on disk/,
    );
    expect(readFileSync(file, "utf8")).toBe("b = 2\n");
    expect(readdirSync(dir).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("keeps the mode and replaces the content in one rename", () => {
    const dir = project({});
    const file = join(dir, "x.py");
    writeFileSync(file, "a = 1\n");
    chmodSync(file, 0o750);
    writeAtomically(file, Buffer.from("a = 1\n"), "a = 2\n");
    expect(readFileSync(file, "utf8")).toBe("a = 2\n");
    expect(statSync(file).mode & 0o777).toBe(0o750);
  });

  it("never replaces a symbolic link by a regular file", () => {
    const dir = project({});
    writeFileSync(join(dir, "target.py"), "a = 1\n");
    symlinkSync("target.py", join(dir, "link.py"));
    expect(() => writeAtomically(join(dir, "link.py"), Buffer.from("a = 1\n"), "a = 2\n")).toThrow(
      /symbolic link/,
    );
    expect(lstatSync(join(dir, "link.py")).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, "target.py"), "utf8")).toBe("a = 1\n");
  });
});

describe("faults", () => {
  const throwing: Transform = {
    meta: { id: "boom", summary: "throws", codes: {}, triggers: ["asyncio"] },
    transform() {
      throw new TypeError("cannot read properties of undefined");
    },
  };

  it("an exception inside a transform is AS999 on that file, with the stack kept for --verbose", () => {
    const result = transformSource({
      source: WORK,
      path: "app/tasks.py",
      transforms: [throwing, ...TRANSFORMS],
      ctx: {
        options: { unsafeFixes: true, django: true, settings: {} },
        project: { usesDjango: true, usesAsgiref: false, models: {} },
      },
    });
    expect(result.status).toBe("failed");
    expect(result.output).toBe(WORK);
    expect(result.diagnostics.map((d) => d.code)).toContain("AS999");
    expect(result.diagnostics.at(-1)!.message).toContain("boom");
    expect(result.stack).toContain("TypeError");
  });

  it("run: the other files still finish and the exit code is 2 (fault injected through the test-only hook)", async () => {
    const dir = project({ "broken.py": WORK + "\n# FAULT-HERE\n" });
    process.env.ASYNCSHIFT_TEST_FAULT = "FAULT-HERE";
    try {
      const result = await writeRun(dir);
      const r = fileResult(result.files, "broken.py");
      expect(r.status).toBe("failed");
      expect(codes(r)).toEqual(["AS999"]);
      expect(r.status === "failed" && r.stack).toContain("injected fault");
      expect(readFileSync(join(dir, "broken.py"), "utf8")).toBe(WORK + "\n# FAULT-HERE\n");
      expect(result.exitCode).toBe(2);
    } finally {
      delete process.env.ASYNCSHIFT_TEST_FAULT;
    }
  });
});

describe("helpers", () => {
  it("loneCarriageReturnLine finds a CR that ends no CRLF pair", () => {
    expect(loneCarriageReturnLine("a\r\nb\r\n")).toBeUndefined();
    expect(loneCarriageReturnLine("a\nb\rc")).toBe(2);
  });

  it("decodeSource: NUL bytes are binary, invalid UTF-8 names its cookie", () => {
    expect("problem" in decodeSource(Buffer.from([0x61, 0, 0x62]))).toBe(true);
    const latin = decodeSource(Buffer.from("# coding: latin-1\nx = 'é'\n", "latin1"));
    expect("problem" in latin && latin.problem.code).toBe("AS902");
  });

  it("discovery never returns a path outside the given ones", () => {
    const outside = mkdtempSync(join(tmpdir(), "asyncshift-outside-"));
    temps.push(outside);
    writeFileSync(join(outside, "o.py"), WORK);
    const dir = project({});
    symlinkSync(join(outside, "o.py"), join(dir, "o.py"));
    symlinkSync(outside, join(dir, "folder_link"));
    const { files, notFollowed } = discoverPythonFiles([dir], { include: [], exclude: [] });
    expect(files.every((f) => f.startsWith(dir + "/"))).toBe(true);
    expect(notFollowed.map((n) => n.path)).toEqual([join(dir, "o.py")]);
  });
});
