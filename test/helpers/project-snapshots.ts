import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve, sep } from "node:path";
import { run } from "../../src/api.js";
import type { ReportedDiagnostic } from "../../src/engine/pipeline.js";
import type { FileResult } from "../../src/model/results.js";
import type { TransformSettings } from "../../src/model/types.js";
import { transformById } from "../../transforms/index.js";

/**
 * Multi-file snapshot cases: a case is a small project folder, run as the command line runs it
 * (project index, survey, plans across files), in dry-run mode on a copy, so nothing is written
 * into the snapshots tree (no index cache either).
 *
 *   snapshots/<transform>/<case>/input/...        the project; input/ is its root
 *   snapshots/<transform>/<case>/output/...       only the files the run changes, same paths
 *   snapshots/<transform>/<case>/diagnostics.json [{ path, code, severity, line, column, message,
 *                                                   suggestion?, fix? }]
 *   snapshots/<transform>/<case>/fixes.json       the sites rewritten, when there are any:
 *                                                 [{ path, code, line, column, message, fix }]
 *   snapshots/<transform>/<case>/options.json     optional: the single-file case keys, plus
 *                                                 "paths" (named on the command line; default all)
 */

/** A folder case's options.json: the run's options, and the transform's own settings by name. */
export interface ProjectCaseOptions extends Record<string, unknown> {
  /** Files or folders named on the command line, relative to input/ (default: input/ itself). */
  paths?: string[];
  unsafeFixes?: boolean;
  django?: boolean;
  djangoVersion?: string;
  /** Other transforms' settings the transform reads (missing-await: to-thread's twins). */
  settings?: TransformSettings;
  skip?: Record<string, string[]>;
  ignore?: string[];
  reportUnusedIgnores?: boolean;
  /** Oldest Python 3 minor version that compiles the case; default any. */
  pythonMinor?: number;
  /**
   * The transforms run, in order (default: the case's alone): a case proving that one
   * transform's rewrite does not hide another's finding runs both.
   */
  transforms?: string[];
}

const RUN_KEYS = new Set([
  "paths",
  "unsafeFixes",
  "django",
  "djangoVersion",
  "settings",
  "skip",
  "ignore",
  "reportUnusedIgnores",
  "pythonMinor",
  "transforms",
]);

/** What one run of a project case gave, by input-relative path ("/" separators). */
export interface ProjectRun {
  /** The new text of every file the run changed. */
  changed: Map<string, string>;
  diagnostics: StoredProjectDiagnostic[];
  /** The sites rewritten, in file order. */
  fixes: StoredProjectFix[];
  /** Files the run could not process, with the reason. */
  failed: string[];
}

export interface StoredProjectDiagnostic {
  path: string;
  code: string;
  severity: string;
  line: number;
  column: number;
  message: string;
  suggestion?: string;
  fix?: string;
}

export interface StoredProjectFix {
  path: string;
  code: string;
  line: number;
  column: number;
  message: string;
  fix: string;
}

export interface ProjectCase {
  transform: string;
  name: string;
  dir: string;
  options: ProjectCaseOptions;
  /** The input files (relative path → text). */
  input: Map<string, string>;
  result?: ProjectRun;
  rerun?: ProjectRun;
}

/** Every file under `dir`, by relative path with "/" separators. */
export function filesUnder(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  if (!existsSync(dir)) return files;
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder).sort()) {
      const full = join(folder, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files.set(relative(dir, full).split(sep).join("/"), readFileSync(full, "utf8"));
    }
  };
  walk(dir);
  return files;
}

export function readProjectCase(root: string, transform: string, name: string): ProjectCase {
  const dir = join(root, transform, name);
  const optionsFile = join(dir, "options.json");
  const options: ProjectCaseOptions = existsSync(optionsFile)
    ? JSON.parse(readFileSync(optionsFile, "utf8"))
    : {};
  const own = Object.keys(transformById(transform)?.meta.options ?? {});
  const unknown = Object.keys(options).filter((k) => !RUN_KEYS.has(k) && !own.includes(k));
  if (unknown.length > 0)
    throw new Error(`${transform}/${name}/options.json: unknown keys ${unknown.join(", ")}`);
  const missing = (options.paths ?? []).filter((p) => !existsSync(join(dir, "input", p)));
  if (missing.length > 0)
    throw new Error(`${transform}/${name}/options.json: no ${missing.join(", ")} under input/`);
  return { transform, name, dir, options, input: filesUnder(join(dir, "input")) };
}

