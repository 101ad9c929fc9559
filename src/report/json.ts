import type { RunResult } from "../runner.js";

/** Version of the JSON document's shape; bumped when a field changes meaning or goes away. */
export const JSON_SCHEMA_VERSION = 1;

/** One document: the files with something to say (edits or diagnostics), notices and the summary. */
export function formatJson(result: RunResult, toolVersion: string): string {
  const files = result.files
    .filter((f) => f.status === "changed" || f.diagnostics.length > 0)
    .map((f) => ({
      path: f.path,
      status: f.status,
      changed: f.status === "changed",
      edits: f.status === "changed" ? f.edits : [],
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
    }));
  return (
    JSON.stringify(
      {
        version: JSON_SCHEMA_VERSION,
        tool: { name: "asyncshift", version: toolVersion },
        mode: result.mode,
        transforms: result.transforms,
        targetDjangoVersion: result.targetDjangoVersion,
        files,
        notices: result.notices,
        summary: { ...result.summary, exitCode: result.exitCode },
      },
      null,
      2,
    ) + "\n"
  );
}
