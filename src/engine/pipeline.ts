import picomatch from "picomatch";
import { lineColumnAt, lineStartsOf } from "../syntax/lines.js";
import { applyEdits, offsetBeforeEdits, sortedEdits } from "./edits.js";
import {
  countSyntaxProblems,
  firstSyntaxProblem,
  parseNative,
  reparsedAfterEdits,
} from "../syntax/parse.js";
import { copyTree } from "../syntax/tree.js";
import {
  statementStartOf,
  Suppressions,
  unusedSuppressions,
  type SuppressionComment,
} from "./suppression.js";
import type {
  Context,
  Diagnostic,
  Edit,
  NativeTree,
  Severity,
  Transform,
  Tree,
} from "../model/types.js";

/** An edit as reported to the user: positions in the file as it was read (1-based line and column). */
export interface ReportedEdit {
  transform: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  before: string;
  after: string;
}

export interface ReportedDiagnostic {
  code: string;
  severity: Severity;
  /** The transform that emitted it, or "runner". */
  source: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  suggestion?: string;
}

export type SourceStatus = "changed" | "unchanged" | "syntax-error" | "failed";

export interface SourceResult {
  status: SourceStatus;
  /** The new text; the input itself unless status is "changed". */
  output: string;
  edits: ReportedEdit[];
  diagnostics: ReportedDiagnostic[];
  /** Transforms that did not look at this file because its path matched their skip globs. */
  skippedBy: string[];
  /** Stack of an exception raised inside a transform, for --verbose. */
  stack?: string;
}

export interface PipelineInput {
  source: string;
  /** Path relative to the project root, with forward slashes: skip globs match against it. */
  path: string;
  transforms: readonly Transform[];
  ctx: Context;
  /** Per transform id, globs of files it must not touch (defaults to each transform's own). */
  skipGlobs?: Record<string, string[]>;
  /** Codes never reported (`--extend-ignore`, `ignore = [...]`). */
  ignore?: readonly string[];
  /** Report suppression comments that suppressed nothing (AS910). */
  reportUnusedIgnores?: boolean;
}

const BOM = "\uFEFF";

/** Syntax-tree depth beyond which a file is left alone (AS909). */
const MAX_NESTING = 10_000;

/** Maps offsets of the current text back to the text as read, through every pass applied so far. */
class OffsetHistory {
  private passes: Edit[][] = [];
  constructor(private readonly original: string) {}
  record(sorted: Edit[]): void {
    this.passes.push(sorted);
  }
  originalOffset(offset: number): number {
    for (let i = this.passes.length - 1; i >= 0; i--)
      offset = offsetBeforeEdits(this.passes[i], offset);
    return offset;
  }
  private lineStarts: number[] | undefined;
  position(offset: number): { line: number; column: number } {
    const at = this.originalOffset(offset);
    this.lineStarts ??= lineStartsOf(this.original);
    return lineColumnAt(this.original, this.lineStarts, at);
  }
}

function matcherFor(globs: string[]): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  return picomatch(globs, { dot: true });
}

const matcherCache = new Map<string, (path: string) => boolean>();

function isSkipped(path: string, globs: string[]): boolean {
  const key = globs.join("\0");
  let matcher = matcherCache.get(key);
  if (!matcher) {
    matcher = matcherFor(globs);
    matcherCache.set(key, matcher);
  }
  return matcher(path);
}

/**
 * Can the text hold a site of this transform at all? Cheap checks that save a parse: the trigger
 * words, then, once the project is known (`ctx`), the transform's own finer test.
 */
export function mayHoldSite(source: string, transform: Transform, ctx?: Context): boolean {
  if (!transform.meta.triggers.some((word) => source.includes(word))) return false;
  return !ctx || !transform.mayHoldSite || transform.mayHoldSite(source, ctx);
}

/** Does this transform run at all for the project (Django-only transforms in a Django project)? */
export function transformApplies(transform: Transform, ctx: Context): boolean {
  if (!transform.meta.needsDjango) return true;
  return ctx.options.django || ctx.project.usesDjango || ctx.project.usesAsgiref;
}

