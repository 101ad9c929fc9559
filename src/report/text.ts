import { quotedPatchName } from "../model/patch-name.js";
import { dirname, relative, resolve, sep } from "node:path";
import pc from "picocolors";
import type { ReportedDiagnostic } from "../engine/pipeline.js";
import type { FileResult, RunResult, Summary } from "../model/results.js";
import type { Registry } from "../model/registry.js";

export interface TextOptions {
  color: boolean;
  diff: boolean;
  quiet: boolean;
  verbose: boolean;
  /** The paths as given: the dry run ends with the command that applies it. */
  paths?: string[];
  /** The working folder: the patch's paths are relative to it, or to a folder above it. */
  cwd?: string;
}

type Colors = ReturnType<typeof pc.createColors>;

function colouredDiff(diff: string, c: Colors): string {
  return diff
    .split("\n")
    .map((line) => {
      if (line.startsWith("+++") || line.startsWith("---")) return c.bold(line);
      if (line.startsWith("@@")) return c.cyan(line);
      if (line.startsWith("+")) return c.green(line);
      if (line.startsWith("-")) return c.red(line);
      return line;
    })
    .join("\n");
}

/**
 * The folder the patch's paths are relative to: the working folder, or, when a changed file lies
 * outside it, the deepest folder holding both (git apply and patch refuse `..` in a path).
 */
export function patchRoot(cwd: string, paths: readonly string[]): string {
  let root = resolve(cwd);
  for (const path of paths) {
    const file = resolve(root, path);
    while (relative(root, file).startsWith("..") && dirname(root) !== root) root = dirname(root);
  }
  return root;
}

/** Each changed file's diff, with `a/` and `b/` paths relative to the patch root. */
function patchOf(result: RunResult, cwd: string, c: Colors): string[] {
  const changed = result.files.filter((f) => f.status === "changed" && f.diff);
  const root = patchRoot(
    cwd,
    changed.map((f) => f.path),
  );
  const out: string[] = [];
  if (root !== resolve(cwd))
    // Text before the first `---` is skipped by git apply and patch.
    out.push(c.dim(`# paths below are relative to ${root}: apply this patch there`));
  for (const file of changed) {
    if (file.status !== "changed" || !file.diff) continue;
    const label = relative(root, resolve(cwd, file.path)).split(sep).join("/");
    const lines = file.diff.split("\n");
    lines[0] = `--- ${quotedPatchName(`a/${label}`)}`;
    lines[1] = `+++ ${quotedPatchName(`b/${label}`)}`;
    // Only the final newline goes: a hunk's last context line may be a lone space (a blank
    // line), and trimming it would make the hunk shorter than its header says.
    out.push(colouredDiff(lines.join("\n").replace(/\n$/, ""), c));
  }
  return out;
}

const SEVERITY_COLOR = { error: "red", warning: "yellow", info: "blue" } as const;

