import { dottedName } from "../python/module-names.js";
import {
  allImportBindings,
  allImportStatements,
  importBindingOf,
  importBindings,
  importEditsToAdd,
  importEditsToAddModule,
  importEditsToRemove,
  importEditsToRemoveAll,
  isImportStillUsed,
  lineEnding,
  statementRemoval,
} from "../python/imports.js";
import { unusedLoopVariables } from "../python/loop-bindings.js";
import { fromModuleName } from "../python/shapes.js";
import { enclosingDef, enclosingScope } from "../python/scope.js";
import { isStdlibModule } from "../python/stdlib.js";
import type {
  Edit,
  FileSemantics,
  Fix,
  ImportBinding,
  NeededImport,
  SyntaxNode,
} from "../model/types.js";

/**
 * The imports of one transform pass, applied once (as LibCST's AddImportsVisitor and
 * RemoveImportsVisitor): what the applied fixes need is added, import bindings their edits left
 * unused are removed, with one behaviour for placement and for the blank lines left behind.
 */
export function importPlanEdits(file: FileSemantics, fixes: readonly Fix[]): Edit[] {
  // A loop variable the edits left unread goes, and its getter's `asyncio` reference with it.
  const loops = unusedLoopVariables(
    file,
    fixes.flatMap((f) => f.dropped ?? []),
  );
  const applied: readonly Fix[] = [
    ...fixes,
    ...loops.map((l): Fix => ({ applicability: "safe", edits: [], dropped: l.dropped })),
  ];
  const loopEdits = loops.map((l) => statementRemoval(file.source, l.statement));
  const needed = applied.flatMap((f) => f.imports ?? []);
  const gone = new Set(applied.flatMap((f) => f.dropped ?? []).map((n) => n.id));
  const removals = new Removals(file);
  const replacedItems = new Set<number>();
  // `from m import name` lines a renamed import already gives, by scope: a local line is not
  // written twice (daiv's `get_tools`: the wrapper's import and the renamed callee's, side by side).
  const renamedLines = new Set<string>();
  const unused: ImportGroup[] = [];

  for (const group of droppedGroups(file, applied, needed)) {
    if (isImportStillUsed(group.bindings[0], (ref) => gone.has(ref.id))) continue;
    const taker = needed.find(
      (n) =>
        n.name &&
        group.bindings.some(
          (b) => n.replaces?.item.id === b.item.id && n.module === fromModuleName(b.statement),
        ),
    );
    const inPlace = group.bindings.every((b) => b.item.type !== "aliased_import");
    if (taker && inPlace) {
      // `get_object_or_404` -> `aget_object_or_404` in the same statement, in place: every
      // import of the name (one per branch of an `if` or `try`) so that each path binds it.
      for (const b of group.bindings) {
        removals.replace(b.item.startIndex, b.item.endIndex, taker.name!);
        replacedItems.add(b.item.id);
      }
      renamedLines.add(`from ${taker.module} import ${taker.name}\0${group.scope.id}`);
      continue;
    }
    unused.push(group);
  }

  const local = localImportLines(unused, applied);
  const keeper = lineKeepers(unused, local.lines);
  for (const group of unused)
    for (const binding of group.bindings) {
      const line = local.lines.get(group);
      const given = line !== undefined && renamedLines.has(`${line}\0${group.scope.id}`);
      if (line && !given && keeper.get(`${line}\0${binding.statement.parent?.id}`) === binding)
        removals.localReplacement(binding, line);
      else removals.remove(binding);
    }

  const additions: Edit[] = [];
  const added = new Set<string>();
  for (const need of needed) {
    if (need.replaces && replacedItems.has(need.replaces.item.id)) continue;
    const key = `${need.module}:${need.name ?? ""}`;
    const def = need.at && enclosingDef(need.at);
    if (def && local.covered.has(`${def.id}:${key}`)) continue;
    if (added.has(key)) continue;
    added.add(key);
    additions.push(
      ...(need.name
        ? (besideReplaced(file, need) ??
          importEditsToAdd(file.root, need.module, need.name, firstParty(file)))
        : importEditsToAddModule(file.root, need.module)),
    );
  }
  const merged = mergedInsertions(additions);
  return [
    ...loopEdits,
    ...removals.edits(merged),
    ...merged.filter((a) => !removals.tookPlaceOf(a)),
  ];
}