/**
 * The per-file pipeline: parse, then each transform in order on the text the previous one left,
 * re-parsing after each pass that changed something; the result is refused when the final text has
 * a parse error the input did not have.
 */
export function transformSource(input: PipelineInput): SourceResult {
  const hasBom = input.source.startsWith(BOM);
  const text = hasBom ? input.source.slice(1) : input.source;
  const history = new OffsetHistory(text);
  const edits: ReportedEdit[] = [];
  const diagnostics: ReportedDiagnostic[] = [];
  const skippedBy: string[] = [];
  const suppressions = new Suppressions(text);
  const ignored = new Set(input.ignore?.map((c) => c.toUpperCase()));
  /** `statementStart`: where the statement holding the site starts, in the current text. */
  const report = (source: string, d: Diagnostic, statementStart = d.start) => {
    if (source !== "runner") {
      if (ignored.has(d.code)) return;
      const at = history.originalOffset(d.start);
      if (suppressions.isSuppressed(d.code, at, history.originalOffset(statementStart))) return;
    }
    const start = history.position(d.start);
    const end = history.position(Math.max(d.end, d.start));
    diagnostics.push({
      code: d.code,
      severity: d.severity,
      source,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: d.message,
      ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
    });
  };
  /** The transforms that looked at the file: their codes' unused suppressions are reported. */
  let looked: readonly Transform[] = [];
  const withUnused = (): ReportedDiagnostic[] =>
    input.reportUnusedIgnores && suppressions.size > 0
      ? [...diagnostics, ...unusedSuppressions(suppressions, mayReportUnused(input, looked))]
      : diagnostics;
  const unchanged = (status: SourceStatus, stack?: string): SourceResult => ({
    status,
    output: input.source,
    edits: status === "unchanged" ? edits : [],
    diagnostics: status === "unchanged" ? withUnused() : diagnostics,
    skippedBy,
    ...(stack ? { stack } : {}),
  });

  const wanted = input.transforms.filter((t) => {
    if (!transformApplies(t, input.ctx)) return false;
    const globs = input.skipGlobs?.[t.meta.id] ?? t.meta.defaultSkip ?? [];
    if (isSkipped(input.path, globs)) {
      if (mayHoldSite(text, t, input.ctx)) skippedBy.push(t.meta.id);
      return false;
    }
    return true;
  });
  looked = wanted;
  const holdingSites = new Set(wanted.filter((t) => mayHoldSite(text, t, input.ctx)));
  if (holdingSites.size === 0) return unchanged("unchanged");

  let current = text;
  let native: NativeTree = parseNative(current);
  // The copy the transforms read, made when a transform is about to run on the current text.
  let tree: Tree | undefined;
  const problem = firstSyntaxProblem(native);
  if (problem) {
    report("runner", {
      code: "AS900",
      severity: "error",
      start: problem.start,
      end: problem.start,
      message:
        `syntax error on line ${problem.line + 1}` +
        (problem.expected ? ` (missing ${JSON.stringify(problem.expected)})` : "") +
        `: file left unchanged; fix it and run again`,
    });
    return unchanged("syntax-error");
  }
  for (const transform of wanted) {
    // A rewrite may bring a later transform's trigger word in (or take it out).
    if (
      current === text ? !holdingSites.has(transform) : !mayHoldSite(current, transform, input.ctx)
    )
      continue;
    const id = transform.meta.id;
    let sorted: Edit[];
    if (!tree) {
      tree = copyTree(native, current);
      // Far past what CPython compiles (it gives up a few thousand levels down): generated code
      // that a rewrite cannot make valid. The walks are iterative; this bound is a decision.
      if (tree.depth > MAX_NESTING) {
        report("runner", {
          code: "AS909",
          severity: "error",
          start: 0,
          end: 0,
          message: `code nested more than ${MAX_NESTING} levels deep, which CPython does not compile either: file left unchanged`,
        });
        return unchanged("failed");
      }
    }
    try {
      const result = transform.transform({ path: input.path, source: current, tree }, input.ctx);
      for (const d of result.diagnostics) report(id, d, statementStartOf(tree, d.start));
      sorted = sortedEdits(result.edits);
    } catch (error) {
      const err = error instanceof Error ? error : new Error(String(error));
      // Code nested deeper than a recursive walk can follow (CPython itself refuses most such
      // files): a limit of the input, not a bug, so a plain error rather than AS999's exit 2.
      if (err instanceof RangeError && /call stack/i.test(err.message)) {
        report("runner", {
          code: "AS909",
          severity: "error",
          start: 0,
          end: 0,
          message: `code nested too deeply for transform ${id} to analyse: file left unchanged`,
        });
        return unchanged("failed", err.stack);
      }
      report("runner", {
        code: "AS999",
        severity: "error",
        start: 0,
        end: 0,
        message: `internal error in transform ${id}: ${err.message}; file left unchanged (please report this)`,
      });
      return unchanged("failed", err.stack);
    }
    const changes = sorted.filter((e) => current.slice(e.start, e.end) !== e.text);
    if (changes.length === 0) continue;
    const held = heldBack(changes, suppressions, history, tree);
    if (held) {
      diagnostics.push(heldBackDiagnostic(id, held));
      continue;
    }
    for (const e of changes) {
      const start = history.position(e.start);
      const end = history.position(e.end);
      edits.push({
        transform: id,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        before: current.slice(e.start, e.end),
        after: e.text,
      });
    }
    const previous = current;
    current = applyEdits(current, changes);
    history.record(changes);
    native = reparsedAfterEdits(native, previous, current, changes);
    tree = undefined;
  }

  if (current === text) return unchanged("unchanged");
  if (countSyntaxProblems(native) > 0) {
    const problem = firstSyntaxProblem(native)!;
    diagnostics.push({
      code: "AS901",
      severity: "error",
      source: "runner",
      line: problem.line + 1,
      column: problem.column + 1,
      endLine: problem.line + 1,
      endColumn: problem.column + 1,
      message:
        `the rewritten file would not parse (line ${problem.line + 1} of the new text): ` +
        `nothing written (please report this)`,
    });
    return unchanged("failed");
  }
  return {
    status: "changed",
    output: hasBom ? BOM + current : current,
    edits,
    diagnostics: withUnused(),
    skippedBy,
  };
}

