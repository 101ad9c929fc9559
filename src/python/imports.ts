import type { Edit, ImportBinding, SyntaxNode } from "../model/types.js";
import {
  bindingsNamed,
  enclosingScope,
  isScope,
  referencesInScope,
  type Binding,
} from "./scope.js";
import { isStdlibModule } from "./stdlib.js";
import { fromModuleName } from "./shapes.js";
import {
  firstThirdPartyGroup,
  importedItemName,
  isFutureImport,
  isortStatementKey,
  sectionOf,
  sortKeyOfStatement,
} from "./import-sections.js";

export type { ImportBinding };

/** The bindings one import statement makes. `from x import *` makes none we can name. */
export function importBindings(statement: SyntaxNode): readonly ImportBinding[] {
  const perTree = statement.tree.memoized(
    "importBindings",
    () => new Map<number, readonly ImportBinding[]>(),
  );
  let bindings = perTree.get(statement.id);
  if (!bindings) perTree.set(statement.id, (bindings = computeImportBindings(statement)));
  return bindings;
}

function computeImportBindings(statement: SyntaxNode): ImportBinding[] {
  const scope = enclosingScope(statement);
  const module = statement.type === "import_from_statement" ? fromModuleName(statement) : undefined;
  const result: ImportBinding[] = [];
  for (const item of statement.childrenForFieldName("name")) {
    const dotted = item.type === "aliased_import" ? item.childForFieldName("name") : item;
    const alias = item.type === "aliased_import" ? item.childForFieldName("alias") : undefined;
    if (!dotted) continue;
    const name = dotted.text.replace(/\s+/g, "");
    if (module !== undefined) {
      result.push({
        local: alias?.text ?? name,
        // `from . import views` is `.views`, not `..views` (one dot more: one package up).
        qualified: module.endsWith(".") ? `${module}${name}` : `${module}.${name}`,
        statement,
        item,
        scope,
      });
    } else if (alias) {
      result.push({ local: alias.text, qualified: name, statement, item, scope });
    } else {
      // `import os.path` binds `os`, and `os.path` is reached through it.
      const first = name.split(".")[0];
      result.push({ local: first, qualified: first, statement, item, scope });
    }
  }
  return result;
}

const IMPORT_TYPES = ["import_statement", "import_from_statement"];

export function allImportStatements(root: SyntaxNode): SyntaxNode[] {
  return root.descendantsOfType(IMPORT_TYPES);
}

/** Scopes whose names are visible from `node`, innermost first (class bodies only for their own code). */
function visibleScopes(node: SyntaxNode): SyntaxNode[] {
  const scopes: SyntaxNode[] = [];
  let scope = enclosingScope(node);
  scopes.push(scope);
  while (scope.type !== "module") {
    scope = enclosingScope(scope);
    // A class body's names are not visible in the functions nested in it.
    if (scope.type !== "class_definition") scopes.push(scope);
  }
  return scopes;
}

/**
 * The import a name refers to at `node`, or undefined when the name is not an import there
 * (a parameter, a local assignment, a def, or an import the scope also rebinds).
 */
export function importBindingOf(name: string, node: SyntaxNode): ImportBinding | undefined {
  // Most names are not imported at all: skip the walk over the scopes for them.
  if (!importedNamesIn(node.tree.rootNode).has(name)) return undefined;
  // The answer depends only on the innermost scope: remembered per scope and name, as every
  // reference to an imported module or model asks again.
  const innermost = enclosingScope(node);
  const perTree = node.tree.memoized(
    "importBindingOf",
    () => new Map<number, Map<string, ImportBinding | undefined>>(),
  );
  let perScope = perTree.get(innermost.id);
  if (!perScope) perTree.set(innermost.id, (perScope = new Map()));
  if (perScope.has(name)) return perScope.get(name);
  const found = importBindingInScopes(name, node);
  perScope.set(name, found);
  return found;
}

