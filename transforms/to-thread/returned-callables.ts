import { absoluteName } from "../../src/python/relative-imports.js";
import { dottedName } from "../../src/python/module-names.js";
import { functionsNamed, modulePaths, projectTopModules } from "../../src/project/index-lookup.js";
import { annotatedClass, getattrLiteral } from "./call-shapes.js";
import { methodKey } from "./alternatives.js";
import { classNamed } from "./receivers.js";
import type { FileSemantics, ProjectFacts, SyntaxNode } from "../../src/model/types.js";
import { classOfMethod } from "./class-attributes.js";
import { passedFunctions } from "./passed-functions.js";
import { lookedUp } from "./dynamic-lookups.js";
import { methodsPickedByName } from "./dispatch.js";
import { PROJECT_KEY, type CallFact } from "./loop-hazards.js";

/*
 * A callable the code holds is often project code: `operator = _make_operator(...)`, whose
 * nested `def operator(line)` the maker returns, then `operator(obj)`, or handed on to a helper
 * whose parameter it becomes (`_eval_obj_rec(obj, operator)`, then `operator(obj)` there). Taken
 * for "an object the code was given", such a call was never read, and tracecat's template
 * evaluation, which takes a `threading.Lock` in another file, was unwrapped (hazard-review-6 V9b).
 * What the value may be is read here: the defs a project function returns, a `partial` of a def,
 * what the callers of this file pass for a parameter, either side of `a or b`.
 */

/** The suffix of a key that stands for what a project function returns (the survey reads it). */
export const RETURNED = "()";

/** The suffix of a key for what a project decorator returns around the def it decorates. */
export const DECORATING = "(*)";

/** What reading a callable value needs of the file's functions. */
export interface CallableReader {
  readonly file: FileSemantics;
  readonly project?: ProjectFacts;
  /** The def of this file a name or `self.<m>` stands for at `at`. */
  resolve(callee: SyntaxNode, at: SyntaxNode): SyntaxNode | undefined;
  /** The key a call of a def of this file reaches it by. */
  keyOf(def: SyntaxNode): string;
  /** The fact of a call of `callee` at `at` (a method's, an import's). */
  callFact(callee: SyntaxNode, at: SyntaxNode): CallFact;
  /** The class that made the value `value` holds at `at`, when the file says. */
  madeBy(value: SyntaxNode, at: SyntaxNode): string | undefined;
  /** The def of this file a key names. */
  defOf(key: string): SyntaxNode | undefined;
}

/** The functions a value may be: their keys, and whether some value could not be read. */
export interface CallableValues {
  keys: string[];
  unknown: boolean;
  /** A value looked up by name at run time (`self._methods[name]` of `getattr(self, n)`s). */
  lookup?: string;
  /** Why they may run, for a message: `a function make_operator() returns`. */
  why?: string;
}

const NONE: CallableValues = { keys: [], unknown: false };
const UNKNOWN: CallableValues = { keys: [], unknown: true };

function union(values: CallableValues[], why?: string): CallableValues {
  const lookup = values.find((v) => v.lookup);
  // Methods picked by name, and nothing else: the lookup says best why they may run.
  const onlyPicked = values.every((v) => v.lookup || v.keys.length === 0);
  const said = (onlyPicked ? lookup?.why : undefined) ?? why ?? values.find((v) => v.why)?.why;
  return {
    keys: [...new Set(values.flatMap((v) => v.keys))],
    unknown: values.some((v) => v.unknown),
    ...(said ? { why: said } : {}),
    ...(lookup?.lookup ? { lookup: lookup.lookup } : {}),
  };
}

/**
 * What a call of `callee` may run when it is a value the file makes or is passed (not a def, a
 * class, an import or a method): undefined when it is none of the forms read here.
 */
export function callableValues(
  reader: CallableReader,
  callee: SyntaxNode,
  at: SyntaxNode,
): CallableValues | undefined {
  if (!reader.project?.index) return undefined;
  if (callee.type === "identifier") {
    if (reader.resolve(callee, at) || reader.file.qualifiedName(callee)) return undefined;
    const bindings = reader.file.visibleBindings(at, callee.text);
    if (bindings.length === 0) return undefined;
    if (!bindings.every((b) => b.kind === "assignment" || b.kind === "parameter")) return undefined;
  } else if (!["call", "parenthesized_expression", "boolean_operator"].includes(callee.type)) {
    if (callee.type !== "conditional_expression") return undefined;
  }
  const found = valuesOf(reader, callee, at, new Set());
  return found.keys.length > 0 || found.lookup ? found : undefined;
}

