import { fromModuleName, starImports } from "../../src/python/shapes.js";
import {
  functionsNamed,
  projectTopModules,
  moduleFunctionsNamed,
} from "../../src/project/index-lookup.js";
import { dottedName, importedModuleId } from "../../src/python/module-names.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { bindingsNamed } from "../../src/python/scope.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// sync_to_async under another name (issue 23, item 4; orm-review S1): a project module that
// re-exports it (`from core.utils import sync_to_async`, where core/utils.py imports asgiref's),
// and a module-level alias (`db_async = sync_to_async`, `functools.partial(sync_to_async,
// thread_sensitive=False)`, also bound in both arms of a try/except). Each is the wrapper it
// names; a partial's keywords are the wrapper's (thread_sensitive=False: AS213).

type Kind = "sync" | "database";

const KINDS: Record<string, Kind> = { sync_to_async: "sync", database_sync_to_async: "database" };

/**
 * `core.utils.sync_to_async`: the name imported from a module of this project that defines no
 * function of that name (so it imports it: a re-export). Needs the project index.
 */
export function reexportedWrapper(f: OrmFile, qualified: string): Kind | undefined {
  const dot = qualified.lastIndexOf(".");
  const kind = KINDS[qualified.slice(dot + 1)];
  const index = f.ctx.project.index;
  if (!kind || dot < 0 || !index) return undefined;
  const module = qualified.slice(0, dot);
  if (!projectTopModules(index).has(module.split(".")[0])) return undefined;
  const id = importedModuleId(f.file.module, module);
  // A project that defines a function of that name (its own thread helper, re-exported by a
  // package) may be importing that one: what it does is not asgiref's, nothing is converted.
  const own = functionsNamed(index, qualified.slice(dot + 1)).some((fn) => !fn.className);
  return !own && moduleFunctionsNamed(index, id, qualified.slice(dot + 1)).length === 0
    ? kind
    : undefined;
}

/**
 * `sync_to_async` bound by no statement of the file, only by a module-level star import
 * (orm-review-6 R1: `from asgiref.sync import *`, or `from app.services import *` where that
 * project package imports it, a layout some teams repeat in every module). Python would raise
 * NameError otherwise, so the name comes from a star: asgiref's or Channels' module, or a project
 * module taken as re-exporting it (as `reexportedWrapper`: unless the project defines its own).
 */
export function starImportedWrapper(f: OrmFile, expr: SyntaxNode): Kind | undefined {
  const kind = expr.type === "identifier" ? KINDS[expr.text] : undefined;
  if (!kind || f.file.visibleBindings(expr, expr.text).length > 0) return undefined;
  const library = kind === "sync" ? "asgiref.sync" : "channels.db";
  for (const statement of starImports(f.root)) {
    const written = fromModuleName(statement);
    if (written === library) return kind;
    const absolute = written.startsWith(".")
      ? absoluteName(written, f.file.module, f.file.path)
      : written;
    if (absolute && reexportedWrapper(f, `${dottedName(absolute)}.${expr.text}`)) return kind;
  }
  return undefined;
}

/**
 * `from bot.bot import *`: the star imports that may bind `name`, an unbound name that is no
 * Python builtin the wrappers are handed (`sync_to_async(close_old_connections)`, orm-review-6
 * R1); "" when the name is bound, or the file has no star import.
 */
export function starImportsNaming(f: OrmFile, name: SyntaxNode): string {
  if (!f.file.isBuiltin(name.text, name) || PYTHON_BUILTINS.test(name.text)) return "";
  const stars = starImports(f.root).map((s) => `from ${fromModuleName(s) || "."} import *`);
  return stars.length > 3 ? `${stars.slice(0, 3).join(", ")}, ...` : stars.join(", ");
}

/** Builtins a wrapper is handed (`sync_to_async(list)`), which no star import shadows here. */
const PYTHON_BUILTINS =
  /^(?:list|set|dict|tuple|sorted|len|sum|min|max|any|all|next|iter|print|open|input|bool|int|float|str|bytes|repr|getattr|setattr|hasattr|isinstance|callable|zip|map|filter|enumerate|range|reversed|vars|dir|id|hash|type|object|frozenset|round|abs|divmod|pow|format|exec|eval|compile|__import__)$/;

/** The value a module-level alias is bound to: `sync_to_async`, or `partial(sync_to_async, ...)`. */
export function aliasValue(f: OrmFile, name: string): SyntaxNode | undefined {
  return f.wrapperAliases.get(name);
}

/**
 * Module-level names bound only to a wrapper name or a partial of one (try/except arms too), and
 * module-level helpers that only return the wrapper of their one parameter (orm-human-6 G1).
 */
