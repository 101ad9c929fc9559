import { resolve } from "node:path";
import pc from "picocolors";
import type { Options } from "../config/options.js";
import { jsonChunks } from "../report/json.js";
import { formatDiagnostic } from "../report/text.js";
import { decodeSource } from "../project/source.js";
import { displayPath } from "../project/paths.js";
import {
  exitCodeOf,
  run,
  selectedTransforms,
  summarize,
  UsageError,
  type RunSetup,
} from "../runner/run.js";
import type { FileResult, RunResult } from "../model/results.js";
import { write } from "./streams.js";

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const decoded = decodeSource(Buffer.concat(chunks));
  if ("problem" in decoded) throw new UsageError(`standard input: ${decoded.problem.message}`);
  return decoded.text;
}

/**
 * The run over the one file, its text read from standard input: the same pre-pass over the
 * project (models and functions of the other files), plans and checks as the command line, with
 * only this file's result kept.
 */
async function runOnSource(
  file: string,
  text: string,
  options: Options,
  setup: RunSetup,
): Promise<RunResult> {
  // The editor's own formatter runs after us; nothing is written.
  const result = await run(
    { ...options, paths: [file], formatWith: "none", diff: false, changedSince: undefined },
    setup,
    { keepText: true, source: { file, text } },
  );
  const shown = displayPath(file);
  const files = result.files.filter((f) => f.path === shown);
  const transforms = selectedTransforms(setup.registry, result.transforms);
  return {
    ...result,
    files,
    summary: summarize(files, transforms, result.summary.seconds),
    // As a linter's stdin mode: an error diagnostic exits 1 even without --check.
    exitCode: exitCodeOf("check", options.mode === "check" ? files : files.map(withoutPending)),
  };
}

/** A pending change counts for the exit code only under --check. */
function withoutPending(file: FileResult): FileResult {
  return file.status === "changed" ? { ...file, status: "unchanged" } : file;
}

/** The notes standard error carries besides the diagnostics: the run's, and skip globs met. */
function notesOf(run: RunResult): string[] {
  return [
    ...run.notices.map((n) => n.message),
    ...run.files.flatMap((f) =>
      f.skippedBy.map((id) => `${id} skipped ${f.path} (it matches the transform's skip globs)`),
    ),
  ];
}

/** --stdin-filename: the source from standard input, the result on standard output. */
export async function stdinCommand(
  path: string,
  options: Options,
  setup: RunSetup,
  version: string,
): Promise<number> {
  const source = await readStdin();
  const result = await runOnSource(resolve(path), source, options, setup);
  if (options.format === "json") {
    await write(process.stdout, [...jsonChunks(result, version)].join(""));
    return result.exitCode;
  }
  const file = result.files[0];
  const output = file?.status === "changed" ? (file.output ?? source) : source;
  await write(process.stdout, output);
  const c = pc.createColors(
    Boolean(process.stderr.isTTY) && !process.env.NO_COLOR && options.color,
  );
  const lines = (file?.diagnostics ?? [])
    .filter((d) => !options.quiet || d.severity === "error")
    .map((d) => formatDiagnostic(file!.path, d, c));
  if (!options.quiet) lines.push(...notesOf(result).map((n) => `note: ${n}`));
  if (lines.length > 0) await write(process.stderr, lines.join("\n") + "\n");
  return result.exitCode;
}
