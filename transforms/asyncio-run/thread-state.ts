import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/**
 * asyncio.run runs the coroutine on the caller's thread; async_to_sync runs it on another one.
 * A coroutine that reaches thread-local state (a SQLAlchemy `scoped_session`, a
 * `threading.local()`) sees another session or object after the rewrite. Read in this file: the
 * coroutine function and the functions of the file it calls, a few calls deep.
 */
const THREAD_LOCAL_MAKERS = new Set([
  "threading.local",
  "sqlalchemy.orm.scoped_session",
  "sqlalchemy.orm.scoping.scoped_session",
]);

/** Module-level names bound to thread-local state, with what made each. */
function threadLocals(file: FileSemantics): Map<string, string> {
  const found = new Map<string, string>();
  for (const statement of file.root.namedChildren) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== "assignment") continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    const callee = right?.type === "call" ? right.childForFieldName("function") : undefined;
    const made = callee ? file.qualifiedName(callee) : undefined;
    if (left?.type === "identifier" && made && THREAD_LOCAL_MAKERS.has(made))
      found.set(left.text, made);
  }
  return found;
}

/** Module-level defs of the file by name. */
function moduleDefs(file: FileSemantics): Map<string, SyntaxNode> {
  const defs = new Map<string, SyntaxNode>();
  for (const statement of file.root.namedChildren) {
    const def =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (def?.type === "function_definition") defs.set(def.childForFieldName("name")!.text, def);
  }
  return defs;
}

/**
 * `session (a sqlalchemy.orm.scoped_session, used by sync_orders)` when the coroutine `inner`
 * calls reaches thread-local state of this file, else undefined.
 */
export function threadLocalReached(file: FileSemantics, inner: SyntaxNode): string | undefined {
  if (!/scoped_session|threading|local\(/.test(file.source)) return undefined;
  const locals = threadLocals(file);
  if (locals.size === 0) return undefined;
  const defs = moduleDefs(file);
  const callee = inner.childForFieldName("function");
  let names = callee?.type === "identifier" ? [callee.text] : [];
  const seen = new Set<string>();
  for (let depth = 0; depth < 4 && names.length > 0; depth++) {
    const next: string[] = [];
    for (const name of names) {
      const def = defs.get(name);
      if (!def || seen.has(name)) continue;
      seen.add(name);
      for (const id of def.descendantsOfType("identifier")) {
        const made = locals.get(id.text);
        if (made) return `${id.text} (a ${made}, used by ${name}())`;
        if (id.parent?.type === "call" && id.parent.childForFieldName("function")?.id === id.id)
          next.push(id.text);
      }
    }
    names = next;
  }
  return undefined;
}
