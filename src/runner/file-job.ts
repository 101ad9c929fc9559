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
import {
  holdsAnyTrigger,
  mayHoldSite,
  transformSource,
  type ReportedDiagnostic,
  type ReportedEdit,
  type ReportedFix,
} from "../engine/pipeline.js";
import { factsOfFile, type FileFacts } from "./project-facts.js";
import { outlineOf } from "../python/outline.js";
import { packOutline, type PackedOutline } from "../python/packed-outline.js";
import type { ProjectFacts, ReplacedName, Transform, TransformOptions } from "../model/types.js";
import { formatSource, type FormatterCommand } from "./formatter.js";
import { contentHash } from "../project/cache-folder.js";
import { quotedPatchName } from "../model/patch-name.js";
import { TRANSFORMS, transformById } from "../../transforms/index.js";

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
  /** Larger files are skipped (AS913), not read. */
  maxBytes?: number;
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
      /** Names the rewrites stopped calling: tests that patch them are reported. */
      replaced?: ReplacedName[];
      /** The sites rewritten, one per site, each with the code that names its rewrite. */
      fixes: ReportedFix[];
      /** Unified diff of the change, when asked for. */
      diff?: string;
      written: boolean;
      original?: string;
      /** The new text: kept when asked, and until written in write mode. */
      output?: string;
      /** Write mode: the SHA-256 of the bytes the new text was made from (checked before writing). */
      readHash?: string;
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
function faultInjectingTransform(): Transform | undefined {
  const marker = process.env.ASYNCSHIFT_TEST_FAULT;
  if (!marker) return undefined;
  return {
    meta: {
      id: "test-fault",
      summary: "throws on files holding ASYNCSHIFT_TEST_FAULT",
      codes: {},
      triggers: [marker],
    },
    transform(file) {
      if (file.source.includes(marker))
        throw new Error(`injected fault (ASYNCSHIFT_TEST_FAULT=${marker})`);
      return { findings: [] };
    },
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

/** Read, transform, and (in write mode) write one file. Never throws: failures become results. */
export function processFile(job: FileJob): FileResult {
  try {
    return processFileOrThrow(job);
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

function processFileOrThrow(job: FileJob): FileResult {
  const read = readSource(job);
  if ("result" in read) return read.result;
  const { bytes, text: source } = read;
  const transforms =
    job.transforms.length > 0 ? job.transforms.map((id) => transformById(id)!) : [...TRANSFORMS];
  const fault = faultInjectingTransform();
  if (fault) transforms.unshift(fault);
  const result = transformSource({
    source,
    path: job.path,
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
    const tooLarge = sizeRefusal(job.file, job.maxBytes);
    if (tooLarge) {
      const diagnostics = [tooLarge];
      return { result: { ...base, status: "skipped", reason: tooLarge.message, diagnostics } };
    }
    bytes = readFileSync(job.file);
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

/** What the pre-pass learns of one file. Plain data: it crosses threads. */
export interface PrePass {
  /** Undefined for a file that cannot be read or decoded. */
  facts?: FileFacts;
  /**
   * The file decodes, has sound line endings and holds no trigger word of any transform: the
   * rewrite pass would leave it unchanged with nothing to say, so it is not read again.
   */
  inert: boolean;
  /** Functions and calls, read without a parse (see outlineOf), packed. */
  outline?: PackedOutline;
}

/** The result the rewrite pass gives an inert file, without reading it again. */
export function inertResult(path: string): FileResult {
  return { path, diagnostics: [], skippedBy: [], status: "unchanged" };
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

/** The facts of one file with every class body read: for the files `unreadModelBodies` names. */
export function modelFactsOfPath(file: string): FileFacts | undefined {
  const text = textOfPath(file);
  return text === undefined ? undefined : factsOfFile(text, true);
}

let triggerTest: ((source: string) => boolean) | undefined;

/** Does the text hold a trigger word of any transform? */
function holdsTrigger(source: string): boolean {
  triggerTest ??= holdsAnyTrigger(TRANSFORMS);
  return triggerTest(source);
}

/** The pre-pass for one file; unreadable, undecodable or too large files contribute nothing. */
export function prePassOfPath(file: string, maxBytes?: number): PrePass {
  try {
    if (sizeRefusal(file, maxBytes)) return { inert: false };
  } catch {
    return { inert: false };
  }
  const text = textOfPath(file);
  if (text === undefined) return { inert: false };
  const fault = faultInjectingTransform();
  const inert =
    loneCarriageReturnLine(text) === undefined &&
    !(holdsTrigger(text) || (fault !== undefined && mayHoldSite(text, fault)));
  return {
    facts: factsOfFile(text),
    inert,
    ...(text.includes("def ") ? { outline: packOutline(outlineOf(text)) } : {}),
  };
}
