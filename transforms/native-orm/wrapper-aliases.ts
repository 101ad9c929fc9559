import {
  functionsNamed,
  projectTopModules,
  moduleFunctionsNamed,
} from "../../src/project/index-lookup.js";
import { dottedName, importedModuleId } from "../../src/python/module-names.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { reexportsAllOf } from "../../src/django/star-reexports.js";
import { bindingsNamed } from "../../src/python/scope.js";
import { defAliasValue, wrapsParameter } from "../../src/python/wrapper-defs.js";
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
 * orm-review-6 R1 (xiidot1303's bots: `from asgiref.sync import *` in `app/services/__init__.py`,
 * then `from app.services import *` in every service module): `sync_to_async` bound by no
 * statement of the file, only through its star imports. It is asgiref's when a star import is
 * `asgiref.sync` (or `channels.db` for database_sync_to_async), or a module of the project that
 * star-imports it in turn, or one that defines no function of that name (it imports it: a
 * re-export, as `from app.views import *` with `from asgiref.sync import sync_to_async` in
 * `app/views/__init__.py`). Not when the project defines a function of that name.
 */
export function starImportedWrapper(f: OrmFile, name: SyntaxNode): Kind | undefined {
  const kind = KINDS[name.text];
  if (name.type !== "identifier" || !kind || f.file.visibleBindings(name, name.text).length > 0)
    return undefined;
  const library = kind === "sync" ? "asgiref.sync" : "channels.db";
  const index = f.ctx.project.index;
  const stars = starModules(f);
  if (stars.some((id) => dottedName(id) === library)) return kind;
  if (!index || functionsNamed(index, name.text).some((fn) => !fn.className)) return undefined;
  const top = projectTopModules(index);
  const handsOn = (id: string) => {
    const dotted = dottedName(id);
    return (
      top.has(dotted.split(".")[0]) &&
      (reexportsAllOf(index, dotted, library, name.text) ||
        moduleFunctionsNamed(index, id, name.text).length === 0)
    );
  };
  return stars.some(handsOn) ? kind : undefined;
}

/**
 * `from bot.bot import *`: the star imports that may bind `name`, an unbound name that is no
 * Python builtin as far as the file shows (a builtin would not be shadowed this way); "" when
 * the name is bound, or the file has no star import.
 */
export function starImportsNaming(f: OrmFile, name: SyntaxNode): string {
  if (!f.file.isBuiltin(name.text, name) || PYTHON_BUILTINS.test(name.text)) return "";
  const stars = starModules(f).map((id) => `from ${dottedName(id)} import *`);
  return stars.length > 3 ? `${stars.slice(0, 3).join(", ")}, ...` : stars.join(", ");
}

/** Builtins a wrapper is handed (`sync_to_async(list)`), which no star import shadows here. */
const PYTHON_BUILTINS =
  /^(?:list|set|dict|tuple|sorted|len|sum|min|max|any|all|next|iter|print|open|input|bool|int|float|str|bytes|repr|getattr|setattr|hasattr|isinstance|callable|zip|map|filter|enumerate|range|reversed|vars|dir|id|hash|type|object|frozenset|round|abs|divmod|pow|format|exec|eval|compile|__import__)$/;

/** The module ids the file's module-level `from m import *` statements name, made absolute. */
function starModules(f: OrmFile): string[] {
  return f.root.namedChildren.flatMap((s) => {
    const star = s.namedChildren.some((c) => c.type === "wildcard_import");
    const module = star ? s.childForFieldName("module_name")?.text : undefined;
    return module ? [absoluteName(module, f.file.module, f.file.path) ?? module] : [];
  });
}

/** The value a module-level alias is bound to: `sync_to_async`, or `partial(sync_to_async, ...)`. */
export function aliasValue(f: OrmFile, name: string): SyntaxNode | undefined {
  return f.wrapperAliases.get(name);
}

/**
 * Module-level names bound only to a wrapper name or a partial of one (try/except arms too), and
 * module-level defs that only return the wrapper of their one parameter (see defAliasValue).
 */
export function aliasesIn(root: SyntaxNode, source: string): Map<string, SyntaxNode> {
  const found = new Map<string, SyntaxNode>();
  if (/\breturn\s+\w*sync_to_async\(/.test(source))
    for (const def of root.namedChildren) {
      const value = def.type === "function_definition" ? defAliasValue(def) : undefined;
      const name = def.childForFieldName("name")?.text;
      if (value && name && bindingsNamed(root, name).length === 1) found.set(name, value);
    }
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

/** `_sync_to_async` when `def` is a module-level def alias of a wrapper (see defAliasValue); else "". */
export function wrapperHelperNamed(def: SyntaxNode): string {
  if (def.type !== "function_definition" || def.parent?.type !== "module") return "";
  return defAliasValue(def) ? (def.childForFieldName("name")?.text ?? "") : "";
}

/** The wrapper name an alias value stands on: `sync_to_async` in `partial(sync_to_async, ...)`. */
export function wrapperOf(value: SyntaxNode): SyntaxNode | undefined {
  if (value.type === "identifier" || value.type === "attribute")
    return /sync_to_async$/.test(value.text) ? value : undefined;
  // A def alias's `sync_to_async(func, ...)`.
  if (value.type === "call" && wrapsParameter(value))
    return value.childForFieldName("function") ?? undefined;
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