/**
 * The one import that takes each new local line per block: two dropped imports side by side
 * (`from asgiref.sync import sync_to_async` and `from servers.selection import build_pool`, both
 * reached through `abuild_pool`) become one `from servers.selection import abuild_pool`, the
 * earliest, and the other goes; imports in other blocks (an `if`'s arms) each keep theirs.
 */
function lineKeepers(
  unused: readonly ImportGroup[],
  lines: ReadonlyMap<ImportGroup, string>,
): Map<string, ImportBinding> {
  const keeper = new Map<string, ImportBinding>();
  for (const group of unused) {
    const line = lines.get(group);
    if (!line) continue;
    for (const binding of group.bindings) {
      const key = `${line}\0${binding.statement.parent?.id}`;
      const kept = keeper.get(key);
      if (!kept || binding.statement.startIndex < kept.statement.startIndex)
        keeper.set(key, binding);
    }
  }
  return keeper;
}

/** `shop.services.pricing` (or `.services.pricing`) is `shop.services` or inside it. */
function isSameOrSubmodule(module: string, of: string): boolean {
  return module === of || module.startsWith(of.endsWith(".") ? of : `${of}.`);
}

/**
 * A name from another module taking the place of an imported one (`from shop.services import
 * reserve` -> `from shop.services.stock import areserve_stock`), or asked beside it: its line goes
 * right after that import, which it takes the place of when that goes; unless the module is
 * imported already (the name joins that import).
 */
function besideReplaced(file: FileSemantics, need: NeededImport): Edit[] | undefined {
  const statement = (need.replaces ?? need.beside)?.statement;
  if (!statement || statement.parent?.type !== "module") return undefined;
  if (fromModuleName(statement) === need.module) return undefined;
  const imported = allImportStatements(file.root).some(
    (s) => s.parent?.type === "module" && fromModuleName(s) === need.module,
  );
  if (imported) return undefined;
  const eol = lineEnding(file.source);
  const newline = file.source.indexOf("\n", statement.endIndex);
  const at = newline < 0 ? file.source.length : newline - (eol === "\r\n" ? 1 : 0);
  return [{ start: at, end: at, text: `${eol}from ${need.module} import ${need.name}` }];
}

/**
 * Two new import lines placed at the same point of the block (`from shop.pricing import a` and
 * `from shop.stock import b` both after `from django.http import ...`): one insertion holding
 * both, in order, rather than two edits at one offset.
 */
function mergedInsertions(additions: Edit[]): Edit[] {
  const out: Edit[] = [];
  for (const edit of additions) {
    const same = out.find(
      (e) => e.start === e.end && e.start === edit.start && edit.end === edit.start,
    );
    if (!same) out.push({ ...edit });
    else
      same.text = [same.text, edit.text]
        .sort((a, b) => a.trim().toLowerCase().localeCompare(b.trim().toLowerCase()))
        .join("");
  }
  return out;
}

/**
 * Every import of one name in one scope: `import asyncio` in both branches of an `if` binds the
 * same local name, and whatever replaces one must replace each, or a branch is left without it.
 */
interface ImportGroup {
  key: string;
  scope: SyntaxNode;
  bindings: ImportBinding[];
}

/**
 * The local imports that a function's new code is reached through: each import of a dropped
 * name in the function becomes a local import of the one name the function now needs (as
 * `import asyncio` -> `from asgiref.sync import async_to_sync`). Only when every new use of that
 * name in the function (nested functions included) comes through those imports: a name bound
 * locally anywhere is local everywhere, and a use no replaced import precedes would raise
 * UnboundLocalError. Otherwise the imports go and the new name is imported at module level.
 */
