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

/**
 * Does the function say it blocks the loop on purpose (its docstring, or a comment on the call's
 * line or the line above: "Deliberately blocks the event loop")? Then the block is the point.
 */
export function blocksOnPurpose(file: FileSemantics, fn: SyntaxNode, call: SyntaxNode): boolean {
  const first = fn.childForFieldName("body")?.namedChildren[0];
  const docstring =
    first?.type === "expression_statement" && first.namedChildren[0]?.type === "string"
      ? first.namedChildren[0].text
      : "";
  const starts = lineStarts(file.source);
  const row = call.startPosition.row;
  const near = [row - 1, row]
    .filter((r) => r >= 0)
    .map((r) => lineText(file.source, starts, r))
    .map((line) => line.slice(line.indexOf("#") >= 0 ? line.indexOf("#") : line.length))
    .join(" ");
  return [docstring, near].some((text) => ON_PURPOSE.test(text) && BLOCKS.test(text));
}