function storedDiagnostic(path: string, d: ReportedDiagnostic): StoredProjectDiagnostic {
  return {
    path,
    code: d.code,
    severity: d.severity,
    line: d.line,
    column: d.column,
    message: d.message,
    ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
    ...(d.fix !== undefined ? { fix: d.fix } : {}),
  };
}

/** The run's options from the case's: its transform alone, dry run, no cache, one thread. */
function runOptions(c: ProjectCase) {
  const own = Object.keys(transformById(c.transform)!.meta.options ?? {});
  const { settings, unsafeFixes, django, djangoVersion, skip, ignore, reportUnusedIgnores } =
    c.options;
  const mine = Object.fromEntries(
    own.filter((k) => c.options[k] !== undefined).map((k) => [k, c.options[k]]),
  );
  return {
    mode: "dry-run" as const,
    transforms: c.options.transforms ?? [c.transform],
    cache: false,
    jobs: 1,
    keepText: true,
    settings: { ...settings, [c.transform]: { ...settings?.[c.transform], ...mine } },
    ...(unsafeFixes !== undefined ? { unsafeFixes } : {}),
    ...(django !== undefined ? { django } : {}),
    ...(djangoVersion !== undefined ? { djangoVersion } : {}),
    ...(skip !== undefined ? { skip } : {}),
    ...(ignore !== undefined ? { ignore } : {}),
    ...(reportUnusedIgnores !== undefined ? { reportUnusedIgnores } : {}),
  } as Parameters<typeof run>[1];
}

/** Runs the case's transform over a project holding `files`, in a temporary folder. */
export async function runProject(c: ProjectCase, files: Map<string, string>): Promise<ProjectRun> {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "asyncshift-snapshot-")));
  try {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
    const paths = (c.options.paths ?? ["."]).map((p) => join(dir, p));
    const result = await run(paths, runOptions(c));
    return projectRunOf(dir, result.files);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function projectRunOf(dir: string, files: FileResult[]): ProjectRun {
  const changed = new Map<string, string>();
  const diagnostics: StoredProjectDiagnostic[] = [];
  const fixes: StoredProjectFix[] = [];
  const failed: string[] = [];
  for (const file of files) {
    const path = relative(dir, resolve(file.path)).split(sep).join("/");
    if (file.status === "changed") {
      changed.set(path, file.output!);
      for (const { code, line, column, message, applicability } of file.fixes)
        fixes.push({ path, code, line, column, message, fix: applicability });
    }
    if (file.status === "failed") failed.push(`${path}: ${file.reason}`);
    diagnostics.push(...file.diagnostics.map((d) => storedDiagnostic(path, d)));
  }
  return { changed, diagnostics, fixes, failed };
}

/** The case's two runs: on its input, then on its input with the first run's changes in. */
export async function runProjectCase(c: ProjectCase): Promise<void> {
  c.result = await runProject(c, c.input);
  c.rerun = await runProject(c, new Map([...c.input, ...c.result.changed]));
}

/** UPDATE_SNAPSHOTS=1: output/ holds exactly the changed files, diagnostics.json the findings. */
export function writeProjectCase(c: ProjectCase): void {
  const output = join(c.dir, "output");
  rmSync(output, { recursive: true, force: true });
  for (const [path, text] of c.result!.changed) {
    mkdirSync(dirname(join(output, path)), { recursive: true });
    writeFileSync(join(output, path), text);
  }
  writeFileSync(
    join(c.dir, "diagnostics.json"),
    JSON.stringify(c.result!.diagnostics, null, 2) + "\n",
  );
  const fixes = join(c.dir, "fixes.json");
  if (c.result!.fixes.length > 0)
    writeFileSync(fixes, JSON.stringify(c.result!.fixes, null, 2) + "\n");
  else rmSync(fixes, { force: true });
}
