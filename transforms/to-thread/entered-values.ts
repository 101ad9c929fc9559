import { absoluteName } from "../../src/python/relative-imports.js";
import { dottedName } from "../../src/python/module-names.js";
import { likelyLocalMethod } from "../../src/python/mro.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { THREAD_WAITS_BY_CLASS } from "../../src/python/thread-waits.js";
import { methodKey } from "./alternatives.js";
import { isPropertyDef } from "./property-reads.js";
import { moduleClass } from "./receivers.js";
import { getattrLiteral, valueSides } from "./call-shapes.js";
import { memberClass } from "./member-classes.js";
import { LOCK_NAME, PROJECT_KEY, type CallFact } from "./loop-hazards.js";
import type { CallableReader } from "./returned-callables.js";

/*
 * Project code that runs without a call written: `with Guard():` runs `Guard.__enter__`, which
 * may acquire a lock; `get_cache().token` runs a `@property` getter, which may enter one
 * (hazard-review-7 Y14: both unwrapped in the SAFE run). Read like calls.
 */

/** A property's decorators as the index keeps them (without `@`). */
const PROPERTY = /(^|\.)(property|cached_property)$/;

/**
 * The value a node enters: a `with` item's, or what `stack.enter_context(value)` is given
 * (contextlib's ExitStack enters it then, as `with` would).
 */
