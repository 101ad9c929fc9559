import { dirname, resolve } from "node:path";
import {
  resolveOptions as resolveWith,
  type GivenOptions,
  type Options,
} from "./config/options.js";
import { inventory as inventoryWith, type Inventory } from "./inventory/index.js";
import { formatGithub as githubWith } from "./report/github.js";
import {
  transformApplies,
  transformSource as pipelineTransformSource,
  type ReportedDiagnostic,
  type ReportedEdit,
  type ReportedFix,
  type SourceStatus,
} from "./engine/pipeline.js";
import {
  dependencyFacts,
  dependencyFilesAbove,
  factsOfFile,
  projectFacts,
  type DependencyFacts,
} from "./project/project-facts.js";
import {
  defaultJobs,
  run as runFiles,
  selectedTransforms,
  type RunHooks,
  type RunSetup,
} from "./runner/run.js";
import { poolSetup } from "./jobs.js";
import { TRANSFORMS } from "../transforms/index.js";

export { TRANSFORMS };

/**
 * What the command line and the API hand the runner (this is a composition root): every
 * transform there is, and how the pool runs their jobs on threads.
 */
export const SETUP: RunSetup = { registry: TRANSFORMS, pool: poolSetup(TRANSFORMS) };
import type { RunResult } from "./model/results.js";
import type { ProjectFacts, TransformSettings } from "./model/types.js";
import { makeContext } from "./config/context.js";

/** Options of {@link transformSource}; every one has a default. */
export interface TransformSourceOptions {
  /** Transform ids, run in this order (default: all, in canonical order). */
  transforms?: string[];
  /**
   * The file's path, relative to the project root: transforms' skip globs match it (a path under
   * `tests/` is left alone by asyncio-run). Default `module.py`.
   */
  path?: string;
  unsafeFixes?: boolean;
  /** Treat the source as part of a Django project whatever detection says (default false). */
  django?: boolean;
  /** Target Django version "X.Y" (default: from `project`, else 4.2). */
  djangoVersion?: string;
  /**
   * Transforms' own settings by transform id and option name, as `asyncshift list` shows them
   * (e.g. `{ "to-thread": { mode: "unwrap" } }`); each has a default.
   */
  settings?: TransformSettings;
  /** Per transform id, globs of paths it must not touch (replacing its defaults). */
  skip?: Record<string, string[]>;
  /**
   * What is known about the project. Default: what the source itself shows (its imports and
   * models), plus the dependency files above `projectDir` when that is given. With no `index`,
   * other files are unknown: a module-private function (`_helper`) that a converting chain
   * reaches becomes `async def` in place when the source's own callers all convert, and a
   * public one keeps its sync form beside an async twin (other files may import it); give the
   * project's index (or use `run`) to convert public functions in place where that is safe.
   */
  project?: Partial<ProjectFacts>;
  /** A folder whose dependency files (pyproject.toml, requirements*.txt, ...) describe the project. */
  projectDir?: string;
}

export interface TransformSourceResult {
  /** The new text: the source itself when nothing changed or a rewrite was refused. */
  output: string;
  changed: boolean;
  status: SourceStatus;
  /** Edits with 1-based positions in the source as given. */
  edits: ReportedEdit[];
  /** The sites rewritten, one per site, each with the code that names its rewrite. */
  fixes: ReportedFix[];
  diagnostics: ReportedDiagnostic[];
  /** Why a transform did nothing (no Django found), and transforms that skipped `path`. */
  notices: string[];
}

const NO_DEPENDENCIES: DependencyFacts = { usesDjango: false, usesAsgiref: false };

/** The project facts for one source: given ones win over what detection found. */
function factsFor(source: string, path: string, options: TransformSourceOptions): ProjectFacts {
  const dependencies = options.projectDir
    ? dependencyFacts(dependencyFilesAbove(resolve(options.projectDir)))
    : NO_DEPENDENCIES;
  const detected = projectFacts(dependencies, [{ path, facts: factsOfFile(source) }]);
  return {
    ...detected,
    ...options.project,
    models: { ...detected.models, ...options.project?.models },
  };
}