/** The functions the expression `value` (read at `at`) may be. */
function valuesOf(
  reader: CallableReader,
  value: SyntaxNode,
  at: SyntaxNode,
  seen: Set<number>,
): CallableValues {
  if (seen.has(value.id)) return NONE;
  seen.add(value.id);
  switch (value.type) {
    case "none":
      return NONE;
    case "parenthesized_expression":
      return value.namedChildren.length === 1
        ? valuesOf(reader, value.namedChildren[0], at, seen)
        : UNKNOWN;
    case "boolean_operator":
      return union(
        [value.childForFieldName("left"), value.childForFieldName("right")].map((side) =>
          side ? valuesOf(reader, side, at, seen) : UNKNOWN,
        ),
      );
    case "conditional_expression": {
      // `make(...) if key_policy is not None else None`: the value, or the other one.
      const [body, , other] = value.namedChildren;
      return union(
        [body, other].map((side) => (side ? valuesOf(reader, side, at, seen) : UNKNOWN)),
      );
    }
    case "call":
      return pickedByName(reader, value) ?? madeBy(reader, value, seen);
    case "subscript":
      return pickedByName(reader, value) ?? UNKNOWN;
    case "identifier":
      return nameValues(reader, value, at, seen);
    case "attribute": {
      // `self._rpc._rpc_force_exit`: the method it names, as a call of it would reach.
      const fact = reader.callFact(value, at);
      const keys = [fact.reaches, ...(fact.alternatives ?? [])].filter((k) => k !== undefined);
      return keys.length > 0 ? { keys, unknown: fact.collaborator === true } : UNKNOWN;
    }
    default:
      return UNKNOWN;
  }
}

/**
 * `self._methods[name]` (or `.get(name)`) of `getattr(self, n)`s: any method of the class or of a
 * subclass, picked at run time (Y18e). Each is read as one that may run, so that one that takes
 * a lock is named (Y18f); the value stays one the check cannot read whole.
 */
