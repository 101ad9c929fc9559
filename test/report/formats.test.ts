import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../transforms/index.js";
import { applyHunks, hunksOf, namesLeftUnimported, showHunk } from "../../src/cli/interactive.js";
import { formatGithub } from "../../src/report/github.js";
import { formatJson, jsonChunks } from "../../src/report/json.js";
import type { RunResult } from "../../src/model/results.js";

describe("interactive hunks", () => {
  const before = "import a\r\nx = 1\r\ny = 2\r\nz = 3\r\n# café\r\nw = 4";
  const after = "import b\r\nx = 1\r\ny = 2\r\nz = 3\r\n# café\r\nw = 5";

  it("applies any subset byte for byte (CRLF, no final newline)", () => {
    const { parts, hunks } = hunksOf(before, after);
    expect(hunks).toHaveLength(2);
    expect(applyHunks(parts, hunks, new Set())).toBe(before);
    expect(applyHunks(parts, hunks, new Set([0, 1]))).toBe(after);
    expect(applyHunks(parts, hunks, new Set([1]))).toBe(before.replace("w = 4", "w = 5"));
  });

  it("shows a hunk as a unified diff fragment with context", () => {
    const { parts, hunks } = hunksOf(before, after);
    expect(showHunk(parts, hunks[1], false)).toBe(
      "@@ -3,4 +3,4 @@\n y = 2\n z = 3\n # café\n-w = 4\n+w = 5",
    );
  });

  it("finds names a partial choice leaves used but not imported", () => {
    const original = "import asyncio\nasyncio.run(f())\n";
    const full = "from asgiref.sync import async_to_sync\nasync_to_sync(f)()\n";
    expect(namesLeftUnimported(original, full, "async_to_sync(f)()\n")).toEqual(["async_to_sync"]);
    expect(
      namesLeftUnimported(
        original,
        full,
        "from asgiref.sync import async_to_sync\nasyncio.run(f())\n",
      ),
    ).toEqual(["asyncio"]);
    expect(namesLeftUnimported(original, full, full)).toEqual([]);
  });
});

describe("github annotations", () => {
  it("escapes %, newlines, and , : in properties", () => {
    const result = {
      mode: "check",
      transforms: [],
      files: [
        {
          path: "a,b:c%.py",
          status: "unchanged",
          skippedBy: [],
          diagnostics: [
            {
              code: "AS104",
              severity: "warning",
              source: "asyncio-run",
              line: 2,
              column: 3,
              endLine: 3,
              endColumn: 1,
              message: "100% sure\nnot",
            },
          ],
        },
      ],
      notices: [{ message: "note" }],
      summary: {
        filesScanned: 1,
        filesChanged: 0,
        filesWritten: 0,
        filesSkipped: 0,
        filesFailed: 0,
        editsByTransform: {},
        skippedByTransform: {},
        diagnostics: 1,
        errors: 0,
        warnings: 1,
        diagnosticsByCode: { AS104: 1 },
        seconds: 0,
      },
      exitCode: 0,
    } as unknown as RunResult;
    const lines = formatGithub(result, TRANSFORMS).split("\n");
    expect(lines[0]).toBe(
      "::warning file=a%2Cb%3Ac%25.py,line=2,col=3,endLine=3,title=AS104::100%25 sure%0Anot",
    );
    expect(lines[1]).toBe("::notice title=asyncshift::note");
  });
});

describe("json document", () => {
  const summary = {
    filesScanned: 3,
    filesChanged: 1,
    filesWritten: 0,
    filesSkipped: 1,
    filesFailed: 0,
    editsByTransform: { "asyncio-run": 1 },
    skippedByTransform: {},
    diagnostics: 1,
    errors: 0,
    warnings: 1,
    diagnosticsByCode: { AS902: 1 },
    seconds: 0.5,
  };
  const base = {
    mode: "dry-run",
    transforms: ["asyncio-run"],
    targetDjangoVersion: "4.2",
    notices: [{ transform: "native-orm", message: "did nothing" }],
    summary,
    exitCode: 0,
  };
  const changed = {
    path: "shop/tasks.py",
    status: "changed",
    skippedBy: [],
    written: false,
    diagnostics: [],
    edits: [
      {
        transform: "asyncio-run",
        line: 3,
        column: 5,
        endLine: 4,
        endColumn: 2,
        before: 'asyncio.run(f(x,\n  "é 😀"))',
        after: 'async_to_sync(f)(x,\n  "é 😀")',
      },
    ],
  };
  const skipped = {
    path: "legacy.py",
    status: "skipped",
    reason: "not valid UTF-8",
    skippedBy: [],
    diagnostics: [
      {
        code: "AS902",
        severity: "warning",
        source: "runner",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: "not valid UTF-8: skipped",
      },
    ],
  };
  const quiet = { path: "quiet.py", status: "unchanged", skippedBy: [], diagnostics: [] };

  it("prints, piece by piece, exactly what JSON.stringify gives for the whole document", () => {
    for (const files of [[changed, quiet, skipped], [quiet], []]) {
      const result = { ...base, files } as unknown as RunResult;
      const text = formatJson(result, "1.2.3");
      expect(text).toBe(JSON.stringify(JSON.parse(text), null, 2) + "\n");
      const document = JSON.parse(text) as { files: { path: string }[]; summary: object };
      expect(document.files.map((f) => f.path)).toEqual(
        files.filter((f) => f !== quiet).map((f) => f.path),
      );
      expect(document.summary).toEqual({ ...summary, exitCode: 0 });
      // A piece for the head and the tail, one per file reported: never the document at once.
      const pieces = [...jsonChunks(result, "1.2.3")];
      expect(pieces.join("")).toBe(text);
      expect(pieces.length).toBe(2 + document.files.length);
    }
  });
});
