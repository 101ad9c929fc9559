import { absoluteName } from "../../src/python/relative-imports.js";
import { likelyLocalMethod } from "../../src/python/mro.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { THREAD_WAITS_BY_CLASS } from "../../src/python/thread-waits.js";
import { methodKey } from "./alternatives.js";
import { isPropertyDef } from "./property-reads.js";
import { moduleClass } from "./receivers.js";
import { PROJECT_KEY, type CallFact } from "./loop-hazards.js";
import type { CallableReader } from "./returned-callables.js";

/*
 * Project code that runs without a call written: `with Guard():` runs `Guard.__enter__`, which
 * may acquire a lock; `get_cache().token` runs a `@property` getter, which may enter one
 * (hazard-review-7 Y14: both unwrapped in the SAFE run). Read like calls.
 */

/** A property's decorators as the index keeps them (without `@`). */
const PROPERTY = /(^|\.)(property|cached_property)$/;

/**
 * `with Guard():` runs `Guard.__enter__` (a project class's, read), `with _key_locks[key]:` enters
 * the lock (hazard-review-7 Y13, Y14). A name or an attribute is the caller's own case.
 */
export function enteredCall(
  reader: CallableReader,
  item: SyntaxNode,
  madeBy: (value: SyntaxNode) => string | undefined,
): CallFact[] {
  const value = item.childForFieldName("value");
  if (value?.type !== "call" && value?.type !== "subscript") return [];
  return enteredClass(reader, value, madeBy(value), item.startPosition.row + 1);
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
  return enter ? [{ text: `${value.text}.__enter__`, reaches: enter, line }] : [];
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
  const made = object ? madeBy(object) : undefined;
  const getter = made && classMethodKey(reader, made, name);
  return getter && properties.some((p) => methodKey(p) === getter)
    ? [{ text: node.text, reaches: getter, line }]
    : [];
}

/** The key of `method` of the class `made` names, when it is the project's (by the index). */
function classMethodKey(reader: CallableReader, made: string, method: string): string | undefined {
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
