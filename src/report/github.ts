import type { ReportedDiagnostic } from "../engine/pipeline.js";
import type { RunResult } from "../model/results.js";
import type { Registry } from "../model/registry.js";
import { summaryLine } from "./text.js";

/** Workflow command names by severity: GitHub shows them as annotations on the pull request. */
const COMMAND = { error: "error", warning: "warning", info: "notice" } as const;

/** Escaping of a workflow command's message (GitHub's toolkit `escapeData`). */
function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escaping of a property value: also `:` and `,`, which delimit properties. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

function annotation(
  command: "error" | "warning" | "notice",
  path: string,
  where: { line: number; column: number; endLine: number; endColumn: number },
  title: string,
  message: string,
): string {
  const properties = [
    `file=${escapeProperty(path)}`,
    `line=${where.line}`,
    `col=${where.column}`,
    `endLine=${where.endLine}`,
    // GitHub accepts endColumn only on a single-line annotation.
    ...(where.endLine === where.line ? [`endColumn=${where.endColumn}`] : []),
    `title=${escapeProperty(title)}`,
  ];
  return `::${command} ${properties.join(",")}::${escapeData(message)}`;
}

function diagnosticLine(path: string, d: ReportedDiagnostic): string {
  const message =
    d.suggestion !== undefined ? `${d.message}\nSuggestion: ${d.suggestion}` : d.message;
  return annotation(COMMAND[d.severity], path, d, d.code, message);
}

/** Where an annotation goes in the output: GitHub shows only the first ten of each level per step. */
const ORDER = { error: 0, warning: 1, notice: 2 } as const;

/**
 * GitHub Actions workflow commands: errors first, then warnings (diagnostics by severity), then
 * the rest as notices (info diagnostics, one per pending rewrite and line, run notices), then the
 * summary as a plain line. Within a level, files and lines keep their order.
 */
export function formatGithub(result: RunResult, registry: Registry): string {
  const annotations: { level: keyof typeof ORDER; text: string }[] = [];
  for (const file of result.files) {
    for (const d of file.diagnostics)
      annotations.push({ level: COMMAND[d.severity], text: diagnosticLine(file.path, d) });
    if (file.status === "changed" && !file.written)
      for (const site of file.fixes ?? [])
        annotations.push({
          level: "notice",
          text: annotation(
            "notice",
            file.path,
            site,
            site.code,
            `${site.message}: ${site.source} would rewrite it; run asyncshift --write (or \`asyncshift ${file.path}\` to see the diff)`,
          ),
        });
  }
  for (const notice of result.notices)
    annotations.push({
      level: "notice",
      text: `::notice title=asyncshift::${escapeData(notice.message)}`,
    });
  // Array.prototype.sort is stable: the order within a level is the files' and lines'.
  const lines = annotations.sort((a, b) => ORDER[a.level] - ORDER[b.level]).map((a) => a.text);
  lines.push(summaryLine(result, registry));
  return lines.join("\n") + "\n";
}