/**
 * The bare suppression comment on the line of one of a pass's edits, if any: the whole pass is then
 * held back, because one site's rewrite shares import edits with the others in the file.
 */
function heldBack(
  changes: readonly Edit[],
  suppressions: Suppressions,
  history: OffsetHistory,
  tree: Tree,
): SuppressionComment | undefined {
  if (suppressions.size === 0) return undefined;
  for (const e of changes) {
    const statement = statementStartOf(tree, e.start);
    const comment = suppressions.bareAt(
      history.originalOffset(e.start),
      history.originalOffset(statement),
    );
    if (comment) return comment;
  }
  return undefined;
}

function heldBackDiagnostic(id: string, comment: SuppressionComment): ReportedDiagnostic {
  return {
    code: "AS911",
    severity: "info",
    source: "runner",
    line: comment.line,
    column: comment.column,
    endLine: comment.line,
    endColumn: comment.column,
    message:
      `\`# asyncshift: ignore\` on a site ${id} rewrites: none of ${id}'s rewrites in this file ` +
      `are applied (they share import edits); its diagnostics still are`,
  };
}

/** Unused suppressions are reported only for codes of transforms that looked at the file. */
function mayReportUnused(
  input: PipelineInput,
  looked: readonly Transform[],
): (code: string | undefined) => boolean {
  return (code) => {
    // A bare comment may be meant for any transform: unused only when every one looked.
    if (code === undefined) return looked.length === input.transforms.length;
    // A code of a transform that did not look (not selected, or skipped here) may be used there.
    return looked.some((t) => t.meta.codes[code] !== undefined);
  };
}