export function enteredValueAt(node: SyntaxNode): SyntaxNode | undefined {
  if (node.type === "with_item") return node.childForFieldName("value") ?? undefined;
  const fn = node.type === "call" ? node.childForFieldName("function") : null;
  if (fn?.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "enter_context")
    return undefined;
  const args = (node.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  return args.length === 1 && args[0].type !== "keyword_argument" ? args[0] : undefined;
}

/** A reader that can also say what made a value (callees.ts). */
export interface EnteringReader extends CallableReader {
  /** The def of this file a key names. */
  defOf(key: string): SyntaxNode | undefined;
}

/** `@contextmanager`, `@contextlib.contextmanager` as written (the index keeps no `@`). */
const CONTEXT_MANAGER = /(^|\.)(contextmanager|asynccontextmanager)$/;

/**
 * Is `key` a project function whose call returns a value to enter ("returns"), or a
 * `@contextmanager` generator, whose body is the entering (read as the call it is)?
 */
function projectFunction(
  reader: EnteringReader,
  key: string,
): "returns" | "contextmanager" | undefined {
  const def = reader.defOf(key);
  if (def) {
    const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
    const decorators = (decorated?.namedChildren ?? []).filter((c) => c.type === "decorator");
    const cm = decorators.some((d) => CONTEXT_MANAGER.test(d.text.slice(1).split("(")[0].trim()));
    return cm ? "contextmanager" : "returns";
  }
  const index = reader.project?.index;
  if (!index || !key.startsWith(PROJECT_KEY)) return undefined;
  const dotted = dottedName(key.slice(PROJECT_KEY.length));
  const top = dotted.split(".")[0];
  if (!projectTopModules(index).has(top)) return undefined;
  const found = functionsNamed(index, dotted.slice(dotted.lastIndexOf(".") + 1)).filter(
    (f) => !f.nested && dotted.startsWith(`${dottedName(f.module)}.`),
  );
  if (found.length === 0) return undefined;
  return found.some((f) => f.decorators.some((d) => CONTEXT_MANAGER.test(d)))
    ? "contextmanager"
    : "returns";
}

/**
 * What entering `value` at `at` runs, for `with value:` and `stack.enter_context(value)` alike:
 * a lock's wait, a project class's `__enter__`, or a value whose class the check cannot tell.
 * Each value a conditional may be is entered (`self._lock if shared else nullcontext()`).
 * Hazard-review-7 Y15: a module dict of locks, a conditional, `enter_context`, `getattr(self,
 * "_lock")`, each a SAFE unwrap of a callee taking a lock in another file; one rule for all: what
 * is entered is either known or refuses.
 */
export function enteredFacts(
  reader: EnteringReader,
  value: SyntaxNode,
  at: SyntaxNode,
  projectValue: (value: SyntaxNode) => string | undefined,
): CallFact[] {
  const line = at.startPosition.row + 1;
  const inner = unparenthesized(value);
  const sides = valueSides(inner) ?? [inner];
  return sides.flatMap((side) =>
    enteredValue(reader, unparenthesized(side), at, line, projectValue),
  );
}

/** The expression entered: `(x)` is x, and so is `x as name` (tree-sitter's as_pattern). */
function unparenthesized(value: SyntaxNode): SyntaxNode {
  let node = value;
  while (
    (node.type === "parenthesized_expression" && node.namedChildren.length === 1) ||
    (node.type === "as_pattern" && node.namedChildren.length > 0)
  )
    node = node.namedChildren[0];
  return node;
}

function enteredValue(
  reader: EnteringReader,
  value: SyntaxNode,
  at: SyntaxNode,
  line: number,
  projectValue: (value: SyntaxNode) => string | undefined,
): CallFact[] {
  const literal = getattrLiteral(value);
  if (value.type === "call" && !literal) return enteredCallValue(reader, value, at, line);
  const made = reader.madeBy(value, at);
  if (value.type === "subscript")
    return made ? enteredClass(reader, value, made, line) : [unknownEntered(value, line)];
  const named = value.type === "identifier" || value.type === "attribute";
  // `with _sem:` imported from a project module: what made it there (Y14).
  const imported = made || !named ? undefined : projectValue(value);
  if (imported) return [{ text: value.text, method: "with", reaches: imported, line }];
  if (made) {
    const entered = enteredClass(reader, value, made, line);
    return entered.length > 0
      ? entered
      : [{ text: value.text, method: "with", receiverMadeBy: made, line }];
  }
  // A lock this file does not make (`with models._count_lock:`) is judged by its name.
  if ((named && LOCK_NAME.test(value.text)) || (literal && LOCK_NAME.test(literal.name)))
    return [{ text: value.text, method: "with", line }];
  return [unknownEntered(value, line)];
}

/**
 * `with tenant_lock(t):` of a project function that is no context manager (`@contextmanager`'s
 * body is read as the call it is): what it returns is entered, and unless its class is known,
 * that is a value the check cannot tell. Another call (a library's) is entered as before.
 */
function enteredCallValue(
  reader: EnteringReader,
  value: SyntaxNode,
  at: SyntaxNode,
  line: number,
): CallFact[] {
  const made = reader.madeBy(value, at);
  if (made) return enteredClass(reader, value, made, line);
  const fn = value.childForFieldName("function");
  const fact = fn ? reader.callFact(fn, value) : undefined;
  return fact?.reaches && projectFunction(reader, fact.reaches) === "returns"
    ? [unknownEntered(value, line)]
    : [];
}

/** A value entered whose class the check cannot tell: a lock, perhaps (callHazard). */
function unknownEntered(value: SyntaxNode, line: number): CallFact {
  return { text: value.text.replace(/\s+/g, " "), method: "with", unknownEntered: true, line };
}

/**
 * `with X(...)` or `with locks[key]`, its value made by `made`: a wait when it is a thread
 * primitive (`_key_locks = defaultdict(threading.Lock)`), else a project class's `__enter__`.
 */
function enteredClass(
  reader: CallableReader,
  value: SyntaxNode,
  made: string | undefined,
  line: number,
): CallFact[] {
  if (!made) return [];
  if (THREAD_WAITS_BY_CLASS[made]?.includes("with"))
    return [{ text: value.text, method: "with", receiverMadeBy: made, line }];
  const enter = classMethodKey(reader, made, "__enter__");
  if (!enter) return [];
  // Leaving the block runs `__exit__`, which may take a lock too (hazard-review-9 Z18).
  const exit = classMethodKey(reader, made, "__exit__");
  return [enter, ...(exit ? [exit] : [])].map((reaches) => ({
    text: `${value.text}.${reaches === enter ? "__enter__" : "__exit__"}`,
    reaches,
    line,
  }));
}

/**
 * `x.token` read (not called, not assigned) where `token` is a property of the class of `x`: its
 * getter, as a call of it. Only names some project class has a property of are looked at.
 */
export function propertyRead(
  reader: CallableReader,
  node: SyntaxNode,
  madeBy: (receiver: SyntaxNode) => string | undefined,
): CallFact[] {
  const index = reader.project?.index;
  const name = node.childForFieldName("attribute")?.text;
  const parent = node.parent;
  if (!index || !name || !parent) return [];
  if (parent.type === "call" && parent.childForFieldName("function")?.id === node.id) return [];
  if (
    (parent.type === "assignment" || parent.type === "augmented_assignment") &&
    parent.childForFieldName("left")?.id === node.id
  )
    return [];
  const properties = functionsNamed(index, name).filter(
    (f) => f.className && f.decorators.some((d) => PROPERTY.test(d)),
  );
  if (properties.length === 0) return [];
  const line = node.startPosition.row + 1;
  // `self.token` in the class (or a same-file base): the getter of this file.
  const own = reader.resolve(node, node);
  if (own) return isPropertyDef(own) ? [{ text: node.text, reaches: reader.keyOf(own), line }] : [];
  const object = node.childForFieldName("object");
  // `h.map.closed`: the class `h`'s own class gives its `map` (member-classes.ts, Z18).
  const made = object ? (madeBy(object) ?? memberClass(reader, object, node)) : undefined;
  const getter = made && classMethodKey(reader, made, name);
  // A class of this file: its getter by its decorator (its key is the def's, not the index's).
  const local = made && !made.includes(".") ? moduleClass(reader.file, made) : undefined;
  const def = local && likelyLocalMethod(local, name);
  const isGetter = local
    ? def !== undefined && isPropertyDef(def)
    : properties.some((p) => methodKey(p) === getter);
  return getter && isGetter ? [{ text: node.text, reaches: getter, line }] : [];
}

/** The key of `method` of the class `made` names, when it is the project's (by the index). */
export function classMethodKey(
  reader: CallableReader,
  made: string,
  method: string,
): string | undefined {
  const local = made.includes(".") ? undefined : moduleClass(reader.file, made);
  if (local) {
    const def = likelyLocalMethod(local, method);
    return def ? reader.keyOf(def) : undefined;
  }
  const index = reader.project?.index;
  if (!index) return undefined;
  const className = made.slice(made.lastIndexOf(".") + 1);
  const own = functionsNamed(index, method).filter((f) => f.className === className && !f.nested);
  // A class known by its bare name (a return annotation's, `-> TokenCache`): the index's one.
  if (!made.includes(".")) return own.length === 1 ? methodKey(own[0]) : undefined;
  const absolute = absoluteName(made, reader.file.module, reader.file.path);
  if (!absolute || !projectTopModules(index).has(absolute.split(".")[0])) return undefined;
  return own.length === 1 ? methodKey(own[0]) : `${PROJECT_KEY}${absolute}.${method}`;
}
