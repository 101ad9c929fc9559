import { absoluteName } from "../../src/python/relative-imports.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { classOfMethod, moduleClass, selfAssignments, selfAttribute } from "./classes.js";
import { methodResolutionOrder, ownMethod } from "../../src/python/mro.js";
import { definitionNamed, isAsyncFunction } from "../../src/python/shapes.js";

/*
 * Methods of module-level instances of project classes (hazard-review F9c, Artemis' `db = DB()`
 * then `db.list_analysis()` in `async def`): the instance's class is what the one module-level
 * assignment of its name calls, defined in the file or imported from the project, and the
 * method is that class's own (sync) method.
 */

/** A method a call reaches: its def in this file, or the survey's key for it in another. */
export type MethodTarget = { def: SyntaxNode } | { key: string };

/** The survey's keys: `py:` and an absolute dotted name (`py:artemis.db.DB.list_analysis`). */
const KEY = "py:";

/** `DB(...)` at module level: the class it calls, here or by the import's absolute name. */
function classCalled(
  file: FileSemantics,
  value: SyntaxNode | null | undefined,
): { cls: SyntaxNode } | { name: string } | undefined {
  const fn = value?.type === "call" ? value.childForFieldName("function") : undefined;
  if (fn?.type !== "identifier") return undefined;
  const binding = file.importBindingOf(fn.text, fn);
  if (!binding) {
    const cls = moduleClass(file.root, fn.text);
    // `db_manager = sync_get_database_connection()`, a def of the file `-> DatabaseConnectionManager`.
    const def = cls ? undefined : definitionNamed(file.root, "function_definition", fn.text);
    return cls ? { cls } : def && classNamed(file, def.childForFieldName("return_type"), def);
  }
  const absolute = absoluteName(binding.qualified, file.module, file.path);
  return absolute?.includes(".") ? { name: absolute } : undefined;
}

/** The value of the one module-level assignment of `name` (`db = DB()`), if that is all. */
function moduleValue(file: FileSemantics, name: string): SyntaxNode | undefined {
  const bindings = file.bindingsNamed(file.root, name);
  const site = bindings.length === 1 ? bindings[0].node.parent : undefined;
  if (site?.type !== "assignment" || site.childForFieldName("left")?.id !== bindings[0].node.id)
    return undefined;
  return site.parent?.parent?.type === "module" ? site.childForFieldName("right")! : undefined;
}

/**
 * The method `owner.method` names when `owner` is a class or module-level instance of the file,
 * or a def of it whose return annotation names a class (`get_redis_client_sync() -> RedisClient`:
 * the key a call's value gets when the function was imported, hazard-review-5 J17).
 */
function methodOf(file: FileSemantics, owner: string, method: string): MethodTarget | undefined {
  const own = moduleClass(file.root, owner);
  const def = own ? undefined : definitionNamed(file.root, "function_definition", owner);
  const returned = def && classNamed(file, def.childForFieldName("return_type"), def);
  return methodOfClass(file, own ? { cls: own } : (returned ?? globalClass(file, owner)), method);
}

/**
 * The class of a module-level instance: what its one assignment calls (`db = DB()`), or the
 * project class it is annotated with when functions rebind it (`global _cancellation_manager`)
 * or its value names no class: any instance of that class may be there (hazard-review-7 Y12,
 * agno's `_cancellation_manager: BaseRunCancellationManager = InMemoryRunCancellationManager()`,
 * swapped for the Redis one by `set_cancellation_manager`).
 */
function globalClass(
  file: FileSemantics,
  name: string,
): { cls: SyntaxNode } | { name: string } | undefined {
  const value = moduleValue(file, name);
  const called = classCalled(file, value);
  const annotation = value?.parent?.childForFieldName("type");
  const declared = annotation ? classNamed(file, annotation, value!.parent!) : undefined;
  return declared && (!called || reboundByFunctions(file.root, name)) ? declared : called;
}

/** A `global <name>` statement in the module: some function assigns the module's `name`. */
function reboundByFunctions(root: SyntaxNode, name: string): boolean {
  return root
    .descendantsOfType("global_statement")
    .some((statement) => statement.namedChildren.some((n) => n.text === name));
}

/** A class's sync method: its def here, or its key in the module the class comes from. */
function methodOfClass(
  file: FileSemantics,
  called: { cls: SyntaxNode } | { name: string } | undefined,
  method: string,
): MethodTarget | undefined {
  if (!called) return undefined;
  if ("name" in called) return { key: `${KEY}${called.name}.${method}` };
  return classMethodTarget(file, called.cls, method);
}