function importBindingInScopes(name: string, node: SyntaxNode): ImportBinding | undefined {
  for (const scope of visibleScopes(node)) {
    const bound = bindingsNamed(scope, name);
    if (bound.length === 0) continue;
    // Python decides per scope: any non-import binding makes the name something we cannot prove.
    if (bound.some((b) => b.kind !== "import")) return undefined;
    const statements = new Set(bound.map((b) => importStatementOf(b)?.id));
    for (const binding of bound) {
      const statement = importStatementOf(binding);
      if (!statement) continue;
      const found = importBindings(statement).find((i) => i.local === name);
      if (!found) continue;
      // Two imports of the same name in one scope must agree.
      const others = bound
        .map((b) => importStatementOf(b))
        .flatMap((s) => (s ? importBindings(s) : []))
        .filter((i) => i.local === name && i.qualified !== found.qualified);
      if (others.length > 0 && statements.size > 1) return undefined;
      return found;
    }
    return undefined;
  }
  return undefined;
}

/** What every import statement anywhere in the file binds, in source order (found once per tree). */
export function allImportBindings(root: SyntaxNode): readonly ImportBinding[] {
  return root.tree.memoized("allImportBindings", () =>
    allImportStatements(root).flatMap((s) => importBindings(s)),
  );
}

/** Every local name an import statement anywhere in the file binds (found once per tree). */
export function importedNamesIn(root: SyntaxNode): ReadonlySet<string> {
  return root.tree.memoized(
    "importedNames",
    () => new Set(allImportBindings(root).map((b) => b.local)),
  );
}

/**
 * Local names some import in the file (in any scope) binds to exactly `qualified`: a cheap test
 * before qualifiedName, which walks scopes. `x.run` can be `asyncio.run` only if `x` is here for
 * "asyncio"; a bare `r` only if `r` is here for "asyncio.run".
 */
export function namesImportedAs(root: SyntaxNode, qualified: string): ReadonlySet<string> {
  const perTree = root.tree.memoized("namesImportedAs", () => new Map<string, Set<string>>());
  let names = perTree.get(qualified);
  if (!names) {
    names = new Set(
      allImportBindings(root)
        .filter((b) => b.qualified === qualified)
        .map((b) => b.local),
    );
    perTree.set(qualified, names);
  }
  return names;
}

function importStatementOf(binding: Binding): SyntaxNode | undefined {
  for (let n = binding.node.parent; n; n = n.parent) {
    if (IMPORT_TYPES.includes(n.type)) return n;
    if (isScope(n)) return undefined;
  }
  return undefined;
}

/**
 * The dotted name an expression stands for through imports: `aio.run` -> `asyncio.run` after
 * `import asyncio as aio`, `r` -> `asyncio.run` after `from asyncio import run as r`.
 */
export function qualifiedName(expr: SyntaxNode): string | undefined {
  const parts: string[] = [];
  let n: SyntaxNode | null = expr;
  while (n?.type === "attribute") {
    const attr = n.childForFieldName("attribute");
    if (!attr) return undefined;
    parts.unshift(attr.text);
    n = n.childForFieldName("object");
  }
  if (n?.type !== "identifier") return undefined;
  const binding = importBindingOf(n.text, n);
  if (!binding) return undefined;
  return [binding.qualified, ...parts].join(".");
}

/** The line ending a file uses: its first line break decides. */
export function lineEnding(source: string): string {
  const i = source.indexOf("\n");
  return i > 0 && source[i - 1] === "\r" ? "\r\n" : "\n";
}

function lineStart(source: string, offset: number): number {
  return source.lastIndexOf("\n", offset - 1) + 1;
}

function lineEnd(source: string, offset: number): number {
  const i = source.indexOf("\n", offset);
  if (i < 0) return source.length;
  return source[i - 1] === "\r" ? i - 1 : i;
}

/** Offset just past the line break that ends the line holding `offset` (or the end of text). */
function nextLineStart(source: string, offset: number): number {
  const i = source.indexOf("\n", offset);
  return i < 0 ? source.length : i + 1;
}

