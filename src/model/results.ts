import type { Notice, ProjectFacts, ReplacedName } from "./types.js";
import type { ReportedDiagnostic, ReportedEdit, ReportedFix } from "./reported.js";

/* What a run gives back, file by file and as a whole: every reporter reads these. */

/** What a run does with the files: show the patch, write it, or only say whether one is pending. */
export type Mode = "dry-run" | "write" | "check";

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
      /**
       * The write group: files of one cross-file plan share it (written all or none, and reverted
       * together by --verify); absent, the file is a group of its own.
       */
      group?: string;
      original?: string;
      output?: string;
    })
  | (FileResultBase & { status: "unchanged" })
  | (FileResultBase & { status: "skipped"; reason: string })
  | (FileResultBase & { status: "failed"; reason: string; stack?: string });

export interface Summary {
  filesScanned: number;
  filesChanged: number;
  filesWritten: number;
  filesSkipped: number;
  filesFailed: number;
  /** Edits per transform id, in run order (text fragments: a site is often several). */
  editsByTransform: Record<string, number>;
  /** Sites rewritten per transform id, in run order: what the summary line counts. */
  sitesByTransform: Record<string, number>;
  /** Files each transform left alone because of its skip globs (tests, migrations, ...). */
  skippedByTransform: Record<string, number>;
  diagnostics: number;
  errors: number;
  warnings: number;
  /** Diagnostics per code, e.g. AS302: thread calls unwrapped that block the event loop again. */
  diagnosticsByCode: Record<string, number>;
  seconds: number;
}

export interface RunResult {
  mode: Mode;
  transforms: string[];
  project: ProjectFacts;
  targetDjangoVersion: string;
  files: FileResult[];
  notices: Notice[];
  summary: Summary;
  exitCode: 0 | 1 | 2;
}
