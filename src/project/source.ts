import { readFileSync } from "node:fs";
import { runnerDiagnostic, type ReportedDiagnostic } from "../model/reported.js";

/* Reading a Python source file: its bytes decoded as CPython would accept them, or why not. */

// ignoreBOM keeps a byte-order mark in the text, so the pipeline can put it back on write.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Decoded text, or why the file cannot be treated as Python source text. */
export function decodeSource(bytes: Buffer): { text: string } | { problem: ReportedDiagnostic } {
  if (bytes.includes(0)) {
    return {
      problem: runnerDiagnostic("AS903", "warning", "binary file (contains NUL bytes): skipped"),
    };
  }
  try {
    return { text: utf8.decode(bytes) };
  } catch {
    const cookie = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/m.exec(
      bytes.subarray(0, 400).toString("latin1"),
    );
    const declared = cookie ? ` (it declares ${cookie[1]})` : "";
    return {
      problem: runnerDiagnostic(
        "AS902",
        "warning",
        `not valid UTF-8${declared}: skipped, not guessed; convert it to UTF-8 to have it migrated`,
      ),
    };
  }
}

/** The line (1-based) of the first carriage return that does not end a CRLF pair, if any. */
export function loneCarriageReturnLine(text: string): number | undefined {
  // Most files hold no CR at all: a plain search answers faster than the pattern.
  if (!text.includes("\r")) return undefined;
  const at = text.search(/\r(?!\n)/);
  if (at < 0) return undefined;
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < at; i = text.indexOf("\n", i + 1)) line++;
  return line;
}

/** Why a file could not be read, as the reports say it. */
export function readFailure(error: unknown): string {
  return `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
}

/** The text of a file, or undefined when it cannot be read or decoded (the run reports why). */
export function textOfPath(file: string): string | undefined {
  try {
    const decoded = decodeSource(readFileSync(file));
    return "text" in decoded ? decoded.text : undefined;
  } catch {
    return undefined;
  }
}