function pickedByName(reader: CallableReader, value: SyntaxNode): CallableValues | undefined {
  // `getattr(obj, name)` itself is read where it is called (dispatch.ts) or made (madeBy).
  if (value.type === "call" && value.childForFieldName("function")?.text === "getattr")
    return undefined;
  const lookup = lookedUp(reader.file, value, () => false);
  if (!lookup) return undefined;
  const def = reader.file.enclosingDef(value);
  // Only the instance's own lookups pick the class's methods (not `getattr(module, name)`'s).
  const own = /^getattr\(\s*(self|cls)\s*,/.test(lookup);
  const cls = def && own ? classOfMethod(def) : undefined;
  const keys = cls ? methodsPickedByName(reader.project, cls, (d) => reader.keyOf(d)) : [];
  const why = `a method of the class or of a subclass, which ${lookup} may give`;
  return { keys, unknown: true, lookup, why };
}

/** A name: a def, a project function imported, a local's assigned values, a parameter's passed ones. */
function nameValues(
  reader: CallableReader,
  name: SyntaxNode,
  at: SyntaxNode,
  seen: Set<number>,
): CallableValues {
  const def = reader.resolve(name, at);
  if (def) return { keys: [reader.keyOf(def)], unknown: false };
  const imported = projectFunctionKey(reader, name);
  if (imported) return { keys: [imported], unknown: false };
  if (reader.file.qualifiedName(name)) return UNKNOWN;
  const bindings = reader.file.visibleBindings(at, name.text);
  if (bindings.length === 0) return UNKNOWN;
  if (bindings.some((b) => b.kind === "parameter")) return passedValues(reader, name, seen);
  return union(
    bindings.map((b) => {
      const statement = b.node.parent;
      const right = statement?.type === "assignment" ? statement.childForFieldName("right") : null;
      // Only `name = value` (not `a, name = ...`, nor `name += ...`) says what it holds.
      return right && statement!.childForFieldName("left")?.id === b.node.id
        ? valuesOf(reader, right, right, seen)
        : UNKNOWN;
    }),
  );
}

/**
 * A parameter: what the file's calls of its function pass for it, when every call of that
 * function is in this file (passed-functions.ts). A recursive call passing it on adds nothing.
 */
function passedValues(reader: CallableReader, name: SyntaxNode, seen: Set<number>): CallableValues {
  const passed = passedFunctions(reader.file, name, reader.project?.index);
  if (!passed) return UNKNOWN;
  const own = reader.file.enclosingDef(name);
  const helper = passed[0].parent?.parent?.childForFieldName("function")?.text ?? "the helper";
  return union(
    passed.map((arg) =>
      arg.type === "identifier" && arg.text === name.text && reader.file.enclosingDef(arg) === own
        ? NONE
        : valuesOf(reader, arg, arg, seen),
    ),
    `a function ${helper}'s callers pass as ${name.text}`,
  );
}

/** `make_operator(...)`: the functions a project function returns; `partial(f, ...)`: `f`. */
function madeBy(reader: CallableReader, call: SyntaxNode, seen: Set<number>): CallableValues {
  const fn = call.childForFieldName("function");
  if (fn?.type !== "identifier" && fn?.type !== "attribute") return UNKNOWN;
  if (reader.file.qualifiedName(fn) === "functools.partial") {
    const first = call
      .childForFieldName("arguments")
      ?.namedChildren.find((a) => a.type !== "comment");
    return first ? valuesOf(reader, first, first, seen) : UNKNOWN;
  }
  // `getattr(backing, "drain_writes", None)`: the method the literal names (hazard-review-8 Y19).
  const literal = fn.text === "getattr" ? getattrLiteral(call) : undefined;
  if (literal) return literalMethods(reader, literal.object, literal.name, call);
  const why = `a function ${fn.text}() returns`;
  const maker = reader.resolve(fn, call);
  if (maker) {
    const returned = returnedValues(reader, maker, seen, argumentValues(reader, call, seen));
    // What it returns is not read: project code the check cannot read (a key left unread).
    const own = returned.unknown ? ownKey(reader, maker) : undefined;
    return own ? { keys: [own], unknown: false, why } : { ...returned, why };
  }
  // A function of another module of the project: what it returns is read by the survey.
  const key = projectFunctionKey(reader, fn);
  if (key) return { keys: [`${key}${RETURNED}`], unknown: false, why };
  return fn.type === "attribute" ? methodReturns(reader, fn, call, seen, why) : UNKNOWN;
}

/**
 * `self._limiter.limit(fn)`, `limiter.limit(abs)`: a method of a project class that returns a
 * nested def (a rate limiter's wrapper, which sleeps), called on the spot (hazard-review-9 Z17).
 * The receiver's class says which method; what it returns is read as a function's.
 */
function methodReturns(
  reader: CallableReader,
  fn: SyntaxNode,
  call: SyntaxNode,
  seen: Set<number>,
  why: string,
): CallableValues {
  const reaches = reader.callFact(fn, call).reaches;
  const method = reaches ? reader.defOf(reaches) : undefined;
  if (method?.type === "function_definition") {
    const returned = returnedValues(reader, method, seen, argumentValues(reader, call, seen));
    const own = returned.unknown ? ownKey(reader, method) : undefined;
    return own ? { keys: [own], unknown: false, why } : { ...returned, why };
  }
  return reaches && isProjectKey(reader, reaches)
    ? { keys: [`${reaches}${RETURNED}`], unknown: false, why }
    : UNKNOWN;
}

/** Does a `py:` key name code of this project (not a library's class)? */
function isProjectKey(reader: CallableReader, key: string): boolean {
  const index = reader.project?.index;
  const dotted = key.startsWith(PROJECT_KEY) ? dottedName(key.slice(PROJECT_KEY.length)) : "";
  return index !== undefined && dotted !== "" && projectTopModules(index).has(dotted.split(".")[0]);
}

/**
 * The project methods `getattr(obj, "name")` may give: the class of `obj`'s, when the file says,
 * else every project method of that name (each read as one that may run, none taken on trust).
 * A name no project method has is a library's attribute.
 */
function literalMethods(
  reader: CallableReader,
  object: SyntaxNode,
  name: string,
  at: SyntaxNode,
): CallableValues {
  // `getattr(self, "run_ping")`: the class's own method, as dispatch.ts reads it.
  if (object.text === "self" || object.text === "cls") return UNKNOWN;
  const index = reader.project?.index;
  const methods = index ? functionsNamed(index, name).filter((f) => f.className && !f.nested) : [];
  if (methods.length === 0) return UNKNOWN;
  const made = reader.madeBy(object, at);
  const own = made ? methods.filter((f) => f.className === made.split(".").at(-1)) : [];
  if (own.length > 0) return { keys: own.map(methodKey), unknown: false };
  const why = `a method of this project named ${name}, which getattr(${object.text}, "${name}") may give: the class of ${object.text} is not known here`;
  return { keys: methods.map(methodKey), unknown: true, why };
}

/** What a parameter of a maker holds at one use of it: the call's argument, or the decorated def. */
type Handed = (parameter: string, position: number) => CallableValues;

/**
 * What `def` returns: the value of each of its own `return`s (a bare one returns None). A
 * parameter returned as it is (`return fn`) is what `handed` says it holds, when known.
 */
export function returnedValues(
  reader: CallableReader,
  def: SyntaxNode,
  seen: Set<number> = new Set(),
  handed?: Handed,
): CallableValues {
  const values = ownReturns(def).map((r) => {
    const value = r.namedChildren.find((c) => c.type !== "comment");
    const parameter = value && handed ? parameterPosition(reader, def, value) : undefined;
    if (parameter !== undefined) return handed!(value!.text, parameter);
    return value ? valuesOf(reader, value, value, seen) : NONE;
  });
  return values.length > 0 ? union(values) : UNKNOWN;
}

/** The position of the parameter of `def` the name `value` is (self and cls not counted). */
function parameterPosition(
  reader: CallableReader,
  def: SyntaxNode,
  value: SyntaxNode,
): number | undefined {
  if (value.type !== "identifier") return undefined;
  const bindings = reader.file.visibleBindings(value, value.text);
  if (bindings.length !== 1 || bindings[0].kind !== "parameter") return undefined;
  if (reader.file.enclosingDef(bindings[0].node) !== def) return undefined;
  const names = (def.childForFieldName("parameters")?.namedChildren ?? []).map((p) =>
    p.type === "identifier" ? p.text : (p.childForFieldName("name") ?? p.namedChildren[0])?.text,
  );
  const at = names.indexOf(value.text);
  return at < 0 ? undefined : at - (classOfMethod(def) ? 1 : 0);
}

/** `identity(handler)`: what the call passes for a maker's parameter, by position or keyword. */
function argumentValues(reader: CallableReader, call: SyntaxNode, seen: Set<number>): Handed {
  const args = (call.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  return (name, position) => {
    if (args.some((a) => a.type === "list_splat" || a.type === "dictionary_splat")) return UNKNOWN;
    const keyword = args.find(
      (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === name,
    );
    const arg = keyword?.childForFieldName("value") ?? args[position];
    return arg && arg.type !== "keyword_argument" ? valuesOf(reader, arg, arg, seen) : UNKNOWN;
  };
}

/** A decorator's own first parameter is the function it decorates, read where it is defined. */
export const DECORATED: Handed = (_name, position) => (position === 0 ? NONE : UNKNOWN);

/** The `return` statements of `def` itself, not of the defs, lambdas and classes nested in it. */
function ownReturns(def: SyntaxNode): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    for (const child of node.namedChildren) {
      if (["function_definition", "lambda", "class_definition"].includes(child.type)) continue;
      if (child.type === "return_statement") found.push(child);
      else visit(child);
    }
  };
  const body = def.childForFieldName("body");
  if (body) visit(body);
  return found;
}

/** `py:app.ops.Maker.make()`: what a module-level def or a method of this file returns. */
function ownKey(reader: CallableReader, def: SyntaxNode): string | undefined {
  const name = def.childForFieldName("name")?.text;
  const cls = classOfMethod(def);
  const top = cls ?? def;
  const atModule = (top.parent?.type === "decorated_definition" ? top.parent : top).parent;
  if (!reader.file.module || !name || atModule?.type !== "module") return undefined;
  const qualname = cls ? `${cls.childForFieldName("name")!.text}.${name}` : name;
  return `${PROJECT_KEY}${reader.file.module}.${qualname}${RETURNED}`;
}

/**
 * The key of a function of another module of the project a name stands for (`py:app.ops.make`),
 * when it is one: a lower-case name (a class's call makes an instance, not a function).
 */
function projectFunctionKey(reader: CallableReader, fn: SyntaxNode): string | undefined {
  const qualified = reader.file.qualifiedName(fn);
  const index = reader.project?.index;
  if (!qualified || !index) return undefined;
  const absolute = absoluteName(qualified, reader.file.module, reader.file.path);
  if (!absolute?.includes(".") || !/^[a-z_]/.test(absolute.slice(absolute.lastIndexOf(".") + 1)))
    return undefined;
  return projectTopModules(index).has(absolute.split(".")[0])
    ? `${PROJECT_KEY}${absolute}`
    : undefined;
}

/**
 * A call's fact, given what its callee value may be: the one function it runs, or the functions
 * it may run (and, when some value could not be read, an object the check cannot follow).
 */
export function valuesFact(fact: CallFact, values: CallableValues): CallFact {
  if (values.keys.length === 1 && !values.unknown) return { ...fact, reaches: values.keys[0] };
  return {
    ...fact,
    alternatives: values.keys,
    maybeWhy: values.why ?? `a function ${fact.text} may hold`,
    ...(values.unknown ? { collaborator: true as const } : {}),
    ...(values.lookup ? { runTimeLookup: values.lookup } : {}),
  };
}

/**
 * The class a function's return annotation names, for `cp = self._cache_path(rel)` (`-> Path`:
 * `pathlib.Path`) or `db = get_database()` imported (`-> DatabaseConnectionManager`, by name):
 * hazard-review-5 J20, where such values were taken for values of no known class.
 */
export function returnedClass(
  reader: CallableReader,
  fn: SyntaxNode,
  at: SyntaxNode,
): string | undefined {
  const def = reader.resolve(fn, at);
  if (def) {
    const named = annotatedClass(def.childForFieldName("return_type"));
    return named ? (classNamed(reader.file, named) ?? named.text) : undefined;
  }
  const qualified = reader.file.qualifiedName(fn);
  const absolute = qualified && absoluteName(qualified, reader.file.module, reader.file.path);
  const index = reader.project?.index;
  if (!absolute || !index) return undefined;
  const module = absolute.slice(0, absolute.lastIndexOf("."));
  const name = absolute.slice(absolute.lastIndexOf(".") + 1);
  // The pre-pass keys its facts by the path it read (absolute); the index's is relative.
  const returned = reader.project?.returnedClasses ?? {};
  for (const path of modulePaths(index, module)) {
    const names = returned[path] ?? returned[`${index.root}/${path}`];
    if (names && Object.hasOwn(names, name)) return names[name];
  }
  return undefined;
}

/**
 * `with _sem:` with `_sem` imported from a module of the project (`_sem = BoundedSemaphore(4)`
 * there): the key the survey answers with what made it, entered (hazard-review-7 Y14).
 */
export function projectValueKey(reader: CallableReader, value: SyntaxNode): string | undefined {
  const qualified = reader.file.qualifiedName(value);
  const index = reader.project?.index;
  if (!qualified || !index) return undefined;
  const absolute = absoluteName(qualified, reader.file.module, reader.file.path);
  if (!absolute?.includes(".") || !projectTopModules(index).has(absolute.split(".")[0]))
    return undefined;
  return `${PROJECT_KEY}${absolute}.__enter__`;
}

/**
 * `@synchronized` on a def: the wrapper a project decorator returns runs at each call of the
 * function, a lock and all (hazard-review-7 Y13: `with lock:` in the wrapper, another file).
 * `@retry(3)` made in this file: what the decorator it returns returns. A decorator handing the
 * function back (a registry's) adds nothing; one whose product is not read adds nothing either
 * (as before: decorators were not read at all).
 */
export function decoratorCalls(reader: CallableReader, def: SyntaxNode): CallFact[] {
  const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  const decorators = (decorated?.namedChildren ?? []).filter((c) => c.type === "decorator");
  return decorators.flatMap((decorator) => {
    const expr = decorator.namedChildren.find((c) => c.type !== "comment");
    const keys = expr ? decoratorValues(reader, expr) : [];
    const line = decorator.startPosition.row + 1;
    return keys.map((reaches) => ({ text: `@${expr!.text}`, reaches, line }));
  });
}

/** The functions a decorator expression wraps a def in (decoratorCalls). */
function decoratorValues(reader: CallableReader, expr: SyntaxNode): string[] {
  const wrappers = (maker: SyntaxNode) => returnedValues(reader, maker, new Set(), DECORATED).keys;
  if (expr.type === "identifier" || expr.type === "attribute") {
    const maker = reader.resolve(expr, expr);
    if (maker) return wrappers(maker);
    const key = projectFunctionKey(reader, expr);
    if (key) return [`${key}${DECORATING}`];
    // `@limiter.limit` with `limiter = RateLimiter(...)`: the method of its class (Z17).
    const reaches = expr.type === "attribute" ? reader.callFact(expr, expr).reaches : undefined;
    const method = reaches ? reader.defOf(reaches) : undefined;
    if (method?.type === "function_definition") return wrappers(method);
    return reaches && isProjectKey(reader, reaches) ? [`${reaches}${DECORATING}`] : [];
  }
  const fn = expr.type === "call" ? expr.childForFieldName("function") : null;
  const maker =
    fn && (fn.type === "identifier" || fn.type === "attribute") && reader.resolve(fn, expr);
  if (!maker) return [];
  // `@retry(3)`: the decorators it returns (defs of this file), then what each returns.
  return ownReturns(maker).flatMap((r) => {
    const value = r.namedChildren.find((c) => c.type !== "comment");
    const decorator = value?.type === "identifier" ? reader.resolve(value, value) : undefined;
    return decorator ? wrappers(decorator) : [];
  });
}
