import type { SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";
import {
  aliasIsThreadInsensitive,
  aliasValue,
  reexportedWrapper,
  starImportedWrapper,
  wrapperOf,
} from "./wrapper-aliases.js";

const SYNC_TO_ASYNC = new Set([
  "asgiref.sync.sync_to_async",
  // orm-human-8 K4 (pulp_ansible): library modules whose `sync_to_async` is asgiref's, imported
  // (pulpcore/plugin/sync.py: `from asgiref.sync import sync_to_async`).
  "pulpcore.plugin.sync.sync_to_async",
]);
const DATABASE_SYNC_TO_ASYNC = "channels.db.database_sync_to_async";

export type WrapperKind = "sync" | "database";

/** "sync" for asgiref's sync_to_async, "database" for Channels', else undefined. */
export function wrapperKind(f: OrmFile, expr: SyntaxNode): WrapperKind | undefined {
  if (expr.type !== "identifier" && expr.type !== "attribute") return undefined;
  // A cheap look at the name first: the last name of a wrapper is its own or an import alias.
  if (!f.source.includes("sync_to_async")) return undefined;
  const last = expr.type === "attribute" ? expr.childForFieldName("attribute")?.text : expr.text;
  if (!last || !(f.wrapperNames.has(last) || last.endsWith("sync_to_async"))) return undefined;
  const qualified = f.file.qualifiedName(expr);
  if (qualified && SYNC_TO_ASYNC.has(qualified)) return "sync";
  if (qualified === DATABASE_SYNC_TO_ASYNC) return "database";
  // Under another name: re-exported by a project module, or a module-level alias.
  if (qualified) return reexportedWrapper(f, qualified);
  const starred = starImportedWrapper(f, expr);
  if (starred) return starred;
  const inArms = importedInEveryArm(f, expr);
  if (inArms) return inArms;
  const aliased = expr.type === "identifier" ? aliasValue(f, expr.text) : undefined;
  const named = aliased && wrapperOf(aliased);
  return named && named.id !== expr.id ? wrapperKind(f, named) : undefined;
}

/**
 * `try: from channels.db import database_sync_to_async as db_async`, `except ImportError: from
 * asgiref.sync import sync_to_async as db_async`: one name a wrapper in every arm (its imports
 * differ, so it has no one qualified name). Channels' wins: it also closes old connections.
 */
function importedInEveryArm(f: OrmFile, expr: SyntaxNode): WrapperKind | undefined {
  if (expr.type !== "identifier") return undefined;
  const bound = f.file.visibleBindings(expr, expr.text);
  if (bound.length < 2 || bound.some((b) => b.kind !== "import")) return undefined;
  const kinds = bound.map((b) => importedWrapperKind(b.node));
  if (kinds.some((k) => !k)) return undefined;
  return kinds.includes("database") ? "database" : "sync";
}

/** The wrapper a `from m import name [as alias]` binding imports, if it imports one. */
function importedWrapperKind(bound: SyntaxNode): WrapperKind | undefined {
  const holder = bound.parent;
  const name =
    holder?.type === "aliased_import" ? holder.childForFieldName("name") : (holder ?? undefined);
  const statement = name?.parent?.type === "aliased_import" ? name.parent.parent : name?.parent;
  if (!name || statement?.type !== "import_from_statement") return undefined;
  const qualified = `${statement.childForFieldName("module_name")?.text}.${name.text}`;
  if (SYNC_TO_ASYNC.has(qualified)) return "sync";
  return qualified === DATABASE_SYNC_TO_ASYNC ? "database" : undefined;
}

/**
 * Every expression naming sync_to_async or database_sync_to_async outside import statements, in
 * source order. Any such name is spelled in the text (an alias is imported by its own name), so
 * the text is searched first and only identifiers found there are looked at: walking every name
 * of a file through tree-sitter costs more than the rest of the transform.
 */
export function wrapperReferences(f: OrmFile): readonly SyntaxNode[] {
  if (!f.source.includes("sync_to_async")) return [];
  const found = new Map<number, SyntaxNode>();
  for (const word of ["sync_to_async", ...f.wrapperNames]) {
    if (word === "") continue;
    for (let at = f.source.indexOf(word); at >= 0; at = f.source.indexOf(word, at + 1)) {
      const id = f.root.namedDescendantForIndex(at, at + word.length);
      if (id.type !== "identifier" || found.has(id.id)) continue;
      const ref = wrapperReferenceAt(f, id);
      if (ref) found.set(id.id, ref);
    }
  }
  return [...found.values()].sort((a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex);
}

/** The wrapper expression `identifier` ends (itself, or the attribute it names), if any. */
function wrapperReferenceAt(f: OrmFile, identifier: SyntaxNode): SyntaxNode | undefined {
  const parent = identifier.parent;
  let node = identifier;
  if (parent?.type === "attribute") {
    // `sync_to_async.x` is not the wrapper; `asgiref.sync.sync_to_async` is, as a whole.
    if (parent.childForFieldName("attribute")?.id !== identifier.id) return undefined;
    const above = parent.parent;
    if (above?.type === "attribute" && above.childForFieldName("object")?.id === parent.id)
      return undefined;
    node = parent;
  } else if (parent?.type === "dotted_name" || parent?.type === "aliased_import") {
    return undefined;
  }
  return wrapperKind(f, node) ? node : undefined;
}

/** The defs decorated by one of the wrapper references, in source order. */
export function decoratedByWrapper(refs: readonly SyntaxNode[]): SyntaxNode[] {
  const defs = new Map<number, SyntaxNode>();
  for (const ref of refs) {
    const decorator =
      ref.parent?.type === "decorator"
        ? ref.parent
        : ref.parent?.type === "call" && ref.parent.parent?.type === "decorator"
          ? ref.parent.parent
          : undefined;
    const def = decorator?.parent?.childForFieldName("definition");
    if (def?.type === "function_definition" && !defs.has(def.id)) defs.set(def.id, def);
  }
  return [...defs.values()].sort((a, b) => a.startIndex - b.startIndex);
}

/** `sync_to_async(...)(...)`, or a call of such a call: already run in a thread. */
export function isWrapperCall(f: OrmFile, call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  if (!callee) return false;
  if (wrapperKind(f, callee)) return true;
  return callee.type === "call" && isWrapperCall(f, callee);
}

/**
 * Is `wrapper` (the call `sync_to_async(f, thread_sensitive=False)` or a decorator's
 * `sync_to_async(thread_sensitive=False)`) made to run outside the shared thread?
 */
export function isThreadInsensitive(wrapper: SyntaxNode): boolean {
  if (wrapper.type !== "call") return false;
  if (aliasIsThreadInsensitive(wrapper)) return true;
  const args = wrapper.childForFieldName("arguments")?.namedChildren ?? [];
  return args.some(
    (a) =>
      a.type === "keyword_argument" &&
      a.childForFieldName("name")?.text === "thread_sensitive" &&
      a.childForFieldName("value")?.type === "false",
  );
}

/**
 * How `sync_to_async(f)(x)` is used unawaited where it stands, when its coroutine is lost: a
 * statement of its own (dropped: `f` never runs), or a truth test (a coroutine is always true).
 * Converted as it is, the native call would be as unawaited and as silent; missing-await adds
 * the `await` (AS401, AS406), after which native-orm converts it. A coroutine handed on
 * (gathered, returned, stored) is a coroutine either way, and converts.
 */
export function unawaitedUse(call: SyntaxNode): "dropped" | "tested" | undefined {
  let node = call;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === "expression_statement") return "dropped";
  if (["not_operator", "boolean_operator", "comparison_operator"].includes(parent.type))
    return "tested";
  const condition = parent.childForFieldName("condition");
  if (
    condition?.id === node.id &&
    ["if_statement", "elif_clause", "while_statement", "conditional_expression"].includes(
      parent.type,
    )
  )
    return "tested";
  if (parent.type === "assert_statement" && parent.namedChildren[0]?.id === node.id)
    return "tested";
  return undefined;
}
