import { resolve } from "node:path";
import pc from "picocolors";
import { projectDirOf, transformSource, TRANSFORMS, type TransformSourceResult } from "../api.js";
import type { Options } from "../config/options.js";
import { DEFAULT_DJANGO_VERSION } from "../django/orm.js";
import { jsonChunks } from "../report/json.js";
import { formatDiagnostic } from "../report/text.js";
import { decodeSource } from "../project/source.js";
import { displayPath } from "../project/paths.js";
import { exitCodeOf, selectedTransforms, summarize, UsageError } from "../runner/run.js";
import type { FileResult, RunResult } from "../model/results.js";
import { write } from "./streams.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const decoded = decodeSource(Buffer.concat(chunks));
  if ("problem" in decoded) throw new UsageError(`standard input: ${decoded.problem.message}`);
  return decoded.text;
}

/** The one file's result as a run's result, so `--format json` prints the run's document. */
function asRunResult(path: string, result: TransformSourceResult, options: Options): RunResult {
  const common = { path, diagnostics: result.diagnostics, skippedBy: [] };
  const file: FileResult =
    result.status === "changed"
      ? { ...common, status: "changed", edits: result.edits, fixes: result.fixes, written: false }
      : result.status === "unchanged"
        ? { ...common, status: "unchanged" }
        : {
            ...common,
            status: result.status === "failed" ? "failed" : "skipped",
            reason: result.status === "failed" ? "failed" : "syntax error",
          };
  const transforms = selectedTransforms(TRANSFORMS, options.transforms);
  return {
    mode: options.mode,
    writeGroups: [],
    transforms: transforms.map((t) => t.meta.id),
    // Not in the JSON document; what standard input alone can say.
    project: { usesDjango: options.django, usesAsgiref: false, models: {} },
    targetDjangoVersion: options.djangoVersion ?? DEFAULT_DJANGO_VERSION,
    files: [file],
    notices: result.notices.map((message) => ({ message })),
    summary: summarize([file], transforms, 0),
    exitCode: exitCodeOf(options.mode, [file]),
  };
}

/** --stdin-filename: the source from standard input, the result on standard output. */
export async function stdinCommand(
  path: string,
  options: Options,
  version: string,
): Promise<number> {
  const source = await readStdin();
  const shown = displayPath(resolve(path));
  const result = transformSource(source, {
    path: shown,
    transforms: options.transforms,
    unsafeFixes: options.unsafeFixes,
    django: options.django,
    settings: options.settings,
    skip: options.skip,
    projectDir: projectDirOf(path),
    ...(options.djangoVersion ? { djangoVersion: options.djangoVersion } : {}),
  });
  if (options.format === "json") {
    const run = asRunResult(shown, result, options);
    await write(process.stdout, [...jsonChunks(run, version)].join(""));
    return run.exitCode;
  }
  await write(process.stdout, result.output);
  const c = pc.createColors(
    Boolean(process.stderr.isTTY) && !process.env.NO_COLOR && options.color,
  );
  const lines = result.diagnostics
    .filter((d) => !options.quiet || d.severity === "error")
    .map((d) => formatDiagnostic(shown, d, c));
  if (!options.quiet) lines.push(...result.notices.map((n) => `note: ${n}`));
  if (lines.length > 0) await write(process.stderr, lines.join("\n") + "\n");
  const internal = result.diagnostics.some((d) => d.code === "AS999" || d.code === "AS901");
  if (internal) return 2;
  const errors = result.diagnostics.some((d) => d.severity === "error");
  return errors || (options.mode === "check" && result.changed) ? 1 : 0;
}
