import type { Edit, ParsedFile, SyntaxNode } from "../model/types.js";
/**
 * The import edits of a rewrite that drops references and may need a module: what to-thread and
 * blocking-calls share until the engine's import plan takes this over.
 */
import {
  importBindingOf,
  importEditsToAddModule,
  importEditsToRemove,
  isImportStillUsed,
  type ImportBinding,
} from "./imports.js";

/** Modules whose imports a rewrite may leave unused: the standard library, free of import side effects. */
const REMOVABLE_IMPORTS = new Set([
  "asyncio",
  "asyncio.to_thread",
  "functools",
  "functools.partial",
  "time",
  "time.sleep",
]);

/**
 * asyncio/functools/time imports, and a name the sites replaced (`redis_manager` after its twin)
 * from a from-import that keeps other names: the module is still imported, so no import-time side
 * effect is lost. A package's `__init__.py`, or a name `__all__` lists, may be importing it for
 * others: kept.
 */
function isRemovable(file: ParsedFile, binding: ImportBinding): boolean {
  if (REMOVABLE_IMPORTS.has(binding.qualified)) return true;
  const statement = binding.statement;
  const reexported =
    /(^|\/)__init__\.py$/.test(file.path) ||
    new RegExp(`["']${binding.local}["']`).test(file.source);
  return (
    !reexported &&
    statement.type === "import_from_statement" &&
    statement.childrenForFieldName("name").length > 1
  );
}

/** Removal of imports that only the rewritten sites used. */
export function unusedImportEdits(file: ParsedFile, gone: SyntaxNode[], kept: Set<number>): Edit[] {
  const goneIds = new Set(gone.map((n) => n.id));
  const bindings = new Map<number, ImportBinding>();
  for (const reference of gone) {
    const binding = importBindingOf(reference.text, reference);
    if (binding && isRemovable(file, binding)) bindings.set(binding.item.id, binding);
  }
  const edits: Edit[] = [];
  // One removal per statement and pass: two removals from one statement would overlap.
  const statements = new Set<number>();
  for (const binding of bindings.values()) {
    if (kept.has(binding.item.id) || statements.has(binding.statement.id)) continue;
    if (isImportStillUsed(binding, (ref) => goneIds.has(ref.id))) continue;
    statements.add(binding.statement.id);
    edits.push(
      ...importEditsToRemove(file.source, binding).map((e) =>
        withBlankLineAfter(file.source, binding.statement, e),
      ),
    );
  }
  return edits;
}

const BLANK_LINE = /^[ \t]*\r?\n/;

/**
 * Removals of whole neighbouring lines as one edit; when they emptied a section of the import
 * block (a blank line before and after), one of the two blank lines goes too.
 */
export function mergedLineRemovals(source: string, edits: Edit[], additions: Edit[]): Edit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  const merged: Edit[] = [];
  for (const edit of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && previous.text === "" && edit.text === "" && previous.end === edit.start) {
      previous.end = edit.end;
    } else merged.push({ ...edit });
  }
  return merged.map((edit) => {
    const wholeLines =
      edit.text === "" &&
      (edit.start === 0 || source[edit.start - 1] === "\n") &&
      source[edit.end - 1] === "\n";
    // An import added where the lines go takes their place: the section's blank line stays.
    const replaced = additions.some((a) => a.start >= edit.start && a.start <= edit.end);
    if (!wholeLines || replaced) return edit;
    const previousLineStart = source.lastIndexOf("\n", edit.start - 2) + 1;
    // At the top of the file, a blank line left first would be a leading blank line.
    const blankBefore =
      edit.start === 0 || BLANK_LINE.test(source.slice(previousLineStart, edit.start));
    const blankAfter = BLANK_LINE.exec(source.slice(edit.end));
    return blankBefore && blankAfter ? { ...edit, end: edit.end + blankAfter[0].length } : edit;
  });
}

/**
 * A local import that opened a function body is usually followed by a blank line: removing the
 * import line alone would leave the body starting with that blank line.
 */
function withBlankLineAfter(source: string, statement: SyntaxNode, edit: Edit): Edit {
  const block = statement.parent;
  const opensBody = block?.type === "block" && block.namedChildren[0]?.id === statement.id;
  const wholeLine =
    edit.text === "" && edit.end > statement.endIndex && source[edit.end - 1] === "\n";
  if (!opensBody || !wholeLine) return edit;
  const blank = /^[ \t]*\r?\n/.exec(source.slice(edit.end));
  return blank ? { ...edit, end: edit.end + blank[0].length } : edit;
}

/**
 * Every import edit of a pass: imports only the `gone` references used are removed (except the
 * `kept` bindings a new callee uses), and `module` is imported when a rewrite needs it.
 */
export function importCleanupEdits(
  file: ParsedFile,
  gone: SyntaxNode[],
  kept: Set<number>,
  addModule?: string,
): Edit[] {
  const additions = addModule ? importEditsToAddModule(file.tree.rootNode, addModule) : [];
  return [
    ...mergedLineRemovals(file.source, unusedImportEdits(file, gone, kept), additions),
    ...additions,
  ];
}
