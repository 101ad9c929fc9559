import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * What the authors said about a blocking call: a linter's suppression on its line, or a function
 * that blocks the loop on purpose (a chaos endpoint, a watchdog test).
 */

/** flake8-async's umbrella codes, which its ASYNC2xx rules replaced: they cover every one. */
const LEGACY_CODES = ["ASYNC100", "ASYNC101", "ASYNC102"];

const NOQA = /#\s*noqa\b(?::\s*([A-Z]+[0-9]+(?:[\s,]+[A-Z]+[0-9]+)*))?/i;

/** The text of the 0-based row `row` of the file. */
function lineText(source: string, starts: number[], row: number): string {
  return source.slice(starts[row], starts[row + 1] ?? source.length);
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = source.indexOf("\n"); i !== -1; i = source.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * `time.sleep(1)  # noqa: ASYNC251` (or the legacy ASYNC101, or a bare `# noqa`) on the call's
 * line or on the first line of its statement: the authors silenced the very rule the finding
 * cites, as ruff honours it. `rule` is empty for a finding ruff has no rule for: only a bare
 * `# noqa` covers it then.
 */
export function silencedByNoqa(file: FileSemantics, call: SyntaxNode, rule: string): boolean {
  if (!file.source.includes("noqa")) return false;
  const starts = lineStarts(file.source);
  let statement: SyntaxNode = call;
  while (statement.parent && !statement.type.endsWith("statement")) statement = statement.parent;
  const rows = new Set([call.startPosition.row, statement.startPosition.row]);
  for (const row of rows) {
    const found = NOQA.exec(lineText(file.source, starts, row));
    if (!found) continue;
    if (!found[1]) return true;
    const codes = found[1].toUpperCase().split(/[\s,]+/);
    if (codes.some((c) => (rule !== "" && rule.split("/").includes(c)) || LEGACY_CODES.includes(c)))
      return true;
  }
  return false;
}

const ON_PURPOSE = /\b(deliberately|on purpose|intentionally|purposely)\b/i;
const BLOCKS = /\bblock(s|ing)?\b/i;
/** "the stall the detector must report": a stall of the loop is what the code is for. */
const STALL = /\bstall/i;
/** `block_loop`, `freeze_server`, `simulate_stall`: a function named for blocking the loop. */
const BLOCKING_NAME = /(^|_)(block|blocking|freeze|stall)(_|$)/i;
/** Test files: a sleep on the loop there is most often the stall a test needs (a lag detector). */
const TEST_FILE = /(^|\/)(tests?\/|test_[^/]*\.py$|[^/]*_test\.py$|conftest\.py$)/;

/** Is the file a test (`tests/`, `test_*.py`, `*_test.py`, `conftest.py`)? */
export function isTestPath(path: string): boolean {
  return TEST_FILE.test(path);
}

/** The comment lines right above `row` (a contiguous block) and the comment on `row` itself. */
function nearComments(source: string, starts: number[], row: number): string {
  const comment = (r: number) => {
    const line = lineText(source, starts, r);
    const hash = line.indexOf("#");
    return hash >= 0 ? line.slice(hash) : "";
  };
  const lines = [comment(row)];
  for (let r = row - 1; r >= 0 && /^\s*#/.test(lineText(source, starts, r)); r--)
    lines.push(comment(r));
  return lines.join(" ");
}

/**
 * Why the function blocks the loop on purpose, if it does: its docstring or the comments just
 * above the call say so ("Deliberately blocks the event loop", "the stall the detector must
 * report"), its name does (`block_loop`), or it is a test's (a stall is what tests of lag
 * detectors and timeouts need).
 */
export function blocksOnPurpose(
  file: FileSemantics,
  fn: SyntaxNode,
  call: SyntaxNode,
): string | undefined {
  const first = fn.childForFieldName("body")?.namedChildren[0];
  const docstring =
    first?.type === "expression_statement" && first.namedChildren[0]?.type === "string"
      ? first.namedChildren[0].text
      : "";
  const near = nearComments(file.source, lineStarts(file.source), call.startPosition.row);
  const said = (text: string) => (ON_PURPOSE.test(text) && BLOCKS.test(text)) || STALL.test(text);
  if (said(docstring)) return "its docstring says it blocks the loop on purpose";
  if (said(near)) return "the comment above it says the loop is blocked on purpose";
  if (BLOCKING_NAME.test(fn.childForFieldName("name")?.text ?? ""))
    return "the function is named for blocking the loop";
  if (TEST_FILE.test(file.path))
    return "it is in a test, where a stall of the loop is most often what the test needs";
  return undefined;
}