function indentOf(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ \t]*/.exec(source.slice(start))![0];
}

/** isort's default order for names in a from-import: CONSTANTS, Classes, then functions. */
function isortNameKey(name: string): string {
  const kind = name === name.toUpperCase() && name.length > 1 ? 0 : /^[A-Z]/.test(name) ? 1 : 2;
  return `${kind}${name.toLowerCase()}`;
}

function isSortedBy(names: string[], key: (s: string) => string): boolean {
  for (let i = 1; i < names.length; i++) if (key(names[i - 1]) > key(names[i])) return false;
  return true;
}

const plainKey = (s: string) => s;
const caseInsensitiveKey = (s: string) => s.toLowerCase();

/** The sort key a list of names already follows, or undefined when it is unsorted. */
function sortKeyFollowed(names: string[]): ((s: string) => string) | undefined {
  if (names.length < 2) return isortNameKey;
  for (const key of [isortNameKey, caseInsensitiveKey, plainKey])
    if (isSortedBy(names, key)) return key;
  return undefined;
}

/** Module-level statements that are not behind `if TYPE_CHECKING:`, `try:` or any other block. */
function topLevelImports(root: SyntaxNode): SyntaxNode[] {
  return root.namedChildren.filter((c) => IMPORT_TYPES.includes(c.type));
}

function isDocstring(statement: SyntaxNode): boolean {
  return statement.type === "expression_statement" && statement.namedChildren[0]?.type === "string";
}

/** The statements at the head of the module: docstring, `__future__` imports, then the import block. */
function topImportBlock(root: SyntaxNode): SyntaxNode[] {
  const block: SyntaxNode[] = [];
  let seenCode = false;
  for (const statement of root.namedChildren) {
    if (statement.type === "comment") continue;
    if (IMPORT_TYPES.includes(statement.type)) {
      if (!seenCode) block.push(statement);
      continue;
    }
    if (isFutureImport(statement) || (isDocstring(statement) && block.length === 0 && !seenCode)) {
      continue;
    }
    seenCode = true;
  }
  return block.length > 0 ? block : topLevelImports(root).slice(0, 1);
}

/** Where a new statement may go when the module imports nothing: after docstring and `__future__`. */
function afterPreamble(root: SyntaxNode): SyntaxNode | undefined {
  let last: SyntaxNode | undefined;
  for (const statement of root.namedChildren) {
    if (statement.type === "comment") continue;
    if (isFutureImport(statement) || (isDocstring(statement) && !last)) {
      last = statement;
      continue;
    }
    break;
  }
  return last;
}

/** A new import line in a module that imports nothing yet: after docstring and `__future__`. */
function lineIntoModuleWithoutImports(root: SyntaxNode, line: string, eol: string): Edit {
  const source = root.text;
  const preamble = afterPreamble(root);
  if (preamble) {
    const at = lineEnd(source, preamble.endIndex);
    return { start: at, end: at, text: `${eol}${eol}${line}` };
  }
  const first = root.namedChildren.find((c) => c.type !== "comment");
  const at = first ? first.startIndex : source.length;
  // isort's default: two blank lines before a def or class, one before other code.
  const definition = ["function_definition", "class_definition", "decorated_definition"];
  const gap = !first ? "" : definition.includes(first.type) ? `${eol}${eol}` : eol;
  return { start: at, end: at, text: `${line}${eol}${gap}` };
}

/**
 * A new import line among the statements of one section, in the order they already follow:
 * isort's default (`import x` lines, key "0x", before `from x import` lines, key "1x") or
 * force_sort_within_sections (by module alone); after the last one when they follow neither.
 */
