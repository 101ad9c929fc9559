import type { FileResult, RunResult } from "../model/results.js";

/** Version of the JSON document's shape; bumped when a field changes meaning or goes away. */
export const JSON_SCHEMA_VERSION = 1;

/** One document: the files with something to say (edits or diagnostics), notices and the summary. */
export function formatJson(result: RunResult, toolVersion: string): string {
  return [...jsonChunks(result, toolVersion)].join("");
}

/**
 * The document `formatJson` returns, in pieces: the head, one piece per file, the tail. Printed
 * piece by piece, a large run's report never exists as one string (113 MB for 80,000 files).
 * The pieces are what `JSON.stringify(document, null, 2)` gives, byte for byte.
 */
export function* jsonChunks(result: RunResult, toolVersion: string): Generator<string> {
  const head = JSON.stringify(
    {
      version: JSON_SCHEMA_VERSION,
      tool: { name: "asyncshift", version: toolVersion },
      mode: result.mode,
      transforms: result.transforms,
      targetDjangoVersion: result.targetDjangoVersion,
    },
    null,
    2,
  );
  const tail = JSON.stringify(
    {
      notices: result.notices,
      summary: { ...result.summary, exitCode: result.exitCode },
    },
    null,
    2,
  );
  // Both are objects of 2-space-indented members: drop the closing and opening braces to splice.
  yield head.slice(0, -2) + ',\n  "files": [';
  let first = true;
  for (const file of result.files) {
    if (file.status !== "changed" && file.diagnostics.length === 0) continue;
    // Members of an array two levels down: every line indented by four more spaces.
    yield (
      (first ? "\n    " : ",\n    ") +
      JSON.stringify(jsonFile(file), null, 2).replace(/\n/g, "\n    ")
    );
    first = false;
  }
  yield (first ? "],\n" : "\n  ],\n") + tail.slice(2) + "\n";
}

function jsonFile(f: FileResult) {
  return {
    path: f.path,
    status: f.status,
    changed: f.status === "changed",
    edits: f.status === "changed" ? f.edits : [],
    // One per site rewritten, with the code that names the rewrite.
    fixes:
      f.status === "changed"
        ? (f.fixes ?? []).map(({ source, applicability: _, ...fix }) => ({
            ...fix,
            transform: source,
          }))
        : [],
    diagnostics: f.diagnostics.map(
      ({ code, severity, line, column, endLine, endColumn, message, suggestion, source }) => ({
        code,
        severity,
        transform: source,
        line,
        column,
        endLine,
        endColumn,
        message,
        ...(suggestion !== undefined ? { suggestion } : {}),
      }),
    ),
    ...(f.status === "skipped" || f.status === "failed" ? { reason: f.reason } : {}),
  };
}
