import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { createTwoFilesPatch } from "diff";
import { transformSource } from "../engine/pipeline.js";
import { decodeSource, loneCarriageReturnLine, readFailure } from "../project/source.js";
import type { ReportedDiagnostic } from "../model/reported.js";
import type { ProjectFacts, Transform, TransformOptions } from "../model/types.js";
import { transformById, type Registry } from "../model/registry.js";
import { formatSource, type FormatterCommand } from "./formatter.js";
import { runnerDiagnostic } from "../model/reported.js";
import type { FileResult } from "../model/results.js";
import { contentHash } from "../project/cache-folder.js";
import { quotedPatchName } from "../model/patch-name.js";

/**
 * What a worker is told about a file whatever it does with it (a run, a report): which file, and
 * how to look at it. Plain data: it crosses threads.
 */
export interface FileLook {
  /** Absolute path. */
  file: string;
  /** Path shown to the user and matched by skip globs. */
  path: string;
  /** Dotted module path from the project root. */
  module?: string;
  transforms: string[];
  options: TransformOptions;
  project: ProjectFacts;
  skip: Record<string, string[]>;
}

/** What a worker needs to process one file. */
export interface FileJob extends FileLook {
  write: boolean;
  wantDiff: boolean;
  /** Keep the new text in the result (interactive review, stdin mode). */
  keepText: boolean;
  /** Codes never reported (--extend-ignore, `ignore`). */
  ignore?: string[];
  /** Report suppression comments that suppressed nothing (AS910). */
  reportUnusedIgnores?: boolean;
  /** The project's formatter, run on the new text of a changed file. */
  formatter?: FormatterCommand;
  /** The text to process instead of the file's (`--stdin-filename`: an editor's buffer). */
  source?: string;
  /** Larger files are skipped (AS913), not read. */
  maxBytes?: number;
}

/**
 * Hooks for tests only: they let a test act at moments it cannot otherwise reach deterministically.
 * Only code in the same thread can set them (never a flag or a file); production code leaves them
 * empty.
 */
export const testHooks: {
  /** Called before a file of a write group is checked and written (in the main thread). */
  beforeWrite?: (file: string) => void;
} = {};

/**
 * Test-only fault injection across processes and worker threads: when the environment variable
 * ASYNCSHIFT_TEST_FAULT is set to a marker, a transform that throws on every file containing the
 * marker runs first. End-to-end tests use it to prove an exception in a transform becomes AS999 on
 * that file while the others finish. Unset (always, in real use), it changes nothing.
 */
export function faultInjectingTransform(): Transform | undefined {
  return testTransform(
    "ASYNCSHIFT_TEST_FAULT",
    "test-fault",
    "throws on files holding",
    (marker) => (file) => {
      if (file.source.includes(marker))
        throw new Error(`injected fault (ASYNCSHIFT_TEST_FAULT=${marker})`);
      return { findings: [] };
    },
  );
}

/**
 * Test-only wrong rewrite, for --verify's end-to-end test: when ASYNCSHIFT_TEST_SABOTAGE is set to
 * a marker, the first `True` on each line holding the marker becomes `False`, as a safe fix. The
 * project's tests then fail with that file's write group, which --verify must revert and name.
 * Unset (always, in real use), it changes nothing.
 */
function sabotagingTransform(): Transform | undefined {
  return testTransform(
    "ASYNCSHIFT_TEST_SABOTAGE",
    "test-sabotage",
    "rewrites True to False on lines holding",
    (marker) => (file) => {
      const findings = [];
      for (
        let at = file.source.indexOf(marker);
        at >= 0;
        at = file.source.indexOf(marker, at + 1)
      ) {
        const lineStart = file.source.lastIndexOf("\n", at) + 1;
        const start = file.source.indexOf("True", lineStart);
        if (start < 0 || start > at) continue;
        const end = start + "True".length;
        const fix = { applicability: "safe" as const, edits: [{ start, end, text: "False" }] };
        findings.push({
          code: "AS999",
          severity: "error" as const,
          start,
          end,
          message: "sabotage",
          fix,
        });
      }
      return { findings };
    },
  );
}

/**
 * A transform for tests only, present when the environment variable names its marker. `make`
 * returns the transform function itself (no wrapper frame: a test reads the thrower's stack).
 */