function lineIntoRun(
  source: string,
  run: SyntaxNode[],
  line: string,
  isortKey: string,
  eol: string,
): Edit {
  const key = [isortStatementKey, sortKeyOfStatement].find((k) => isSortedBy(run.map(k), plainKey));
  const newKey =
    key === isortStatementKey ? isortKey.toLowerCase() : isortKey.slice(1).toLowerCase();
  const before = key ? run.find((s) => key(s) > newKey) : undefined;
  if (before) {
    const at = lineStart(source, before.startIndex);
    return { start: at, end: at, text: `${line}${eol}` };
  }
  const at = lineEnd(source, run[run.length - 1].endIndex);
  return { start: at, end: at, text: `${eol}${line}` };
}

/**
 * Edits that make `name` from `module` available at module level: nothing when it is already
 * imported there, a name added to an existing `from module import ...`, or a new line in the top
 * import block, in the file's own style.
 */
export function importEditsToAdd(
  root: SyntaxNode,
  module: string,
  name: string,
  /** The project's own top packages: their imports are first-party, after third-party ones. */
  firstParty: ReadonlySet<string> = new Set(),
): Edit[] {
  const source = root.text;
  const eol = lineEnding(source);
  const existing = topLevelImports(root).filter(
    (s) => s.type === "import_from_statement" && fromModuleName(s) === module,
  );
  for (const statement of existing) {
    if (statement.descendantsOfType("wildcard_import").length > 0) return [];
    if (
      importBindings(statement).some((b) => b.local === name && b.qualified === `${module}.${name}`)
    )
      return [];
  }
  const target = existing.find((s) => s.childrenForFieldName("name").length > 0);
  if (target) return [nameAddedToFromImport(source, target, name, eol)];

  const line = `from ${module} import ${name}`;
  const block = topImportBlock(root);
  if (block.length === 0) return [lineIntoModuleWithoutImports(root, line, eol)];
  const thirdParty = firstThirdPartyGroup(block, firstParty);
  if (thirdParty.length > 0) return [lineIntoRun(source, thirdParty, line, `1${module}`, eol)];
  // No third-party section yet: open one between the standard library and local imports.
  const stdlib = block.filter((s) => sectionOf(s) === "stdlib");
  if (stdlib.length > 0) {
    const last = stdlib[stdlib.length - 1];
    const at = lineEnd(source, last.endIndex);
    const next = block[block.indexOf(last) + 1];
    // The section after it starts on the next line: a blank line keeps the sections apart.
    const touching = next !== undefined && next.startPosition.row === last.endPosition.row + 1;
    return [{ start: at, end: at, text: `${eol}${eol}${line}${touching ? eol : ""}` }];
  }
  const at = lineStart(source, block[0].startIndex);
  return [{ start: at, end: at, text: `${line}${eol}${eol}` }];
}

/**
 * Edits that make `import module` available at module level: nothing when the module is already
 * imported there unaliased, else an `import module` line placed as isort would place it (plain
 * imports of a section before its from-imports).
 */
export function importEditsToAddModule(root: SyntaxNode, module: string): Edit[] {
  const source = root.text;
  const eol = lineEnding(source);
  const imported = topLevelImports(root).some(
    (s) =>
      s.type === "import_statement" &&
      importBindings(s).some((b) => b.local === module && b.qualified === module),
  );
  if (imported) return [];
  const line = `import ${module}`;
  const block = topImportBlock(root);
  if (block.length === 0) return [lineIntoModuleWithoutImports(root, line, eol)];
  const section = isStdlibModule(module.split(".")[0]) ? "stdlib" : "thirdparty";
  const same = block.filter((s) => sectionOf(s) === section);
  if (same.length > 0) return [lineIntoRun(source, same, line, `0${module}`, eol)];
  // The section is new: the standard library opens the block, anything else follows it.
  if (section === "stdlib") {
    const at = lineStart(source, block[0].startIndex);
    return [{ start: at, end: at, text: `${line}${eol}${eol}` }];
  }
  const at = lineEnd(source, block[block.length - 1].endIndex);
  return [{ start: at, end: at, text: `${eol}${eol}${line}` }];
}

