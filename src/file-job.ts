import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { transformSource, type ReportedDiagnostic, type ReportedEdit } from "./pipeline.js";
import { factsOfFile, type FileFacts } from "./python/project.js";
import type { ProjectFacts, TransformOptions } from "./types.js";
import { TRANSFORMS, transformById } from "../transforms/index.js";

/** What a worker needs to process one file. Plain data: it crosses threads. */
export interface FileJob {
  /** Absolute path. */
  file: string;
  /** Path shown to the user and matched by skip globs. */
  path: string;
  transforms: string[];
  options: TransformOptions;
  project: ProjectFacts;
  skip: Record<string, string[]>;
  write: boolean;
  wantDiff: boolean;
  /** Keep the new text in the result (interactive review, stdin mode). */
  keepText: boolean;
}

interface FileResultBase {
  path: string;
  diagnostics: ReportedDiagnostic[];
  /** Transforms that skipped this file because of their skip globs. */
  skippedBy: string[];
}

/** The outcome of one file; every reporter reads this. */
export type FileResult =
  | (FileResultBase & {
      status: "changed";
      edits: ReportedEdit[];
      /** Unified diff of the change, when asked for. */
      diff?: string;
      written: boolean;
      original?: string;
      output?: string;
    })
  | (FileResultBase & { status: "unchanged" })
  | (FileResultBase & { status: "skipped"; reason: string })
  | (FileResultBase & { status: "failed"; reason: string; stack?: string });

// ignoreBOM keeps a byte-order mark in the text, so the pipeline can put it back on write.
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

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

/**
 * Write `text` to `file` atomically (temp file in the same folder, then rename), keeping the mode,
 * unless the file changed on disk since it was read as `original`.
 */
export function writeAtomically(file: string, original: Buffer, text: string): void {
  const current = readFileSync(file);
  if (!current.equals(original))
    throw new Error("the file changed on disk while it was processed; not overwritten");
  const mode = statSync(file).mode & 0o7777;
  const temp = join(
    dirname(file),
    `.${basename(file)}.asyncshift-${randomBytes(4).toString("hex")}.tmp`,
  );
  const fd = openSync(temp, "wx", mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    chmodSync(temp, mode);
    renameSync(temp, file);
  } catch (error) {
    try {
      unlinkSync(temp);
    } catch {
      // already gone
    }
    throw error;
  }
}

/** Read, transform, and (in write mode) write one file. Never throws: failures become results. */
export function processFile(job: FileJob): FileResult {
  const base = {
    path: job.path,
    diagnostics: [] as ReportedDiagnostic[],
    skippedBy: [] as string[],
  };
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.file);
  } catch (error) {
    const message = `cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    return {
      ...base,
      status: "failed",
      reason: message,
      diagnostics: [runnerDiagnostic("AS904", "error", message)],
    };
  }
  const decoded = decodeSource(bytes);
  if ("problem" in decoded) {
    return {
      ...base,
      status: "skipped",
      reason: decoded.problem.message,
      diagnostics: [decoded.problem],
    };
  }
  const transforms =
    job.transforms.length > 0 ? job.transforms.map((id) => transformById(id)!) : [...TRANSFORMS];
  const result = transformSource({
    source: decoded.text,
    path: job.path,
    transforms,
    ctx: { options: job.options, project: job.project },
    skipGlobs: job.skip,
  });
  const common = { path: job.path, diagnostics: result.diagnostics, skippedBy: result.skippedBy };
  switch (result.status) {
    case "unchanged":
      return { ...common, status: "unchanged" };
    case "syntax-error":
      return { ...common, status: "skipped", reason: "syntax error" };
    case "failed":
      return {
        ...common,
        status: "failed",
        reason: result.diagnostics.at(-1)?.message ?? "failed",
        ...(result.stack ? { stack: result.stack } : {}),
      };
  }
  let written = false;
  if (job.write) {
    try {
      writeAtomically(job.file, bytes, result.output);
      written = true;
    } catch (error) {
      const message = `not written: ${(error as Error).message}`;
      return {
        ...common,
        status: "failed",
        reason: message,
        diagnostics: [...common.diagnostics, runnerDiagnostic("AS905", "error", message)],
      };
    }
  }
  return {
    ...common,
    status: "changed",
    edits: result.edits,
    written,
    ...(job.wantDiff ? { diff: unifiedDiff(job.path, decoded.text, result.output) } : {}),
    ...(job.keepText ? { original: decoded.text, output: result.output } : {}),
  };
}

export function unifiedDiff(path: string, before: string, after: string): string {
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    context: 3,
  })
    .split("\n")
    .slice(1) // the "===" separator line
    .join("\n");
}

/** The pre-pass for one file; unreadable or undecodable files contribute nothing. */
export function factsOfPath(file: string): FileFacts | undefined {
  try {
    const decoded = decodeSource(readFileSync(file));
    return "text" in decoded ? factsOfFile(decoded.text) : undefined;
  } catch {
    return undefined;
  }
}
