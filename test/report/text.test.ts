import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../../transforms/index.js";
import pc from "picocolors";
import { formatDiagnostic, formatText, patchRoot, summaryLine } from "../../src/report/text.js";
import type { RunResult } from "../../src/model/results.js";

function result(overrides: Partial<RunResult> = {}): RunResult {
  return {
    mode: "dry-run",
    writeGroups: [],
    transforms: ["asyncio-run"],
    project: { usesDjango: true, usesAsgiref: false, models: {} },
    targetDjangoVersion: "4.2",
    files: [
      {
        path: "app/tasks.py",
        status: "changed",
        edits: [],
        fixes: [],
        written: false,
        diff: "--- a/app/tasks.py\n+++ b/app/tasks.py\n@@ -1 +1 @@\n-x\n+y\n",
        skippedBy: [],
        diagnostics: [
          {
            code: "AS102",
            severity: "error",
            source: "asyncio-run",
            line: 9,
            column: 5,
            endLine: 9,
            endColumn: 20,
            message: "asyncio.run() inside async def",
            suggestion: "await f()",
          },
        ],
      },
    ],
    notices: [{ message: "a note" }],
    summary: {
      filesScanned: 2,
      filesChanged: 1,
      filesWritten: 0,
      filesSkipped: 0,
      filesFailed: 0,
      editsByTransform: { "asyncio-run": 3 },
      sitesByTransform: { "asyncio-run": 1 },
      skippedByTransform: {},
      diagnostics: 1,
      errors: 1,
      warnings: 0,
      diagnosticsByCode: { AS102: 1 },
      seconds: 0.5,
    },
    exitCode: 0,
    ...overrides,
  };
}

describe("text report", () => {
  const c = pc.createColors(false);
  it("writes a diagnostic as path:line:col: CODE message, with its suggestion", () => {
    const d = result().files[0].diagnostics[0];
    expect(formatDiagnostic("app/tasks.py", d, c)).toContain(
      "app/tasks.py:9:5: AS102 asyncio.run() inside async def",
    );
    expect(formatDiagnostic("app/tasks.py", d, c)).toContain("await f()");
  });
  it("counts sites in the summary line, not edits", () => {
    const line = summaryLine(result(), TRANSFORMS);
    expect(line).toContain("rewrites: asyncio-run 1 site");
    expect(line).toContain("1 diagnostic (1 error, 0 warnings)");
  });
  it("prints the diff, the diagnostics, the notes, the summary, then what to run next", () => {
    const text = formatText(result(), TRANSFORMS, {
      color: false,
      diff: true,
      quiet: false,
      verbose: false,
      paths: ["app"],
      cwd: ".",
    });
    const order = ["+++ b/app/tasks.py", "AS102", "note: a note", "rewrites:", "--write"].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((at, i) => at >= 0 && (i === 0 || at > order[i - 1]))).toBe(true);
  });
  it("with --write, names the files rewritten instead of showing their diffs", () => {
    const written = result({ mode: "write" });
    const file = written.files[0];
    if (file.status === "changed") file.written = true;
    const text = formatText(written, TRANSFORMS, {
      color: false,
      diff: false,
      quiet: false,
      verbose: false,
    });
    expect(text).toContain("Rewrote 1 file:\n  app/tasks.py");
    expect(text).not.toContain("+++");
  });
  it("relates patch paths to the working folder, or a folder above holding every file", () => {
    expect(patchRoot("/w/proj", ["/w/proj/app/a.py"])).toBe("/w/proj");
    expect(patchRoot("/w/proj/sub", ["/w/proj/app/a.py"])).toBe("/w/proj");
  });
});