/**
 * The def `<instance of cls>.<method>` runs, along the class's method resolution order: a sync
 * def of this file, or the key of the first imported base (whose module is asked in turn:
 * bisheng's `UserPayload(LoginUser)`, whose `access_check` is `LoginUser`'s). An async def, or a
 * base out of sight (`models.Model`, `Generic[T]`), ends the search.
 */
export function classMethodTarget(
  file: FileSemantics,
  cls: SyntaxNode,
  method: string,
): MethodTarget | undefined {
  return alongBases(file, cls, `.${method}`, (node) => {
    const def = ownMethod(node, method);
    if (!def) return undefined;
    return isAsyncFunction(def) ? null : { def };
  });
}

/**
 * The walk of `cls`'s method resolution order both searches make: `local` answers for a class of
 * this file (undefined: ask the next class; null: the search ends with nothing); the first
 * imported base ends it with its survey key (its absolute name, then `keyTail`); a base out of
 * sight (`models.Model`, `Generic[T]`) ends it with nothing.
 */
function alongBases(
  file: FileSemantics,
  cls: SyntaxNode,
  keyTail: string,
  local: (node: SyntaxNode) => MethodTarget | null | undefined,
): MethodTarget | undefined {
  for (const c of methodResolutionOrder(cls) ?? [{ kind: "local" as const, node: cls }]) {
    if (c.kind === "opaque") return undefined;
    if (c.kind === "imported") {
      const absolute = absoluteName(c.binding.qualified, file.module, file.path);
      return absolute?.includes(".") ? { key: `${KEY}${absolute}${keyTail}` } : undefined;
    }
    const found = local(c.node);
    if (found !== undefined) return found ?? undefined;
  }
  return undefined;
}

/**
 * `db.list_analysis` in a function of this file, where `db` is the module's instance of a class
 * (the name bound nowhere nearer) or the function's own (`db = DB()` its one binding there), or
 * `self._delete_rows` in a method: the method it reaches.
 */
export function instanceMethod(file: FileSemantics, callee: SyntaxNode): MethodTarget | undefined {
  if (callee.type !== "attribute") return undefined;
  const enclosing = file.enclosingFunction(callee);
  const own = selfAttribute(callee, enclosing) ?? clsAttribute(callee, enclosing);
  if (own) return classMethodTarget(file, own.cls, own.name);
  const owner = callee.childForFieldName("object");
  // `self.redis_lock.acquire_lock()`: the class every assignment to `self.redis_lock` makes (J14).
  const held = owner?.type === "attribute" ? selfAttribute(owner, enclosing) : undefined;
  if (held)
    return heldMethod(file, held.cls, held.name, callee.childForFieldName("attribute")!.text);
  // `Scraper(urls, agent).run()`: the method of the class just built (J11).
  if (owner?.type === "call")
    return methodOfClass(
      file,
      classCalled(file, owner),
      callee.childForFieldName("attribute")!.text,
    );
  if (owner?.type !== "identifier" || file.importBindingOf(owner.text, owner)) return undefined;
  const method = callee.childForFieldName("attribute")!.text;
  const visible = file.visibleBindings(callee, owner.text);
  const atModule = file.bindingsNamed(file.root, owner.text);
  if (visible.length !== 1) return undefined;
  // `user: UserPayload` in the parameters: that class's method (J4: bisheng's access_check).
  const annotated = annotatedClass(file, visible[0].node);
  if (annotated) return methodOfClass(file, annotated, method);
  if (atModule.length === 1 && visible[0].node.id === atModule[0].node.id)
    return methodOf(file, owner.text, method);
  // `mapswipe = MapswipeService()` in the function itself, its only binding there.
  const site = visible[0].node.parent;
  if (site?.type !== "assignment" || site.childForFieldName("left")?.id !== visible[0].node.id)
    return undefined;
  return methodOfClass(file, classCalled(file, site.childForFieldName("right")), method);
}

/**
 * `self.<name>.<method>` in a method of `cls`: the method of the class every assignment to
 * `self.<name>` makes (`self.redis_lock = get_cache_engine()`, J14), or gives from an annotated
 * parameter (`def __init__(self, rpc: RPC): self._rpc = rpc`, hazard-review-6 V13: freqtrade's
 * Telegram handlers calling `self._rpc._rpc_trade_status()`). The nearest class of the method
 * resolution order that assigns it decides; when none of this file does, the first imported base
 * is asked (the survey's `<Base>.self.<name>.<method>`: RPCHandler's `__init__` in another module).
 */