export function formatDiagnostic(path: string, d: ReportedDiagnostic, c: Colors): string {
  const code = c[SEVERITY_COLOR[d.severity]](c.bold(d.code));
  let line = `${c.bold(path)}:${d.line}:${d.column}: ${code} ${d.message}`;
  if (d.suggestion !== undefined) {
    const suggestion = d.suggestion.includes("\n")
      ? "\n" + d.suggestion.replace(/^/gm, "      ")
      : ` ${d.suggestion}`;
    line += `\n  ${c.dim("suggestion:")}${suggestion}`;
  }
  return line;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** The run in one line; `registry` gives the codes counted with their own words (summaryNoun). */
export function summaryLine(result: RunResult, registry: Registry): string {
  const s: Summary = result.summary;
  const changedVerb =
    result.mode === "write" ? "rewritten" : result.mode === "check" ? "would change" : "to change";
  const sites = Object.entries(s.sitesByTransform ?? {})
    .filter(([, n]) => n > 0)
    .map(([id, n]) => `${id} ${plural(n, "site")}`)
    .join(", ");
  const parts = [
    `${plural(s.filesScanned, "file")} scanned`,
    `${plural(result.mode === "write" ? s.filesWritten : s.filesChanged, "file")} ${changedVerb}`,
    `rewrites: ${sites || "none"}`,
    `${plural(s.diagnostics, "diagnostic")} (${plural(s.errors, "error")}, ${plural(s.warnings, "warning")})`,
  ];
  // Codes whose count is a review list (unwrapped thread calls block the event loop again).
  for (const { meta } of registry)
    for (const [code, doc] of Object.entries(meta.codes)) {
      const count = s.diagnosticsByCode[code] ?? 0;
      if (doc.summaryNoun && count > 0)
        parts.push(`${count} ${doc.summaryNoun.replace("{s}", count === 1 ? "" : "s")}`);
    }
  const skipped = Object.entries(s.skippedByTransform).map(([id, n]) => `${n} by ${id}`);
  if (skipped.length > 0) parts.push(`skipped: ${skipped.join(", ")}`);
  if (s.filesSkipped > 0) parts.push(`${plural(s.filesSkipped, "file")} not processed`);
  if (s.filesFailed > 0) parts.push(`${plural(s.filesFailed, "file")} failed`);
  parts.push(`${s.seconds.toFixed(2)}s`);
  return parts.join("; ");
}

/** Diffs, then diagnostics as `path:line:col: CODE message`, then notices and one summary line. */
export function formatText(result: RunResult, registry: Registry, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const out: string[] = [];
  if (options.diff && !options.quiet) out.push(...patchOf(result, options.cwd ?? ".", c));
  const shown = (d: ReportedDiagnostic) => !options.quiet || d.severity === "error";
  for (const file of result.files) {
    // Transforms report in their own order; a reader wants the file top to bottom.
    const inOrder = [...file.diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
    for (const d of inOrder) if (shown(d)) out.push(formatDiagnostic(file.path, d, c));
    if (options.verbose && file.status === "failed" && file.stack) out.push(c.dim(file.stack));
  }
  if (!options.quiet)
    for (const notice of result.notices) out.push(c.yellow(`note: ${notice.message}`));
  const showsDiffs = options.diff && !options.quiet;
  const named = namedFiles(result, showsDiffs);
  if (named) out.push(named);
  out.push(summaryLine(result, registry));
  // --check too: a failed gate (CI, pre-commit) says how to clear it.
  if (result.mode !== "write" && result.summary.filesChanged > 0 && options.paths)
    out.push(nextStep(options.paths));
  return out.join("\n") + "\n";
}

/**
 * The files that change, by name (as ruff and black name them): always after --write and with
 * --check, and in a dry run whose diffs are not shown.
 */
function namedFiles(result: RunResult, showsDiffs: boolean): string | undefined {
  const written = result.mode === "write";
  if (!written && result.mode === "dry-run" && showsDiffs) return undefined;
  const paths = result.files
    .filter((f) => f.status === "changed" && (!written || f.written))
    .map((f) => f.path);
  if (paths.length === 0) return undefined;
  const head = `${written ? "Rewrote" : "Would rewrite"} ${plural(paths.length, "file")}:`;
  return [head, ...paths.map((p) => `  ${p}`)].join("\n");
}

/** A path as a POSIX shell reads it back: quoted only when it must be. */
function shellWord(word: string): string {
  return /^[\w./@%+=:,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Paths beyond which the next step names none (pre-commit passes every staged file). */
const NAMED_PATHS = 5;

/** What to run after reading a dry run or a failed --check: apply it, or review it change by change. */
function nextStep(paths: string[]): string {
  if (paths.length > NAMED_PATHS)
    return `Run \`asyncshift --write\` on the ${paths.length} paths given to apply these changes, or \`asyncshift -i\` to review each one.`;
  const shown = paths.map(shellWord).join(" ");
  return `Run \`asyncshift --write ${shown}\` to apply these changes, or \`asyncshift -i ${shown}\` to review each one.`;
}

export type { FileResult };
