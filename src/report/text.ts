import pc from "picocolors";
import { TRANSFORMS } from "../../transforms/index.js";
import type { FileResult } from "../runner/file-job.js";
import type { ReportedDiagnostic } from "../engine/pipeline.js";
import type { RunResult, Summary } from "../runner/run.js";

export interface TextOptions {
  color: boolean;
  diff: boolean;
  quiet: boolean;
  verbose: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

function colouredDiff(diff: string, c: Colors): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return c.bold(line);
      if (line.startsWith("@@")) return c.cyan(line);
      if (line.startsWith("+")) return c.green(line);
      if (line.startsWith("-")) return c.red(line);
      return line;
    })
    .join("\n");
}

const SEVERITY_COLOR = { error: "red", warning: "yellow", info: "blue" } as const;

export function formatDiagnostic(path: string, d: ReportedDiagnostic, c: Colors): string {
  const code = c[SEVERITY_COLOR[d.severity]](c.bold(d.code));
  let line = `${c.bold(path)}:${d.line}:${d.column}: ${code} ${d.message}`;
  if (d.suggestion !== undefined) {
    const suggestion = d.suggestion.includes("\n")
      ? "\n" + d.suggestion.replace(/^/gm, "      ")
      : ` ${d.suggestion}`;
    line += `\n  ${c.dim("suggestion:")}${suggestion}`;
  }
  return line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function summaryLine(result: RunResult): string {
  const s: Summary = result.summary;
  const changedVerb =
    result.mode === "write" ? "rewritten" : result.mode === "check" ? "would change" : "to change";
  const edits = Object.entries(s.editsByTransform)
    .map(([id, n]) => `${id} ${n}`)
    .join(", ");
  const parts = [
    `${plural(s.filesScanned, "file")} scanned`,
    `${plural(result.mode === "write" ? s.filesWritten : s.filesChanged, "file")} ${changedVerb}`,
    `edits: ${edits || "none"}`,
    `${plural(s.diagnostics, "diagnostic")} (${plural(s.errors, "error")}, ${plural(s.warnings, "warning")})`,
  ];
  // Codes whose count is a review list (unwrapped thread calls block the event loop again).
  for (const { meta } of TRANSFORMS)
    for (const [code, doc] of Object.entries(meta.codes)) {
      const count = s.diagnosticsByCode[code] ?? 0;
      if (doc.summaryNoun && count > 0)
        parts.push(`${count} ${doc.summaryNoun.replace("{s}", count === 1 ? "" : "s")}`);
    }
  const skipped = Object.entries(s.skippedByTransform).map(([id, n]) => `${n} by ${id}`);
  if (skipped.length > 0) parts.push(`skipped: ${skipped.join(", ")}`);
  if (s.filesSkipped > 0) parts.push(`${plural(s.filesSkipped, "file")} not processed`);
  if (s.filesFailed > 0) parts.push(`${plural(s.filesFailed, "file")} failed`);
  parts.push(`${s.seconds.toFixed(2)}s`);
  return parts.join("; ");
}

/** Diffs, then diagnostics as `path:line:col: CODE message`, then notices and one summary line. */
export function formatText(result: RunResult, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  if (options.diff && !options.quiet) {
    for (const file of result.files) {
      if (file.status === "changed" && file.diff) out.push(colouredDiff(file.diff.trimEnd(), c));
    }
  }
  const shown = (d: ReportedDiagnostic) => !options.quiet || d.severity === "error";
  for (const file of result.files) {
    // Transforms report in their own order; a reader wants the file top to bottom.
    const inOrder = [...file.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const d of inOrder) if (shown(d)) out.push(formatDiagnostic(file.path, d, c));
    if (options.verbose && file.status === "failed" && file.stack) out.push(c.dim(file.stack));
  }
  if (!options.quiet)
    for (const notice of result.notices) out.push(c.yellow(`note: ${notice.message}`));
  out.push(summaryLine(result));
  return out.join("\n") + "\n";
}

export type { FileResult };