/** `from m import a, c` + b -> `from m import a, b, c`, keeping parentheses, layout and order. */
function nameAddedToFromImport(
  source: string,
  statement: SyntaxNode,
  name: string,
  eol: string,
): Edit {
  const items = statement.childrenForFieldName("name");
  const names = items.map(importedItemName);
  const key = sortKeyFollowed(names);
  let index = items.length;
  if (key) {
    const found = names.findIndex((n) => key(n) > key(name));
    if (found >= 0) index = found;
  }
  const multiLine = items.some(
    (item, i) => i > 0 && item.startPosition.row !== items[i - 1].endPosition.row,
  );
  if (multiLine) {
    // One name per line: the new name gets a line of its own, indented like its neighbours.
    if (index < items.length) {
      const next = items[index];
      const at = lineStart(source, next.startIndex);
      return { start: at, end: at, text: `${indentOf(source, next.startIndex)}${name},${eol}` };
    }
    const last = items[items.length - 1];
    const afterLast = source.slice(last.endIndex);
    const hasTrailingComma = /^\s*,/.test(afterLast);
    const indent = indentOf(source, last.startIndex);
    if (hasTrailingComma) {
      const commaAt = last.endIndex + afterLast.indexOf(",") + 1;
      const at = lineEnd(source, commaAt);
      return { start: at, end: at, text: `${eol}${indent}${name},` };
    }
    return { start: last.endIndex, end: last.endIndex, text: `,${eol}${indent}${name}` };
  }
  if (index < items.length) {
    const next = items[index];
    return { start: next.startIndex, end: next.startIndex, text: `${name}, ` };
  }
  const last = items[items.length - 1];
  return { start: last.endIndex, end: last.endIndex, text: `, ${name}` };
}

/**
 * Edits that remove one import binding: the item from its statement, or the whole statement (its
 * line) when it was the only item. The caller has checked that nothing uses the name any more.
 */
export function importEditsToRemove(source: string, binding: ImportBinding): Edit[] {
  const { statement, item } = binding;
  const items = statement.childrenForFieldName("name");
  if (items.length <= 1) return [statementRemoval(source, statement)];
  const index = items.findIndex((i) => i.id === item.id);
  if (index < 0) return [];
  if (index < items.length - 1) {
    // Remove the item and the separator after it, up to the next item.
    return [{ start: item.startIndex, end: items[index + 1].startIndex, text: "" }];
  }
  // Last item: remove from the end of the previous item, keeping a trailing comma's layout.
  const previous = items[index - 1];
  const between = source.slice(previous.endIndex, item.startIndex);
  const multiLine = between.includes("\n");
  if (multiLine) {
    const start = lineStart(source, item.startIndex);
    const afterItem = source.slice(item.endIndex);
    const comma = /^[ \t]*,/.exec(afterItem);
    const end = comma ? nextLineStart(source, item.endIndex + comma[0].length) : item.endIndex;
    if (comma) return [{ start, end, text: "" }];
    return [{ start: previous.endIndex, end: item.endIndex, text: "" }];
  }
  return [{ start: previous.endIndex, end: item.endIndex, text: "" }];
}

/**
 * Edits that remove several bindings of one statement: the whole statement when none is left,
 * else each run of neighbouring items as one edit (two edits per run would overlap).
 */
export function importEditsToRemoveAll(source: string, bindings: readonly ImportBinding[]): Edit[] {
  if (bindings.length === 1) return importEditsToRemove(source, bindings[0]);
  const statement = bindings[0].statement;
  const items = statement.childrenForFieldName("name");
  const gone = new Set(bindings.map((b) => b.item.id));
  if (items.every((i) => gone.has(i.id))) return [statementRemoval(source, statement)];
  const edits: Edit[] = [];
  for (let i = 0; i < items.length; i++) {
    if (!gone.has(items[i].id)) continue;
    let j = i;
    while (j + 1 < items.length && gone.has(items[j + 1].id)) j++;
    if (j + 1 < items.length)
      edits.push({ start: items[i].startIndex, end: items[j + 1].startIndex, text: "" });
    else if (i === j)
      edits.push(
        ...importEditsToRemove(
          source,
          bindings.find((b) => b.item.id === items[i].id)!,
        ),
      );
    else edits.push({ start: items[i - 1].endIndex, end: items[j].endIndex, text: "" });
    i = j;
  }
  return edits;
}