export function aliasesIn(root: SyntaxNode, source: string): Map<string, SyntaxNode> {
  const found = helperAliasesIn(root);
  if (!/=\s*(?:(?:functools\.)?partial\(\s*)?\w*sync_to_async\b/.test(source)) return found;
  const values = new Map<string, SyntaxNode[]>();
  const others = new Set<string>();
  for (const statement of moduleStatements(root)) {
    const assignment = statement.namedChildren[0];
    const left = assignment?.type === "assignment" ? assignment.childForFieldName("left") : null;
    const right = assignment?.childForFieldName("right");
    if (left?.type !== "identifier" || !right) continue;
    if (wrapperOf(right)) values.set(left.text, [...(values.get(left.text) ?? []), right]);
    else others.add(left.text);
  }
  for (const [name, bound] of values)
    if (!others.has(name) && bound.every((v) => keywordsOf(v) === keywordsOf(bound[0])))
      found.set(name, bound[0]);
  return found;
}

/**
 * `def _sync_to_async(func): from asgiref.sync import sync_to_async; return sync_to_async(func,
 * thread_sensitive=True)` (django-matt's controllers): a helper whose body is only a docstring,
 * imports and the return of a wrapper around its one parameter, with literal options. Calling it
 * is calling the wrapper with those options, so `_sync_to_async(X)(args)` is a site like
 * `sync_to_async(X, thread_sensitive=True)(args)`. Its value is the returned wrapper call.
 */
function helperAliasesIn(root: SyntaxNode): Map<string, SyntaxNode> {
  const found = new Map<string, SyntaxNode>();
  for (const def of root.namedChildren) {
    if (def.type !== "function_definition" || def.text.startsWith("async")) continue;
    const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
    const name = def.childForFieldName("name")?.text;
    if (!name || parameters.length !== 1 || parameters[0].type !== "identifier") continue;
    // Bound once in its module: a second def or an assignment of the name may be what runs.
    if (bindingsNamed(root, name).length !== 1) continue;
    const statements = def.childForFieldName("body")?.namedChildren ?? [];
    const last = statements.at(-1);
    const value = last?.type === "return_statement" ? last.namedChildren[0] : undefined;
    const preamble = statements
      .slice(0, -1)
      .every(
        (s, i) =>
          s.type === "import_from_statement" ||
          s.type === "import_statement" ||
          (i === 0 && s.type === "expression_statement" && s.namedChildren[0]?.type === "string"),
      );
    if (preamble && value && wrapsParameter(value, parameters[0].text)) found.set(name, value);
  }
  return found;
}

/** `sync_to_async(func, thread_sensitive=True)`: the wrapper of `parameter`, literal options. */
function wrapsParameter(value: SyntaxNode, parameter: string): boolean {
  const callee = value.type === "call" ? value.childForFieldName("function") : null;
  if (!callee || !/(^|\.)(database_)?sync_to_async$/.test(callee.text)) return false;
  const [first, ...rest] = value.childForFieldName("arguments")?.namedChildren ?? [];
  return (
    first?.type === "identifier" &&
    first.text === parameter &&
    rest.every(
      (a) =>
        a.type === "keyword_argument" &&
        ["true", "false", "none", "integer", "string"].includes(
          a.childForFieldName("value")?.type ?? "",
        ),
    )
  );
}

/** The wrapper name an alias value stands on: `sync_to_async` in `partial(sync_to_async, ...)`. */
export function wrapperOf(value: SyntaxNode): SyntaxNode | undefined {
  if (value.type === "identifier" || value.type === "attribute")
    return /sync_to_async$/.test(value.text) ? value : undefined;
  // A helper's `return sync_to_async(func, ...)` (helperAliasesIn): the wrapper it calls.
  if (value.type === "call" && value.parent?.type === "return_statement")
    return wrapperOf(value.childForFieldName("function")!);
  if (
    value.type !== "call" ||
    !/(^|\.)partial$/.test(value.childForFieldName("function")?.text ?? "")
  )
    return undefined;
  const first = value.childForFieldName("arguments")?.namedChildren[0];
  return first ? wrapperOf(first) : undefined;
}

function keywordsOf(value: SyntaxNode): string {
  if (value.type !== "call") return "";
  return (value.childForFieldName("arguments")?.namedChildren ?? [])
    .filter((a) => a.type === "keyword_argument")
    .map((a) => a.text.replace(/\s+/g, ""))
    .join(",");
}

/** Statements at module level, those in `try`/`except`/`else`/`if` blocks there included. */
function moduleStatements(root: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  const visit = (block: SyntaxNode) => {
    for (const s of block.namedChildren) {
      if (s.type === "expression_statement") out.push(s);
      else if (
        [
          "try_statement",
          "if_statement",
          "except_clause",
          "else_clause",
          "elif_clause",
          "finally_clause",
          "block",
        ].includes(s.type)
      )
        visit(s);
    }
  };
  visit(root);
  return out;
}

/**
 * `db_async(fn)` where `db_async = partial(sync_to_async, thread_sensitive=False)`: the call of an
 * alias whose partial makes the wrapper run outside the shared thread. From the tree alone (the
 * callers of isThreadInsensitive hold only the node).
 */
export function aliasIsThreadInsensitive(wrapper: SyntaxNode): boolean {
  const callee = wrapper.childForFieldName("function");
  if (callee?.type !== "identifier") return false;
  const root = wrapper.tree.rootNode;
  const value = aliasesIn(root, root.text).get(callee.text);
  return !!value && /(^|,)thread_sensitive=False(,|$)/.test(keywordsOf(value));
}