/**
 * Transforms one Python source text in memory: no file is read or written. The same per-file
 * pipeline as the command line (parse, each transform, re-parse; refused when the result would
 * not parse).
 *
 * @example
 *   const { output, diagnostics } = transformSource(code, { transforms: ["asyncio-run"], django: true });
 */
export function transformSource(
  source: string,
  options: TransformSourceOptions = {},
): TransformSourceResult {
  const path = options.path ?? "module.py";
  const transforms = selectedTransforms(TRANSFORMS, options.transforms ?? []);
  const project = factsFor(source, path, options);
  const ctx = makeContext(options, project, transforms);
  const result = pipelineTransformSource({
    source,
    path,
    transforms,
    ctx,
    ...(options.skip ? { skipGlobs: options.skip } : {}),
  });
  const notices = [
    ...transforms
      .filter((t) => !transformApplies(t, ctx))
      .map((t) => `${t.meta.id} did nothing: no Django found (pass django: true to run it anyway)`),
    ...transforms
      .filter((t) => t.meta.needsDjango && t.meta.withoutDjango && !ctx.options.django)
      .filter((t) => !ctx.project.usesDjango && !ctx.project.usesAsgiref)
      .map(
        (t) =>
          `${t.meta.id}: no Django found; ${t.meta.withoutDjango} (pass django: true for the rest)`,
      ),
    ...result.skippedBy.map(
      (id) => `${id} skipped ${path} (it matches the transform's skip globs)`,
    ),
  ];
  return {
    output: result.output,
    changed: result.status === "changed",
    status: result.status,
    edits: result.edits,
    fixes: result.fixes ?? [],
    diagnostics: result.diagnostics,
    notices,
  };
}

/** Options of {@link run}: the command line's, by their Options names; each has a default. */
export type RunOptions = Omit<GivenOptions, "paths"> & {
  /** Keep each changed file's old and new text in its result (`original`, `output`). */
  keepText?: boolean;
  onProgress?: RunHooks["onProgress"];
};

/**
 * Runs the transforms over files and folders, as the command line does, and returns every file's
 * result; never prints. Reads [tool.asyncshift] from the nearest pyproject.toml above the first
 * path unless `config` names a file or is false. Dry run unless `mode: "write"`.
 *
 * @example
 *   const result = await run(["src/"], { mode: "write", transforms: ["asyncio-run"] });
 *   for (const file of result.files) if (file.status === "changed") console.log(file.path);
 */
export async function run(paths: string[], options: RunOptions = {}): Promise<RunResult> {
  const { keepText, onProgress, ...given } = options;
  const resolved: Options = resolveWith(
    {
      jobs: defaultJobs(),
      ...given,
      paths,
      // The API returns results; diffs are for people.
      diff: given.diff ?? false,
    },
    TRANSFORMS,
  );
  return runFiles(resolved, SETUP, {
    ...(keepText ? { keepText } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
}

/** The folder whose dependency files describe the project of a file at `path`. */
export function projectDirOf(path: string): string {
  return dirname(resolve(path));
}

/**
 * Defaults, then [tool.asyncshift] (nearest pyproject.toml above the first path), then `given`,
 * checked against every transform: the options `run` and the command line use.
 */
export function resolveOptions(given: GivenOptions): Options {
  return resolveWith(given, TRANSFORMS);
}

/** `asyncshift report` as data: every site each transform recognises, file by file. */
export function inventory(options: Options, cwd?: string): Promise<Inventory> {
  return inventoryWith(options, SETUP, cwd);
}

/** GitHub Actions workflow commands for a run's result (`--format github`). */
export function formatGithub(result: RunResult): string {
  return githubWith(result, TRANSFORMS);
}