function testTransform(
  variable: string,
  id: string,
  summary: string,
  make: (marker: string) => Transform["transform"],
): Transform | undefined {
  const marker = process.env[variable];
  if (!marker) return undefined;
  return {
    meta: { id, summary: `${summary} ${variable}`, codes: {}, triggers: [marker] },
    transform: make(marker),
  };
}

/** Why the file must not be replaced, or undefined when it may be. */
export function refusalToWrite(file: string, original: Buffer): string | undefined {
  const stat = lstatSync(file);
  // A link is never replaced by a regular file: discovery hands out real paths, so this is a race.
  if (stat.isSymbolicLink()) return "it became a symbolic link while it was processed";
  if (!stat.isFile()) return "it is no longer a regular file";
  // The rename below would succeed in a writable folder even for a read-only file: respect the
  // owner's read-only bit instead, as an editor asks before overwriting such a file.
  if ((stat.mode & 0o200) === 0)
    return "the file is read-only; make it writable to have it migrated";
  // A rename gives the path a new file: the other names of a hard-linked file would keep the old
  // text, silently split from this one. Refused, not split (issue 22, item 8).
  if (stat.nlink > 1)
    return `the file has ${stat.nlink} hard links; replacing it would split them (the other names would keep the old text): copy it to a file of its own to have it migrated`;
  if (!readFileSync(file).equals(original))
    return "the file changed on disk while it was processed; not overwritten, so no edit is lost";
  return undefined;
}

/**
 * Write `text` to `file` atomically (temp file in the same folder, then rename), keeping the mode
 * and (run as root) the owner, unless the file is read-only, hard-linked or changed on disk since
 * it was read as `original`. A crash at any moment leaves the file wholly old or wholly new (at
 * worst a stray `.NAME.asyncshift-*.tmp`, which the next run's recovery removes).
 */