function localImportLines(
  unused: readonly ImportGroup[],
  applied: readonly Fix[],
): { lines: Map<ImportGroup, string>; covered: Set<string> } {
  const lines = new Map<ImportGroup, string>();
  const covered = new Set<string>();
  const reachedBy = needsReachedThrough(applied);
  const byDef = new Map<number, ImportGroup[]>();
  for (const group of unused) {
    if (group.scope.type !== "function_definition") continue;
    byDef.set(group.scope.id, [...(byDef.get(group.scope.id) ?? []), group]);
  }
  for (const groups of byDef.values()) {
    const def = groups[0].scope;
    const inDef = [...reachedBy.keys()].filter((n) => n.name && n.at && within(n.at, def));
    const here = inDef.filter((n) => enclosingDef(n.at!) === def);
    if (here.length === 0) continue;
    const key = needKey(here[0]);
    const ownKeys = new Set(groups.map((g) => g.key));
    const reached = (n: NeededImport) => [...reachedBy.get(n)!].some((k) => ownKeys.has(k));
    const sameKey = inDef.filter((n) => needKey(n) === key);
    if (inDef.some((n) => needKey(n) !== key) || !sameKey.every(reached)) continue;
    const line = `from ${here[0].module} import ${here[0].name}`;
    for (const group of groups) lines.set(group, line);
    covered.add(`${def.id}:${key}`);
  }
  return { lines, covered };
}

/** For each needed import, the import groups of the references its fix dropped. */
function needsReachedThrough(applied: readonly Fix[]): Map<NeededImport, Set<string>> {
  const result = new Map<NeededImport, Set<string>>();
  for (const fix of applied) {
    const keys = new Set<string>();
    for (const reference of fix.dropped ?? []) {
      const root = rootName(reference);
      const binding = root && importBindingOf(root.text, root);
      if (binding) keys.add(groupKey(binding));
    }
    for (const need of fix.imports ?? []) result.set(need, keys);
  }
  return result;
}

function needKey(need: NeededImport): string {
  return `${need.module}:${need.name ?? ""}`;
}

function groupKey(binding: ImportBinding): string {
  return `${binding.scope.id}:${binding.local}`;
}

function within(node: SyntaxNode, ancestor: SyntaxNode): boolean {
  return node.startIndex >= ancestor.startIndex && node.endIndex <= ancestor.endIndex;
}

/** Import groups of the references the applied fixes removed, that may go when unused. */
function droppedGroups(
  file: FileSemantics,
  applied: readonly Fix[],
  needed: readonly NeededImport[],
): ImportGroup[] {
  const groups = new Map<string, ImportGroup>();
  // A name another name of the same module takes the place of: the module is imported as before.
  // Or a name of a submodule of it: importing that imports the package first, as before.
  const takenInPlace = (binding: ImportBinding) =>
    needed.some(
      (n) =>
        n.replaces?.item.id === binding.item.id &&
        isSameOrSubmodule(n.module, fromModuleName(binding.statement)),
    );
  for (const reference of applied.flatMap((f) => f.dropped ?? [])) {
    const root = rootName(reference);
    if (!root) continue;
    const binding = importBindingOf(root.text, root);
    if (!binding) {
      const arms = importedInTryArms(file, root);
      if (arms && !groups.has(arms.key)) groups.set(arms.key, arms);
      continue;
    }
    if (!(isRemovable(file, binding) || takenInPlace(binding))) continue;
    const key = groupKey(binding);
    if (!groups.has(key))
      groups.set(key, { key, scope: binding.scope, bindings: sameNameImports(file, binding) });
  }
  return [...groups.values()];
}

/**
 * `try: from channels.db import database_sync_to_async as db_async` / `except ImportError: from
 * asgiref.sync import sync_to_async as db_async`: one name imported in each arm of one try
 * statement, from different places (so no one binding stands for it). When each import may go,
 * they are one group: all go, or none.
 */
function importedInTryArms(file: FileSemantics, reference: SyntaxNode): ImportGroup | undefined {
  for (let scope = enclosingScope(reference); ; scope = enclosingScope(scope)) {
    const bound = file.bindingsNamed(scope, reference.text);
    if (bound.length > 0) {
      const bindings = allImportBindings(file.root).filter(
        (b) => b.local === reference.text && b.scope.id === scope.id,
      );
      const trys = new Set(bindings.map((b) => armOf(b.statement)?.id));
      const ok =
        bindings.length === bound.length &&
        bindings.length > 1 &&
        trys.size === 1 &&
        !trys.has(undefined) &&
        bindings.every((b) => isRemovable(file, b));
      return ok ? { key: `arms:${scope.id}:${reference.text}`, scope, bindings } : undefined;
    }
    if (scope.type === "module") return undefined;
  }
}

