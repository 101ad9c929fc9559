import picomatch from "picomatch";
import { lineColumnAt, lineStartsOf } from "../syntax/lines.js";
import { applyEdits, offsetBeforeEdits, OverlappingEditsError, sortedEdits } from "./edits.js";
import { composedEdits, type PassEdits } from "./composed-edits.js";
import {
  countSyntaxProblems,
  firstSyntaxProblem,
  parseNative,
  reparsedAfterEdits,
} from "../syntax/parse.js";
import { copyTree, type SyntaxTree } from "../syntax/tree.js";
import { takeTree } from "../syntax/kept-trees.js";
import { FileSemantics } from "../python/semantics.js";
import { ModuleNames } from "../python/module-names.js";
import { passOutcome } from "./fixes.js";
import { awaitedThroughNames } from "../python/awaited-calls.js";
import { statementStartOf, Suppressions, unusedSuppressions } from "./suppression.js";
import type { ReportedDiagnostic, ReportedEdit, ReportedFix } from "../model/reported.js";

export type {
  ReportedDiagnostic,
  ReportedEdit,
  ReportedFix,
  ReportedRange,
} from "../model/reported.js";
import type {
  Context,
  Diagnostic,
  Edit,
  NativeTree,
  ReplacedName,
  Transform,
  TransformSite,
} from "../model/types.js";

export type SourceStatus = "changed" | "unchanged" | "syntax-error" | "failed";

export interface SourceResult {
  status: SourceStatus;
  /** The new text; the input itself unless status is "changed". */
  output: string;
  edits: ReportedEdit[];
  diagnostics: ReportedDiagnostic[];
  /** Transforms that did not look at this file because its path matched their skip globs. */
  skippedBy: string[];
  /** Names the rewrites stopped calling (for tests that patch them), when the file changed. */
  replaced?: ReplacedName[];
  /** The sites rewritten, one per site, when the file changed. */
  fixes?: ReportedFix[];
  /** Stack of an exception raised inside a transform, for --verbose. */
  stack?: string;
}

