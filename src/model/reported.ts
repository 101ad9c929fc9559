import type { Applicability, Severity } from "./types.js";

/* What reports read of a file's run: positions in the file as it was read. */

/** An edit as reported to the user: positions in the file as it was read (1-based line and column). */
export interface ReportedEdit {
  transform: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  before: string;
  after: string;
}

/**
 * A site a transform rewrote (its fix applied): one per site whatever the number of edits, with
 * the code that names the rewrite. Positions in the file as it was read.
 */
export interface ReportedFix extends ReportedRange {
  code: string;
  /** The transform that rewrote it. */
  source: string;
  message: string;
  /** `safe`, or `unsafe` when `--unsafe-fixes` let it be applied. */
  applicability: Applicability;
}

/** 1-based positions in the file as it was read; columns count characters. */
export interface ReportedRange {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface ReportedDiagnostic extends ReportedRange {
  code: string;
  severity: Severity;
  /** The transform that emitted it, or "runner". */
  source: string;
  message: string;
  suggestion?: string;
  /** How sure the finding's fix is, when it has one: `safe`, `unsafe` (not applied without
   * `--unsafe-fixes`) or `display` (shown only). */
  fix?: Applicability;
}

/** A diagnostic of the runner itself (a file not read, not written, ...), at a line of the file. */
export function runnerDiagnostic(
  code: string,
  severity: ReportedDiagnostic["severity"],
  message: string,
  line = 1,
): ReportedDiagnostic {
  return {
    code,
    severity,
    source: "runner",
    line,
    column: 1,
    endLine: line,
    endColumn: 1,
    message,
  };
}
