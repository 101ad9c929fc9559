import { isStdlibModule } from "./stdlib.js";
import { fromModuleName } from "./shapes.js";
import type { SyntaxNode } from "../model/types.js";

/*
 * The sections of an import block as isort sees them (future, standard library, third party,
 * local), and the statements' sort keys: where the ImportPlan puts a new line (imports.ts).
 */

export function importedItemName(item: SyntaxNode): string {
  const dotted = item.type === "aliased_import" ? item.childForFieldName("name") : item;
  return dotted?.text ?? item.text;
}

export function isFutureImport(statement: SyntaxNode): boolean {
  return statement.type === "future_import_statement";
}

export type ImportSection = "future" | "stdlib" | "thirdparty" | "local";

/** The module a statement imports from (`os.path` for `import os.path as p`). */
export function statementModule(statement: SyntaxNode): string {
  if (statement.type === "import_from_statement") return fromModuleName(statement);
  const first = statement.childrenForFieldName("name")[0];
  return first ? importedItemName(first) : "";
}

export function sectionOf(statement: SyntaxNode): ImportSection {
  if (isFutureImport(statement)) return "future";
  const module = statementModule(statement);
  if (module.startsWith(".")) return "local";
  return isStdlibModule(module.split(".")[0]) ? "stdlib" : "thirdparty";
}

export function sortKeyOfStatement(statement: SyntaxNode): string {
  return statementModule(statement).toLowerCase();
}

export function isortStatementKey(statement: SyntaxNode): string {
  return `${statement.type === "import_from_statement" ? 1 : 0}${sortKeyOfStatement(statement)}`;
}

/**
 * The third-party imports of the first run of lines (runs are separated by blank lines, as isort
 * separates sections) that holds more of them than of the standard library's; else of the first
 * run that holds any. A later run is usually first-party code, and a stray third-party line in
 * the standard library's run (bookwyrm's `from typing_extensions import Self`, hazard-review-4
 * K12a) does not make that run the third-party section.
 */
export function firstThirdPartyGroup(
  block: SyntaxNode[],
  firstParty: ReadonlySet<string>,
): SyntaxNode[] {
  let fallback: SyntaxNode[] = [];
  for (const run of runsOf(block)) {
    const group: SyntaxNode[] = [];
    for (const statement of run) {
      const top = statementModule(statement).split(".")[0];
      // A run of the project's own absolute imports is first-party, not third-party.
      if (sectionOf(statement) === "thirdparty" && !firstParty.has(top)) group.push(statement);
      else if (firstParty.has(top) && group.length > 0) break;
    }
    const stdlib = run.filter((s) => sectionOf(s) === "stdlib").length;
    if (group.length > 0 && group.length >= stdlib) return group;
    if (fallback.length === 0) fallback = group;
  }
  return fallback;
}

/** The import block's runs of lines, split at blank lines. */
function runsOf(block: SyntaxNode[]): SyntaxNode[][] {
  const runs: SyntaxNode[][] = [];
  block.forEach((statement, i) => {
    const startsRun = i === 0 || statement.startPosition.row > block[i - 1].endPosition.row + 1;
    if (startsRun) runs.push([statement]);
    else runs[runs.length - 1].push(statement);
  });
  return runs;
}
