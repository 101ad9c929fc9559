import { functionsNamed } from "../../src/project/index-lookup.js";
import type { IndexedFunction, SyntaxNode } from "../../src/model/types.js";
import type { OrmFile } from "./types.js";

// orm-review-4 P3: `raise GraphQLError(...)`, `raise HttpError(400, "...")`, `raise
// DuplicateKeyError(key)`: the operand of `raise` is an exception being built, a plain object
// whose constructor stores its arguments. Its arguments are calls and reads of their own, judged
// as such; only the class's own call is known here. A project class that defines `__init__` runs
// code of its own when built: that is not followed, and said.

/** A class name by Python's naming convention: `GraphQLError`, `errors.HttpError`. */
const CLASS_NAME = /^_*[A-Z]/;

/** Is `call` the exception a `raise` statement builds (or the cause after `from`)? */
function isRaised(call: SyntaxNode): boolean {
  let node = call;
  while (node.parent?.type === "parenthesized_expression") node = node.parent;
  return node.parent?.type === "raise_statement";
}

/** `Error`, `errors.Error`, `a.b.Error`: a name or a dotted path of names, never `self.x`. */
function classPath(callee: SyntaxNode): string | undefined {
  const names: string[] = [];
  let n: SyntaxNode | null = callee;
  while (n?.type === "attribute") {
    names.unshift(n.childForFieldName("attribute")!.text);
    n = n.childForFieldName("object");
  }
  if (n?.type !== "identifier" || n.text === "self" || n.text === "cls") return undefined;
  return [n.text, ...names].join(".");
}

/** The project's `__init__`s by class name, the first in index order: made once per index. */
const byClassOfInits = new WeakMap<
  readonly IndexedFunction[],
  ReadonlyMap<string, IndexedFunction>
>();

function initializersByClass(
  inits: readonly IndexedFunction[],
): ReadonlyMap<string, IndexedFunction> {
  let byClass = byClassOfInits.get(inits);
  if (byClass) return byClass;
  const made = new Map<string, IndexedFunction>();
  for (const fn of inits)
    if (fn.className !== undefined && !made.has(fn.className)) made.set(fn.className, fn);
  byClassOfInits.set(inits, (byClass = made));
  return byClass;
}

/**
 * Where a class of the project named `name` defines `__init__` (`app/errors.py:12`), by the
 * project's index, or the file's own class of that name when there is no index.
 */
export function ownInitializer(f: OrmFile, name: string): string | undefined {
  const index = f.ctx.project.index;
  if (index) {
    const init = initializersByClass(functionsNamed(index, "__init__")).get(name);
    return init ? `${init.path}:${init.line}` : undefined;
  }
  for (const statement of f.root.namedChildren) {
    const cls =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (cls?.type !== "class_definition" || cls.childForFieldName("name")?.text !== name) continue;
    const body = cls.childForFieldName("body")?.namedChildren ?? [];
    const init = body
      .map((m) => (m.type === "decorated_definition" ? m.childForFieldName("definition") : m))
      .find(
        (m) =>
          m?.type === "function_definition" && m.childForFieldName("name")?.text === "__init__",
      );
    if (init) return `${f.file.path}:${init.startPosition.row + 1}`;
  }
  return undefined;
}

/**
 * What building the raised exception `call` is: "in memory" (undefined problem) when its class
 * runs no `__init__` of the project; else the initializer's place, which is not followed.
 * Not a raised class at all: false.
 */
export function raisedException(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
): { initializer?: string } | false {
  if (!isRaised(call)) return false;
  const path = classPath(callee);
  const name = path?.split(".").pop();
  if (!name || !CLASS_NAME.test(name)) return false;
  const initializer = ownInitializer(f, name);
  return initializer ? { initializer } : {};
}