/** The try statement whose arm (try, except, else block) holds `statement` directly. */
function armOf(statement: SyntaxNode): SyntaxNode | undefined {
  const block = statement.parent;
  const holder = block?.type === "block" ? block.parent : undefined;
  if (holder?.type === "try_statement") return holder;
  return holder?.type === "except_clause" || holder?.type === "else_clause"
    ? holder.parent?.type === "try_statement"
      ? holder.parent
      : undefined
    : undefined;
}

/** The binding and every other import of its name in its scope (importBindingOf gives the first). */
function sameNameImports(file: FileSemantics, binding: ImportBinding): ImportBinding[] {
  return allImportStatements(file.root)
    .filter((s) => enclosingScope(s).id === binding.scope.id)
    .flatMap((s) => importBindings(s))
    .filter((b) => b.local === binding.local && b.qualified === binding.qualified);
}

function rootName(reference: SyntaxNode): SyntaxNode | undefined {
  let n: SyntaxNode | null = reference;
  while (n?.type === "attribute") n = n.childForFieldName("object");
  return n?.type === "identifier" ? n : undefined;
}

/** Packages whose import has no side effect a project could rely on. */
const SIDE_EFFECT_FREE = ["asgiref", "django", "channels"];

/**
 * May an unused import binding go? Standard-library and asgiref/Django imports, or one name of a
 * from-import that keeps others (the module is still imported, so no import-time side effect is
 * lost). A package's `__init__.py`, or a name `__all__` or a string lists, may be importing it
 * for others: kept, except a plain `import time` of a standard-library module, which no one
 * imports from a package (`from app.plugins import time`): hazard-review L6, ruff F401 on
 * OpenHands' and az-scout's package `__init__.py` files after a rewrite.
 */
function isRemovable(file: FileSemantics, binding: ImportBinding): boolean {
  const top = binding.qualified.split(".")[0];
  const reexported =
    /(^|\/)__init__\.py$/.test(file.path) &&
    !(binding.statement.type === "import_statement" && isStdlibModule(top));
  if (reexported || namedInAString(file, binding.local)) return false;
  if (isStdlibModule(top) || SIDE_EFFECT_FREE.includes(top)) return true;
  return (
    binding.statement.type === "import_from_statement" &&
    binding.statement.childrenForFieldName("name").length > 1
  );
}

/**
 * Does a string in the file name it: `__all__ = ["name"]`, or a string annotation such as
 * `-> "asyncio.Future"`, which type checkers and `typing.get_type_hints` resolve through the
 * import? The import stays.
 */
function namedInAString(file: FileSemantics, name: string): boolean {
  if (!file.source.includes(name)) return false;
  const word = new RegExp(`(^|[^\\w.])${name.replace(/[.$]/g, "\\$&")}\\b`);
  return file.root.descendantsOfType("string").some((s) => {
    const content = s.text.replace(STRING_QUOTES, "");
    // A name or a type expression, not prose (a docstring that mentions asyncio keeps nothing).
    return TYPE_EXPRESSION.test(content) && word.test(content);
  });
}