export interface PipelineInput {
  source: string;
  /** Path relative to the project root, with forward slashes: skip globs match against it. */
  path: string;
  /** The file's dotted module path from the project root, when known. */
  module?: string;
  transforms: readonly Transform[];
  ctx: Context;
  /** Per transform id, globs of files it must not touch (defaults to each transform's own). */
  skipGlobs?: Record<string, string[]>;
  /** Codes never reported (`--extend-ignore`, `ignore = [...]`): their fixes are not applied. */
  ignore?: readonly string[];
  /** Report suppression comments that suppressed nothing (AS910). */
  reportUnusedIgnores?: boolean;
  /** The file's absolute path: a parse of the same text the survey kept is used (kept-trees.ts). */
  file?: string;
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
    return this.originalPosition(this.originalOffset(offset));
  }
  originalPosition(at: number): { line: number; column: number } {
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
export function mayHoldSite(
  source: string,
  transform: Transform,
  ctx?: Context,
  module?: string,
): boolean {
  // A module the transform's project-wide plan edits (see Transform.survey).
  if (module !== undefined && ctx?.project.plans?.[transform.meta.id]?.modules.includes(module))
    return true;
  if (!transform.meta.triggers.some((word) => source.includes(word))) return false;
  return !ctx || !transform.mayHoldSite || transform.mayHoldSite(source, ctx);
}

/**
 * A test for "some transform's trigger word is in the text", with as few searches as it takes: a
 * word holding another word (`asyncio`, `async def` and `sync_to_async` all hold `async`) is
 * found whenever that word is, so only the shortest are searched for.
 */
export function holdsAnyTrigger(transforms: readonly Transform[]): (source: string) => boolean {
  const words = [...new Set(transforms.flatMap((t) => t.meta.triggers))];
  const needed = words.filter((w) => !words.some((other) => other !== w && w.includes(other)));
  return (source) => needed.some((word) => source.includes(word));
}

/**
 * Does this transform run at all for the project? A Django-only transform needs Django: in its
 * dependency files, settings or imports (asgiref alone is not enough: FastAPI projects list it,
 * and without Django's thread-sensitive ORM work there is no bug for asyncio-run to fix).
 */
export function transformApplies(transform: Transform, ctx: Context): boolean {
  if (!transform.meta.needsDjango) return true;
  if (transform.meta.alsoWithAsgiref && ctx.project.usesAsgiref) return true;
  if (transform.meta.withoutDjango) return true;
  return ctx.options.django || ctx.project.usesDjango;
}

/** One file's run through the pipeline: the text so far, what was reported, and where it came from. */
class FileRun {
  private readonly edits: ReportedEdit[] = [];
  /** Each pass's edits as made (offsets of the text it read), and where each maps back to. */
  private readonly passes: PassEdits[] = [];
  private readonly mappedBack: Edit[] = [];
  readonly diagnostics: ReportedDiagnostic[] = [];
  readonly skippedBy: string[] = [];
  readonly replaced: ReplacedName[] = [];
  readonly fixes: ReportedFix[] = [];
  readonly history: OffsetHistory;
  readonly suppressions: Suppressions;
  private readonly ignored: Set<string>;
  /** The transforms that looked at the file: their codes' unused suppressions are reported. */
  looked: readonly Transform[] = [];

  constructor(
    readonly input: PipelineInput,
    /** The text without its BOM. */
    readonly text: string,
  ) {
    this.history = new OffsetHistory(text);
    this.suppressions = new Suppressions(text);
    this.ignored = new Set(input.ignore?.map((c) => c.toUpperCase()));
  }

  /**
   * Is a site's code ignored by the configuration, or suppressed by a comment on its line or on
   * the first line of its statement (`statementStart`, in the current text)?
   */
  isSuppressed(d: Diagnostic, statementStart = d.start): boolean {
    if (this.ignored.has(d.code)) return true;
    const at = this.history.originalOffset(d.start);
    return this.suppressions.isSuppressed(d.code, at, this.history.originalOffset(statementStart));
  }

  /** The diagnostics, with unused suppressions when asked for. */
  reported(): ReportedDiagnostic[] {
    if (!this.input.reportUnusedIgnores || this.suppressions.size === 0) return this.diagnostics;
    const unused = unusedSuppressions(this.suppressions, mayReportUnused(this.input, this.looked));
    return [...this.diagnostics, ...unused];
  }

  /** A rewritten site, positioned in the file as read. */
  recordFix(source: string, d: Diagnostic, spans: readonly { start: number; end: number }[]): void {
    const start = this.history.position(d.start);
    const end = this.history.position(Math.max(d.end, d.start));
    this.fixes.push({
      spans: spans.map((span) => {
        const from = this.history.position(span.start);
        const to = this.history.position(Math.max(span.end, span.start));
        return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
      }),
      code: d.code,
      source,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: d.message,
      applicability: d.fixApplicability ?? "safe",
    });
  }

  report(source: string, d: Diagnostic, statementStart = d.start): void {
    if (source !== "runner" && this.isSuppressed(d, statementStart)) return;
    const start = this.history.position(d.start);
    const end = this.history.position(Math.max(d.end, d.start));
    this.diagnostics.push({
      code: d.code,
      severity: d.severity,
      source,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
      message: d.message,
      ...(d.suggestion !== undefined ? { suggestion: d.suggestion } : {}),
      ...(d.fixApplicability ? { fix: d.fixApplicability } : {}),
    });
  }

  /** A runner error at the top of the file. */
  fail(code: string, message: string): void {
    this.report("runner", { code, severity: "error", start: 0, end: 0, message });
  }

  /**
   * Every site stays accounted for in a failed file: each rewrite made before the failure is not
   * applied, and is reported where it was (its code, what it would have done, why not).
   */
  private keepUnappliedSites(): void {
    const failure = this.diagnostics.find((d) => d.source === "runner" && d.severity === "error");
    for (const fix of this.fixes.splice(0))
      this.diagnostics.push({
        code: fix.code,
        severity: "warning",
        source: fix.source,
        line: fix.line,
        column: fix.column,
        endLine: fix.endLine,
        endColumn: fix.endColumn,
        message: `${fix.message}; not applied: ${failure?.code ?? "the file failed"} left the file unchanged`,
      });
  }

  recordEdits(id: string, current: string, changes: readonly Edit[]): void {
    this.passes.push({ id, edits: changes });
    for (const e of changes) {
      const start = this.history.position(e.start);
      const end = this.history.position(e.end);
      this.mappedBack.push({
        start: this.history.originalOffset(e.start),
        end: this.history.originalOffset(e.end),
        text: e.text,
      });
      this.edits.push({
        transform: id,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        before: current.slice(e.start, e.end),
        after: e.text,
      });
    }
    this.history.record([...changes]);
  }

  /**
   * The edits as reported: each pass's own, when they are edits of the text as read that give
   * `output` (the JSON report's promise); else the passes composed (see composed-edits.ts).
   */
  reportedEdits(output: string): ReportedEdit[] {
    if (this.passes.length < 2 || this.mappedBackExactly(output)) return this.edits;
    return composedEdits(this.text, this.passes).map((e) => {
      const start = this.history.originalPosition(e.start);
      const end = this.history.originalPosition(e.end);
      const [line, column, endLine, endColumn] = [start.line, start.column, end.line, end.column];
      const before = this.text.slice(e.start, e.end);
      return { transform: e.id, line, column, endLine, endColumn, before, after: e.text };
    });
  }

  private mappedBackExactly(output: string): boolean {
    const edits = this.mappedBack.map((e, i) => ({ ...e, before: this.edits[i].before }));
    if (edits.some((e) => this.text.slice(e.start, e.end) !== e.before)) return false;
    try {
      return applyEdits(this.text, edits) === output;
    } catch (error) {
      if (error instanceof OverlappingEditsError) return false;
      throw error;
    }
  }

  unchanged(status: SourceStatus, stack?: string): SourceResult {
    if (status === "failed") this.keepUnappliedSites();
    return {
      status,
      output: this.input.source,
      edits: status === "unchanged" ? this.edits : [],
      diagnostics: status === "unchanged" ? this.reported() : this.diagnostics,
      skippedBy: this.skippedBy,
      ...(stack ? { stack } : {}),
    };
  }
}

/** The transforms that run on this path (skip globs and Django-only transforms applied). */
function wantedTransforms(run: FileRun): Transform[] {
  const { input, text } = run;
  return input.transforms.filter((t) => {
    if (!transformApplies(t, input.ctx)) return false;
    const globs = input.skipGlobs?.[t.meta.id] ?? t.meta.defaultSkip ?? [];
    if (isSkipped(input.path, globs)) {
      if (mayHoldSite(text, t, input.ctx, input.module)) run.skippedBy.push(t.meta.id);
      return false;
    }
    return true;
  });
}

/**
 * AS900 when the parse has a syntax problem. A clean parse's copy (`tree`), when there is one,
 * answers the search for Python 2 forms: its nodes are far cheaper to walk than the parser's.
 */
function reportSyntaxError(run: FileRun, native?: NativeTree, tree?: SyntaxTree): boolean {
  const problem = firstSyntaxProblem(tree && !native?.rootNode.hasError ? tree : (native ?? tree!));
  if (!problem) return false;
  run.report("runner", {
    code: "AS900",
    severity: "error",
    start: problem.start,
    end: problem.start,
    message:
      `syntax error on line ${problem.line + 1}` +
      (problem.expected ? ` (missing ${JSON.stringify(problem.expected)})` : "") +
      (problem.python2 ? ` (${problem.python2}, which Python 3 does not accept)` : "") +
      `: file left unchanged; fix it and run again`,
  });
  return true;
}

/**
 * The semantics the transforms read, or undefined (AS909 reported) for code nested too deep.
 * `copied`: the copy of `native` already made.
 */
function semanticsOf(
  run: FileRun,
  native: NativeTree | undefined,
  current: string,
  copied?: SyntaxTree,
): FileSemantics | undefined {
  const tree = copied ?? copyTree(native!, current);
  // Far past what CPython compiles (it gives up a few thousand levels down): generated code
  // that a rewrite cannot make valid. The walks are iterative; this bound is a decision.
  if (tree.depth > MAX_NESTING) {
    run.fail(
      "AS909",
      `code nested more than ${MAX_NESTING} levels deep, which CPython does not compile either: file left unchanged`,
    );
    return undefined;
  }
  return new FileSemantics(
    run.input.path,
    current,
    tree,
    run.input.module ?? ModuleNames.ofLonePath(run.input.path),
  );
}

/** One transform on the current text: its edits, or the failure that stops the file. */
function runPass(
  run: FileRun,
  transform: Transform,
  file: FileSemantics,
): { edits: Edit[] } | { failed: SourceResult } {
  const id = transform.meta.id;
  try {
    const result = transform.transform(file, run.input.ctx);
    // A suppressed or ignored site is left alone: neither reported nor rewritten.
    result.findings = result.findings.filter(
      (f) => !run.isSuppressed(f, statementStartOf(file.tree, f.start)),
    );
    const outcome = passOutcome(file, result, run.input.ctx);
    for (const d of outcome.diagnostics) run.report(id, d);
    for (const { spans, ...d } of outcome.fixed) run.recordFix(id, d, spans);
    run.replaced.push(...outcome.replaced);
    return { edits: sortedEdits(outcome.edits) };
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    // Code nested deeper than a recursive walk can follow (CPython itself refuses most such
    // files): a limit of the input, not a bug, so a plain error rather than AS999's exit 2.
    if (err instanceof RangeError && /call stack/i.test(err.message)) {
      run.fail(
        "AS909",
        `code nested too deeply for transform ${id} to analyse: file left unchanged`,
      );
      return { failed: run.unchanged("failed", err.stack) };
    }
    run.fail(
      "AS999",
      `internal error in transform ${id}: ${err.message}; file left unchanged (please report this)`,
    );
    return { failed: run.unchanged("failed", err.stack) };
  }
}

/**
 * The per-file pipeline: parse, then each transform in order on the text the previous one left,
 * re-parsing after each pass that changed something; the result is refused when the final text has
 * a parse error the input did not have.
 */
export function transformSource(input: PipelineInput): SourceResult {
  const hasBom = input.source.startsWith(BOM);
  const text = hasBom ? input.source.slice(1) : input.source;
  const run = new FileRun(input, text);
  const wanted = wantedTransforms(run);
  run.looked = wanted;
  const holdingSites = new Set(wanted.filter((t) => mayHoldSite(text, t, input.ctx, input.module)));
  if (holdingSites.size === 0) return run.unchanged("unchanged");

  // The parser's trees live in the WebAssembly heap: each is freed once the next replaces it
  // (reparsedAfterEdits), and the last one here. Inline rather than in a helper: an internal
  // error's stack shows 10 frames, and one more would hide the worker's (AS999 --verbose).
  const kept = input.file === undefined ? undefined : takeTree(input.file, text);
  // The survey's copy may come without the parser's tree (a worker's): then that one is made
  // only after an edit, whole.
  let native: NativeTree | undefined = kept ? kept.native : parseNative(text);
  try {
    let current = text;
    // The text's copy: the survey's, or made here (every transform reads it; the syntax check
    // too, when the parse is clean).
    let copied = kept?.tree ?? (native!.rootNode.hasError ? undefined : copyTree(native!, text));
    if (reportSyntaxError(run, native, copied)) return run.unchanged("syntax-error");
    // What the transforms read, made when a transform is about to run on the current text.
    let file: FileSemantics | undefined;
    for (const transform of wanted) {
      // A rewrite may bring a later transform's trigger word in (or take it out).
      const mayHold =
        current === text
          ? holdingSites.has(transform)
          : mayHoldSite(current, transform, input.ctx, input.module);
      if (!mayHold) continue;
      file ??= semanticsOf(run, native, current, copied);
      copied = undefined;
      if (!file) return run.unchanged("failed");
      const pass = runPass(run, transform, file);
      if ("failed" in pass) return pass.failed;
      const changes = pass.edits.filter((e) => current.slice(e.start, e.end) !== e.text);
      if (changes.length === 0) continue;
      run.recordEdits(transform.meta.id, current, changes);
      const previous = current;
      current = applyEdits(current, changes);
      native = native
        ? reparsedAfterEdits(native, previous, current, changes)
        : parseNative(current);
      file = undefined;
    }
    if (current === text) return run.unchanged("unchanged");
    if (refusedOutput(run, native!)) return run.unchanged("failed");
    return {
      status: "changed",
      output: hasBom ? BOM + current : current,
      edits: run.reportedEdits(current),
      diagnostics: run.reported(),
      skippedBy: run.skippedBy,
      ...replacedIn(run.replaced, text, current),
      fixes: run.fixes,
    };
  } finally {
    native?.delete();
  }
}

/** What the fixes stopped calling, and the awaited calls through names the run added (AS920). */
function replacedIn(
  fromFixes: ReplacedName[],
  before: string,
  after: string,
): { replaced?: ReplacedName[] } {
  // A name the new text still calls (a thread wrapper kept at another site) is not one the module
  // stopped calling: a test patching it still intercepts (hazard-review-6 V15, tracecat).
  const gone = fromFixes.filter((name) => !stillCalls(after, name.local));
  const replaced = [...gone, ...awaitedThroughNames(before, after)];
  return replaced.length > 0 ? { replaced } : {};
}

/** Does `code` call `name` (`asyncio.to_thread(`, `asyncio . to_thread (`)? */
function stillCalls(code: string, name: string): boolean {
  const escaped = name.replace(/[$()*+?[\]\\^{|}]/g, "\\$&").replace(/\./g, "\\s*\\.\\s*");
  return new RegExp(`(?<![\\w.])${escaped}\\s*\\(`).test(code);
}

/** AS901: the rewritten text would not parse. */
function refusedOutput(run: FileRun, native: NativeTree): boolean {
  if (countSyntaxProblems(native) === 0) return false;
  const problem = firstSyntaxProblem(native)!;
  run.diagnostics.push({
    code: "AS901",
    severity: "error",
    source: "runner",
    line: problem.line + 1,
    column: problem.column + 1,
    endLine: problem.line + 1,
    endColumn: problem.column + 1,
    message:
      `the rewritten file would not parse (line ${problem.line + 1} of the new text): ` +
      `nothing written` +
      (run.fixes.length > 0 ? `; each site it rewrote is reported as not applied` : "") +
      ` (please report this)`,
  });
  return true;
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

/** The sites one transform recognises in a file (for `asyncshift report`), offsets in the text. */
export interface SurveyedSites {
  transform: string;
  sites: TransformSite[] | undefined;
  /** The file matches the transform's skip globs: counted apart (tests, commands, migrations). */
  skipped: boolean;
}

/**
 * What every transform recognises in a text as read, nothing rewritten: the pipeline's parse,
 * semantics and text tests, each transform on the same text (not chained), even where its skip
 * globs or the Django check would stop a run. A transform that fails is left out (a run reports
 * it as AS999).
 */
export function surveySource(
  input: Pick<PipelineInput, "source" | "path" | "module" | "transforms" | "ctx" | "skipGlobs">,
  native: NativeTree,
): SurveyedSites[] {
  const text = input.source;
  let file: FileSemantics | undefined;
  const surveyed: SurveyedSites[] = [];
  for (const transform of input.transforms) {
    if (!mayHoldSite(text, transform, input.ctx, input.module)) continue;
    const globs = input.skipGlobs?.[transform.meta.id] ?? transform.meta.defaultSkip ?? [];
    try {
      file ??= new FileSemantics(input.path, text, copyTree(native, text), input.module);
      const { sites } = transform.transform(file, input.ctx);
      surveyed.push({ transform: transform.meta.id, sites, skipped: isSkipped(input.path, globs) });
    } catch {
      continue;
    }
  }
  return surveyed;
}