function heldMethod(
  file: FileSemantics,
  cls: SyntaxNode,
  name: string,
  method: string,
): MethodTarget | undefined {
  return alongBases(file, cls, `${HELD}${name}.${method}`, (node) => {
    const values = selfAssignments(node, name);
    if (values.length === 0) return undefined;
    const made = values.map((v) => classCalled(file, v) ?? parameterClass(file, v));
    const names = new Set(made.map((m) => (m && "name" in m ? m.name : m?.cls.id)));
    return (names.size === 1 && made[0] && methodOfClass(file, made[0], method)) || null;
  });
}

/** The segment of a survey key for what a class's instances hold: `py:app.rpc.RPCHandler.self._rpc.m`. */
export const HELD = ".self.";

/** `rpc` in `self._rpc = rpc`, when it is a parameter annotated with a project class. */
function parameterClass(
  file: FileSemantics,
  value: SyntaxNode,
): { cls: SyntaxNode } | { name: string } | undefined {
  if (value.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(value, value.text);
  return bindings.length === 1 ? annotatedClass(file, bindings[0].node) : undefined;
}

/** `cls.<name>` inside a classmethod: the method of the class it is defined in. */
export function clsAttribute(
  node: SyntaxNode,
  enclosing: SyntaxNode | undefined,
): { cls: SyntaxNode; name: string } | undefined {
  const owner = node.childForFieldName("object");
  const cls = enclosing && classOfMethod(enclosing);
  const statement = enclosing?.parent;
  if (!cls || owner?.type !== "identifier" || statement?.type !== "decorated_definition")
    return undefined;
  if (!/@classmethod\b/.test(statement.text.slice(0, enclosing!.startIndex - statement.startIndex)))
    return undefined;
  const first = enclosing!.childForFieldName("parameters")?.namedChildren[0];
  return first?.type === "identifier" && first.text === owner.text
    ? { cls, name: node.childForFieldName("attribute")!.text }
    : undefined;
}

/**
 * The project class a parameter is annotated with (`user: UserPayload`, `"UserPayload"`,
 * `Optional[UserPayload]`, `UserPayload | None`): defined in the file or imported from the
 * project. A parameter's class is what its callers must pass; a subclass's override is a miss.
 */
function annotatedClass(
  file: FileSemantics,
  name: SyntaxNode,
): { cls: SyntaxNode } | { name: string } | undefined {
  const parameter = name.parent;
  if (parameter?.type !== "typed_parameter" && parameter?.type !== "typed_default_parameter")
    return undefined;
  return classNamed(file, parameter.childForFieldName("type"), parameter);
}

/**
 * The project class an annotation names (`UserPayload`, `"UserPayload"`, `Optional[UserPayload]`,
 * `UserPayload | None`): defined in the file or imported (by its absolute name).
 */
function classNamed(
  file: FileSemantics,
  annotation: SyntaxNode | null,
  at: SyntaxNode,
): { cls: SyntaxNode } | { name: string } | undefined {
  const written = annotation?.text ?? "";
  const bare = /^["']?(?:Optional\[)?([A-Za-z_]\w*)\]?(?:\s*\|\s*None)?["']?$/.exec(written)?.[1];
  if (!bare) return undefined;
  const binding = file.importBindingOf(bare, at);
  if (!binding) {
    const cls = moduleClass(file.root, bare);
    return cls ? { cls } : undefined;
  }
  const absolute = absoluteName(binding.qualified, file.module, file.path);
  return absolute?.includes(".") ? { name: absolute } : undefined;
}

/**
 * What the survey asks of a file for `DB.list_analysis` or `db.list_analysis` (the instance
 * `from artemis.db import db` names): the method, here or in the module its class comes from.
 */
export function askedMethod(file: FileSemantics, name: string): MethodTarget | undefined {
  // `RPCHandler.self._rpc._rpc_trade_status`: the method of what its instances hold.
  const held = name.split(HELD);
  const cls = held.length === 2 ? moduleClass(file.root, held[0]) : undefined;
  const [attribute, method, more] = held.length === 2 ? held[1].split(".") : [];
  if (cls && attribute && method && !more) return heldMethod(file, cls, attribute, method);
  const dot = name.indexOf(".");
  if (dot < 0 || name.indexOf(".", dot + 1) >= 0) return undefined;
  return methodOf(file, name.slice(0, dot), name.slice(dot + 1));
}