export function writeAtomically(file: string, original: Buffer, text: string | Buffer): void {
  const before = refusalToWrite(file, original);
  if (before) throw new Error(before);
  const stat = statSync(file);
  const mode = stat.mode & 0o7777;
  const temp = join(
    dirname(file),
    `.${basename(file)}.asyncshift-${randomBytes(4).toString("hex")}.tmp`,
  );
  const fd = openSync(temp, "wx", mode);
  try {
    try {
      writeFileSync(fd, text);
      // A root run (a container, sudo) must not hand the user's file to root.
      if (process.getuid?.() === 0 && (stat.uid !== 0 || stat.gid !== 0))
        fchownSync(fd, stat.uid, stat.gid);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode);
    // Checked again after the slow part, to narrow the window in which an edit made by someone
    // else could be lost to the few microseconds before the rename.
    const late = refusalToWrite(file, original);
    if (late) throw new Error(late);
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

/**
 * What a processed file yields when running it threw or its worker died: a per-file failure (the
 * run goes on, and its exit code says so).
 */
export function failedFileResult(job: FileJob, message: string): FileResult {
  const reason = `internal error: ${message.split("\n")[0]}; file left unchanged (please report this)`;
  return {
    path: job.path,
    status: "failed",
    reason,
    stack: message,
    skippedBy: [],
    diagnostics: [runnerDiagnostic("AS999", "error", reason)],
  };
}

/**
 * Read, transform, and (in write mode) write one file, with the transforms of `registry` the job
 * names (every one when it names none). Never throws: failures become results.
 */
export function processFile(job: FileJob, registry: Registry): FileResult {
  try {
    return processFileOrThrow(job, registry);
  } catch (error) {
    // Anything the pipeline does not catch itself (the parser, the diff): this file fails, the
    // run goes on.
    const err = error instanceof Error ? error : new Error(String(error));
    const message = `internal error: ${err.message}; file left unchanged (please report this)`;
    return {
      path: job.path,
      skippedBy: [],
      status: "failed",
      reason: message,
      diagnostics: [runnerDiagnostic("AS999", "error", message)],
      ...(err.stack ? { stack: err.stack } : {}),
    };
  }
}

function processFileOrThrow(job: FileJob, registry: Registry): FileResult {
  const read = readSource(job);
  if ("result" in read) return read.result;
  const { bytes, text: source } = read;
  const transforms =
    job.transforms.length > 0
      ? job.transforms.map((id) => transformById(registry, id))
      : [...registry];
  const fault = faultInjectingTransform();
  if (fault) transforms.unshift(fault);
  const sabotage = sabotagingTransform();
  if (sabotage) transforms.push(sabotage);
  const result = transformSource({
    source,
    path: job.path,
    file: job.file,
    ...(job.module ? { module: job.module } : {}),
    transforms,
    ctx: { options: job.options, project: job.project },
    skipGlobs: job.skip,
    ignore: job.ignore ?? [],
    reportUnusedIgnores: job.reportUnusedIgnores ?? false,
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
  const output = job.formatter ? formatted(job.formatter, job.file, result.output) : undefined;
  if (output && "error" in output) common.diagnostics = [...common.diagnostics, output.error];
  const text = output && "text" in output ? output.text : result.output;
  // Written later, in the main thread, with the rest of its write group (see write-groups.ts).
  return {
    ...common,
    status: "changed",
    edits: result.edits,
    ...(result.replaced ? { replaced: result.replaced } : {}),
    fixes: result.fixes ?? [],
    written: false,
    ...(job.wantDiff ? { diff: unifiedDiff(job.path, source, text) } : {}),
    ...(job.keepText ? { original: source } : {}),
    ...(job.keepText || job.write ? { output: text } : {}),
    ...(job.write ? { readHash: contentHash(bytes) } : {}),
  };
}

/** The file's bytes and text, or the result that says why it is not processed. */
function readSource(job: FileJob): { bytes: Buffer; text: string } | { result: FileResult } {
  const base = { path: job.path, skippedBy: [] as string[] };
  let bytes: Buffer;
  try {
    if (job.source !== undefined) bytes = Buffer.from(job.source, "utf8");
    else {
      const tooLarge = sizeRefusal(job.file, job.maxBytes);
      if (tooLarge) {
        const diagnostics = [tooLarge];
        return { result: { ...base, status: "skipped", reason: tooLarge.message, diagnostics } };
      }
      bytes = readFileSync(job.file);
    }
  } catch (error) {
    const message = readFailure(error);
    const diagnostics = [runnerDiagnostic("AS904", "error", message)];
    return { result: { ...base, status: "failed", reason: message, diagnostics } };
  }
  const decoded = decodeSource(bytes);
  if ("problem" in decoded) {
    const diagnostics = [decoded.problem];
    return { result: { ...base, status: "skipped", reason: decoded.problem.message, diagnostics } };
  }
  // CPython ends a line at a lone CR (old Mac line endings); tree-sitter does not, so the two
  // would disagree on where statements and comments end: no rewrite could be proven safe.
  const crLine = loneCarriageReturnLine(decoded.text);
  if (crLine === undefined) return { bytes, text: decoded.text };
  const problem = runnerDiagnostic(
    "AS907",
    "warning",
    "line ending is a lone carriage return (CR without LF): skipped; convert the file to LF or " +
      "CRLF line endings to have it migrated",
    crLine,
  );
  return {
    result: { ...base, status: "skipped", reason: problem.message, diagnostics: [problem] },
  };
}

/** AS913 for a file larger than `maxBytes` (issue 22, item 10), read neither whole nor at all. */
export function sizeRefusal(
  file: string,
  maxBytes: number | undefined,
): ReportedDiagnostic | undefined {
  if (maxBytes === undefined) return undefined;
  const size = statSync(file).size;
  if (size <= maxBytes) return undefined;
  const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;
  return runnerDiagnostic(
    "AS913",
    "warning",
    `file too large (${mb(size)}, over max-file-size ${mb(maxBytes)}): skipped; raise --max-file-size to have it migrated`,
  );
}

/** The formatter's text, or a warning saying why the transforms' text is kept. */
function formatted(
  command: FormatterCommand,
  file: string,
  text: string,
): { text: string } | { error: ReportedDiagnostic } {
  const result = formatSource(command, file, text);
  if ("text" in result) return result;
  return {
    error: runnerDiagnostic(
      "AS912",
      "warning",
      `${result.error}: the change is kept as the transforms wrote it, unformatted`,
    ),
  };
}

export function unifiedDiff(path: string, before: string, after: string): string {
  // An absolute path (given on the command line) must not become "a//tmp/...".
  const shown = path.replace(/^\/+/, "");
  return createTwoFilesPatch(
    quotedPatchName(`a/${shown}`),
    quotedPatchName(`b/${shown}`),
    before,
    after,
    undefined,
    undefined,
    { context: 3 },
  )
    .split("\n")
    .slice(1) // the "===" separator line
    .join("\n");
}

/** The result the rewrite pass gives an inert file, without reading it again. */
export function inertResult(path: string): FileResult {
  return { path, diagnostics: [], skippedBy: [], status: "unchanged" };
}
