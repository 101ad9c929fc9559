import type {
  Context,
  Diagnostic,
  Edit,
  FileSemantics,
  Finding,
  Fix,
  ReplacedName,
  TransformResult,
} from "../model/types.js";
import { importPlanEdits } from "./import-plan.js";

/** A transform pass's outcome once the engine has chosen the fixes to apply. */
export interface PassOutcome {
  edits: Edit[];
  diagnostics: Diagnostic[];
  /** The sites rewritten: findings whose fix is applied (what reports count and name). */
  fixed: Diagnostic[];
  /** Names the applied fixes stopped calling. */
  replaced: ReplacedName[];
}

/** Is this fix applied in this run? `safe` always, `unsafe` with `--unsafe-fixes`, `display` never. */
export function isApplied(fix: Fix | undefined, ctx: Context): fix is Fix {
  if (!fix) return false;
  return (
    fix.applicability === "safe" || (fix.applicability === "unsafe" && ctx.options.unsafeFixes)
  );
}

/**
 * The edits and diagnostics of one pass: applied fixes give their edits and the import plan's
 * edits; every other finding is a diagnostic (with its suggested code, when it has one).
 */
export function passOutcome(
  file: FileSemantics,
  result: TransformResult,
  ctx: Context,
): PassOutcome {
  const applied: Fix[] = [];
  const diagnostics: Diagnostic[] = [];
  const fixed: Diagnostic[] = [];
  for (const finding of result.findings) {
    if (isApplied(finding.fix, ctx)) {
      applied.push(finding.fix);
      fixed.push(diagnosticOf(finding));
      if (finding.reportWhenApplied) diagnostics.push(diagnosticOf(finding));
    } else diagnostics.push(diagnosticOf(finding));
  }
  const edits = applied.flatMap((f) => f.edits);
  if (applied.length > 0) edits.push(...importPlanEdits(file, applied));
  const replaced = applied.flatMap((f) => f.replaces ?? []);
  return { edits, diagnostics, fixed, replaced };
}

function diagnosticOf(finding: Finding): Diagnostic {
  const { fix, reportWhenApplied: _report, ...diagnostic } = finding;
  return fix ? { ...diagnostic, fixApplicability: fix.applicability } : diagnostic;
}