/** Remove a whole statement line; a lone statement in a block becomes `pass`. */
export function statementRemoval(source: string, statement: SyntaxNode): Edit {
  const parent = statement.parent;
  const siblings = parent?.namedChildren.filter((c) => c.type !== "comment") ?? [];
  if (parent?.type === "block" && siblings.length === 1) {
    // Its own trailing comment goes with it: `pass  # for backoff` would describe nothing.
    const comment = /^[ \t]*#[^\r\n]*/.exec(source.slice(statement.endIndex));
    const end = statement.endIndex + (comment ? comment[0].length : 0);
    return { start: statement.startIndex, end, text: "pass" };
  }
  const start = lineStart(source, statement.startIndex);
  // A comment after the import is about it (`import time  # for backoff`): it goes with it.
  const rest = source.slice(statement.endIndex, lineEnd(source, statement.endIndex)).trim();
  const onlyOnLine =
    source.slice(start, statement.startIndex).trim() === "" &&
    (rest === "" || rest.startsWith("#"));
  if (!onlyOnLine) {
    // `import a; x = 1`: remove the statement and its separator only.
    const after = /^[ \t]*;[ \t]*/.exec(source.slice(statement.endIndex));
    if (after)
      return { start: statement.startIndex, end: statement.endIndex + after[0].length, text: "" };
    const before = /;[ \t]*$/.exec(source.slice(start, statement.startIndex));
    if (before) return { start: start + before.index, end: statement.endIndex, text: "" };
    return { start: statement.startIndex, end: statement.endIndex, text: "pass" };
  }
  const end = nextLineStart(source, statement.endIndex);
  // A statement alone between blank lines (a section of one) takes one side's blank lines with
  // it, so no double gap, and no blank line at the top of the file or of a block, is left behind.
  const isBlankLine = (at: number) =>
    at < source.length && source.slice(at, lineEnd(source, at)).trim() === "";
  if (!isBlankLine(end)) return { start, end, text: "" };
  const firstInBlock = parent?.type === "block" && parent.namedChildren[0]?.id === statement.id;
  // Under a comment about the code below it (SurfSense's `# Run gitingest via subprocess`, then
  // `import asyncio`, a blank line, the call: hazard-review-4 K12b), the comment keeps touching it.
  const underComment =
    parent?.type === "block" &&
    start > 0 &&
    source
      .slice(lineStart(source, start - 1), start)
      .trim()
      .startsWith("#");
  if (start === 0 || firstInBlock || underComment) {
    let after = end;
    while (isBlankLine(after)) after = nextLineStart(source, after);
    return { start, end: after, text: "" };
  }
  let before = start;
  while (before > 0 && isBlankLine(lineStart(source, before - 1)))
    before = lineStart(source, before - 1);
  return { start: before, end, text: "" };
}

/**
 * Is this import binding still used once `ignoring` nodes are gone? References are looked up in
 * the binding's scope and in nested scopes that do not rebind the name.
 */
export function isImportStillUsed(
  binding: ImportBinding,
  ignoring: (ref: SyntaxNode) => boolean = () => false,
): boolean {
  return referencesInScope(binding.scope, binding.local).some((ref) => !ignoring(ref));
}

/** Offsets of the line holding a node, line break included: for removing a whole line. */
export function lineRange(source: string, node: SyntaxNode): { start: number; end: number } {
  return { start: lineStart(source, node.startIndex), end: nextLineStart(source, node.endIndex) };
}