const STRING_QUOTES = /^[a-zA-Z]*("""|'''|"|')|("""|'''|"|')$/g;
const TYPE_EXPRESSION = /^[\w.[\], |]+$/;

/** The removals of one pass: one edit set per statement, whole lines merged, blank lines tidied. */
class Removals {
  private readonly planned: { edit: Edit; statement?: SyntaxNode }[] = [];
  private readonly byStatement = new Map<number, ImportBinding[]>();
  private readonly displaced = new Set<Edit>();

  constructor(private readonly file: FileSemantics) {}

  replace(start: number, end: number, text: string): void {
    this.planned.push({ edit: { start, end, text } });
  }

  remove(binding: ImportBinding): void {
    const list = this.byStatement.get(binding.statement.id);
    if (list) list.push(binding);
    else this.byStatement.set(binding.statement.id, [binding]);
  }

  localReplacement(binding: ImportBinding, line: string): void {
    const statement = binding.statement;
    if (statement.childrenForFieldName("name").length === 1) {
      this.planned.push({
        edit: { start: statement.startIndex, end: statement.endIndex, text: line },
      });
      return;
    }
    for (const edit of importEditsToRemove(this.file.source, binding)) this.planned.push({ edit });
    const indent = " ".repeat(statement.startPosition.column);
    const eol = lineEnding(this.file.source);
    this.planned.push({
      edit: { start: statement.endIndex, end: statement.endIndex, text: `${eol}${indent}${line}` },
    });
  }

  /** Is this addition placed inside a module-level statement that goes? It takes its place. */
  tookPlaceOf(addition: Edit): boolean {
    return this.displaced.has(addition);
  }

  edits(additions: readonly Edit[]): Edit[] {
    const result: Edit[] = [];
    for (const { edit } of this.planned) result.push(edit);
    const emptied = emptiedTrys(this.byStatement);
    for (const t of emptied.trys) result.push(statementRemoval(this.file.source, t));
    for (const bindings of this.byStatement.values()) {
      const statement = bindings[0].statement;
      if (emptied.inside.has(statement.id)) continue;
      const whole =
        bindings[0].scope.type === "module" &&
        bindings.length === statement.childrenForFieldName("name").length;
      const removal = importEditsToRemoveAll(this.file.source, bindings).map((e) =>
        withBlankLineAfter(this.file.source, statement, e),
      );
      const taker =
        whole && additions.find((a) => removal.some((r) => r.start <= a.start && a.start < r.end));
      if (taker) {
        // The new line would go inside the lines of an import that is going away (as when
        // `import asyncio` is the only standard-library import): the new import replaces it.
        this.displaced.add(taker);
        const text = taker.text.trim();
        result.push({ start: statement.startIndex, end: statement.endIndex, text });
      } else result.push(...removal);
    }
    return mergedLineRemovals(this.file.source, result, additions);
  }
}

/**
 * Try statements every arm of which holds only import statements that go whole: the statement
 * goes, not each import, which would leave `try: pass` / `except ImportError: pass`.
 */
function emptiedTrys(byStatement: ReadonlyMap<number, ImportBinding[]>): {
  trys: SyntaxNode[];
  inside: Set<number>;
} {
  const whole = new Set<number>();
  const candidates = new Map<number, SyntaxNode>();
  for (const bindings of byStatement.values()) {
    const statement = bindings[0].statement;
    if (bindings.length !== statement.childrenForFieldName("name").length) continue;
    whole.add(statement.id);
    const t = armOf(statement);
    if (t) candidates.set(t.id, t);
  }
  const trys: SyntaxNode[] = [];
  const inside = new Set<number>();
  for (const t of candidates.values()) {
    const blocks = [t, ...t.namedChildren].flatMap((n) =>
      n.namedChildren.filter((c) => c.type === "block"),
    );
    const statements = blocks.flatMap((b) => b.namedChildren.filter((c) => c.type !== "comment"));
    if (!statements.every((c) => whole.has(c.id))) continue;
    trys.push(t);
    for (const c of statements) inside.add(c.id);
  }
  return { trys, inside };
}

const BLANK_LINE = /^[ \t]*\r?\n/;

/**
 * Removals of whole neighbouring lines as one edit; when they emptied a section of the import
 * block (a blank line before and after), one of the two blank lines goes too.
 */
function mergedLineRemovals(source: string, edits: Edit[], additions: readonly Edit[]): Edit[] {
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
  const blank = BLANK_LINE.exec(source.slice(edit.end));
  return blank ? { ...edit, end: edit.end + blank[0].length } : edit;
}

export type { NeededImport };

/** The file's own top package (`shop` for `shop.views`): its absolute imports are first-party. */
function firstParty(file: FileSemantics): ReadonlySet<string> {
  // The dotted name: a monorepo's module id carries its import root too (see ModuleNames).
  const dotted = file.module === undefined ? undefined : dottedName(file.module);
  const top = dotted?.split(".")[0];
  return new Set(top && dotted!.includes(".") ? [top] : []);
}
