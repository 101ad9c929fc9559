import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { definitionNamed, moduleNameAssignments } from "../../src/python/shapes.js";

/**
 * The module-level names of a file bound to thread-local state: what `asyncio.run` →
 * `async_to_sync` would hand another thread's copy of. Not only `Session = scoped_session(...)`:
 * codecov/worker's registry is made by a factory method and aliased (hazard-review F6e),
 *
 *     session = session_factory.create_session()   # returns scoped_session(...)
 *     get_db_session = session
 *
 * so a name bound to what a function or method of this file makes, an instance of a
 * `threading.local` subclass, and a name bound to such a name are thread-local too.
 */
export const THREAD_LOCAL_MAKERS = new Set([
  "threading.local",
  "sqlalchemy.orm.scoped_session",
  "sqlalchemy.orm.scoping.scoped_session",
]);

export interface ThreadLocalName {
  /** `sqlalchemy.orm.scoped_session made by SessionFactory.create_session(), as session`. */
  made: string;
  line: number;
}

/** The module-level classes of the file by name. */
function moduleClasses(file: FileSemantics): Map<string, SyntaxNode> {
  const classes = new Map<string, SyntaxNode>();
  for (const statement of file.root.namedChildren) {
    const def =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (def?.type === "class_definition") classes.set(def.childForFieldName("name")!.text, def);
  }
  return classes;
}

/** The module-level function `name`, or the method `name` of the class `cls`. */
function defNamed(file: FileSemantics, name: string, cls?: SyntaxNode): SyntaxNode | undefined {
  return definitionNamed(
    cls ? cls.childForFieldName("body") : file.root,
    "function_definition",
    name,
  );
}

/** `threading.local` when the class derives from it (`class RequestState(threading.local)`). */
function threadLocalBase(file: FileSemantics, cls: SyntaxNode): string | undefined {
  for (const base of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
    const name = base.type === "identifier" || base.type === "attribute" ? base : undefined;
    const qualified = name ? file.qualifiedName(name) : undefined;
    if (qualified && THREAD_LOCAL_MAKERS.has(qualified)) return qualified;
  }
  return undefined;
}

/** The call of a thread-local maker in a def's body (`scoped_session(factory)`), if any. */
export function makerCall(file: FileSemantics, def: SyntaxNode): SyntaxNode | undefined {
  return def.descendantsOfType("call").find((call) => {
    const callee = call.childForFieldName("function");
    const qualified = callee ? file.qualifiedName(callee) : undefined;
    return qualified !== undefined && THREAD_LOCAL_MAKERS.has(qualified);
  });
}

/**
 * The thread-local maker a function's body calls (`return scoped_session(factory)`), if any. A
 * factory that makes one anywhere in its body is taken to return it: the check only ever makes a
 * fix unsafe, so the doubt goes that way.
 */
export function makerIn(file: FileSemantics, def: SyntaxNode): string | undefined {
  const call = makerCall(file, def);
  return call ? file.qualifiedName(call.childForFieldName("function")!) : undefined;
}

/** What a module-level call makes when it is thread-local state, and what made it. */
function madeByCall(
  file: FileSemantics,
  call: SyntaxNode,
  classes: Map<string, SyntaxNode>,
  instances: Map<string, SyntaxNode>,
): string | undefined {
  const callee = call.childForFieldName("function");
  if (!callee) return undefined;
  const qualified = file.qualifiedName(callee);
  if (qualified && THREAD_LOCAL_MAKERS.has(qualified)) return qualified;
  if (callee.type === "identifier") {
    const cls = classes.get(callee.text);
    const base = cls ? threadLocalBase(file, cls) : undefined;
    if (base) return `${base} subclass ${callee.text}`;
    const def = cls ? undefined : defNamed(file, callee.text);
    const maker = def ? makerIn(file, def) : undefined;
    return maker ? `${maker} made by ${callee.text}()` : undefined;
  }
  if (callee.type !== "attribute") return undefined;
  // `SessionFactory(url).create_session()`, or `session_factory.create_session()` where
  // `session_factory = SessionFactory(...)` above.
  const object = callee.childForFieldName("object");
  const ctor = object?.type === "call" ? object.childForFieldName("function") : undefined;
  const cls =
    ctor?.type === "identifier"
      ? classes.get(ctor.text)
      : object?.type === "identifier"
        ? instances.get(object.text)
        : undefined;
  const method = callee.childForFieldName("attribute")!.text;
  const def = cls ? defNamed(file, method, cls) : undefined;
  const maker = def ? makerIn(file, def) : undefined;
  const owner = cls?.childForFieldName("name")?.text;
  return maker ? `${maker} made by ${owner}.${method}()` : undefined;
}

/** Module-level names bound to thread-local state, with what made each and its line. */
export function threadLocals(file: FileSemantics): Map<string, ThreadLocalName> {
  const found = new Map<string, ThreadLocalName>();
  if (!/scoped_session|threading|local\b/.test(file.source)) return found;
  const classes = moduleClasses(file);
  const instances = new Map<string, SyntaxNode>();
  for (const { left, right, line } of moduleNameAssignments(file.root)) {
    const alias = right.type === "identifier" ? found.get(right.text) : undefined;
    const made = right.type === "call" ? madeByCall(file, right, classes, instances) : undefined;
    const ctor = right.type === "call" ? right.childForFieldName("function") : undefined;
    const cls = ctor?.type === "identifier" ? classes.get(ctor.text) : undefined;
    if (cls && !made) instances.set(left.text, cls);
    else instances.delete(left.text);
    if (alias) found.set(left.text, { made: `${alias.made}, alias of ${right.text}`, line });
    else if (made) found.set(left.text, { made, line });
    else found.delete(left.text);
  }
  return found;
}
