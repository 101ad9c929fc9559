import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { CallFact } from "./loop-hazards.js";

/* Shapes of calls and annotations the callee facts read (callees.ts). */

/**
 * `self`, or `cls` in a method decorated `@classmethod` (hazard-review-5 J18: bisheng's
 * `cls.delete_knowledge_file_in_vector`, which was "a value whose class was not found").
 */
export function isSelfOrCls(object: SyntaxNode | null, method: SyntaxNode): boolean {
  if (object?.type !== "identifier") return false;
  if (object.text === "self") return true;
  const decorated = method.parent?.type === "decorated_definition" ? method.parent : undefined;
  return (
    object.text === "cls" &&
    (decorated?.namedChildren.some((d) => d.type === "decorator" && d.text === "@classmethod") ??
      false)
  );
}

/** `Chunker`, `Chunker | None`, `Optional[Chunker]`: the one class an annotation names. */
export function annotatedClass(type: SyntaxNode | null): SyntaxNode | undefined {
  let node: SyntaxNode | null | undefined = type?.type === "type" ? type.namedChildren[0] : type;
  if (node?.type === "binary_operator") {
    const sides = [node.childForFieldName("left"), node.childForFieldName("right")].filter(
      (n) => n && n.type !== "none",
    );
    node = sides.length === 1 ? sides[0] : undefined;
  } else if (
    node?.type === "generic_type" &&
    /(^|\.)Optional$/.test(node.namedChildren[0]?.text ?? "")
  )
    node = node.namedChildren[1]?.namedChildren[0]?.namedChildren[0];
  // `InternalInstructor[Any]`, `Queue[int]`: a generic class's instance (hazard-review-8 V12:
  // its `to_json` "may run" an unrelated class's). Not typing's forms and abstract collections.
  else if (node?.type === "generic_type") {
    const base = node.namedChildren[0];
    const name = base?.text.slice(base.text.lastIndexOf(".") + 1) ?? "";
    node = /^[A-Z]/.test(name) && !TYPING_FORMS.has(name) ? base : undefined;
  }
  return node?.type === "identifier" || node?.type === "attribute" ? node : undefined;
}

/** Generic forms whose subscript says what they hold, not a class of their own: not followed. */
const TYPING_FORMS = new Set(
  (
    "Union Optional Callable Type ClassVar Annotated Literal Final Iterator Iterable Generator " +
    "AsyncIterator AsyncIterable AsyncGenerator Awaitable Coroutine Sequence MutableSequence " +
    "Mapping MutableMapping Set AbstractSet MutableSet FrozenSet Collection Container Dict List " +
    "Tuple DefaultDict OrderedDict Counter ChainMap Deque Generic Protocol TypeGuard TypeIs " +
    "Required NotRequired ReadOnly Unpack ContextManager AsyncContextManager " +
    "AbstractContextManager AbstractAsyncContextManager IO Pattern Match Concatenate"
  ).split(" "),
);

/**
 * `await asyncio.to_thread(Chunker, 256)`, `await loop.run_in_executor(None, Chunker, 256)`: the
 * class whose constructor runs in the thread (its instance is the value), else null.
 */
export function threadRunConstructor(file: FileSemantics, awaited: SyntaxNode): SyntaxNode | null {
  const call = awaited.namedChildren[0];
  const callee = call?.type === "call" ? call.childForFieldName("function") : null;
  if (!callee) return null;
  const args = call!.childForFieldName("arguments")?.namedChildren ?? [];
  if (file.qualifiedName(callee) === "asyncio.to_thread") return args[0] ?? null;
  const executor =
    callee.type === "attribute" &&
    callee.childForFieldName("attribute")?.text === "run_in_executor";
  return executor ? (args[1] ?? null) : null;
}

/**
 * A decorator given a `lock=` (cachetools' `@cached(cache, lock=...)`, `@cachedmethod(...)`)
 * takes that lock at every call of the function: a wait on a threading.Lock.
 */
export function decoratorLocks(def: SyntaxNode): CallFact[] {
  const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  const facts: CallFact[] = [];
  for (const decorator of decorated?.namedChildren.filter((c) => c.type === "decorator") ?? []) {
    const call = decorator.namedChildren.find((c) => c.type === "call");
    const lock = call
      ?.childForFieldName("arguments")
      ?.namedChildren.find(
        (a) => a.type === "keyword_argument" && a.childForFieldName("name")?.text === "lock",
      );
    if (!call || !lock) continue;
    const callee = call.childForFieldName("function")?.text ?? "a decorator";
    facts.push({
      text: `@${callee}(lock=...)`,
      method: "with",
      receiverMadeBy: "threading.Lock",
      line: decorator.startPosition.row + 1,
    });
  }
  return facts;
}

/** Builtin containers by the names annotations give them (`set[str]`, `Dict[str, int]`). */
const CONTAINERS: Record<string, string> = {
  dict: "dict",
  Dict: "dict",
  list: "list",
  List: "list",
  set: "set",
  Set: "set",
  frozenset: "frozenset",
  FrozenSet: "frozenset",
  tuple: "tuple",
  Tuple: "tuple",
};

/** Literals and comprehensions of each builtin container. */
const LITERALS: Record<string, string> = {
  dictionary: "dict",
  dictionary_comprehension: "dict",
  list: "list",
  list_comprehension: "list",
  set: "set",
  set_comprehension: "set",
  tuple: "tuple",
};

/**
 * The builtin container a binding holds: `seen: set[str]`, `self.sizes = {...}`, `names = []`.
 * Its methods (`seen.add`, `sizes.get`) are the builtin's, never a project method of that name
 * (hazard-review-6 V8: `seen.add(text)` "may run ApiKeyCache.add()").
 */
export function builtinContainer(
  file: FileSemantics,
  binding: SyntaxNode | null,
): string | undefined {
  if (binding?.type === "typed_parameter" || binding?.type === "typed_default_parameter")
    return annotatedContainer(binding.childForFieldName("type"));
  if (binding?.type !== "assignment") return undefined;
  const right = binding.childForFieldName("right");
  if (right && Object.hasOwn(LITERALS, right.type)) return LITERALS[right.type];
  // `known: set[str] = set()`: the annotation, or the builtin's own call (hazard-review-8 V12:
  // `known.add(x)` "may run CacheHandler.add()", a lock in an unrelated class).
  const annotated = annotatedContainer(binding.childForFieldName("type"));
  if (!right || annotated) return annotated;
  const fn = right.type === "call" ? right.childForFieldName("function") : null;
  const builtin = fn?.type === "identifier" && file.isBuiltin(fn.text, fn);
  return builtin && Object.hasOwn(CONTAINERS, fn.text) ? CONTAINERS[fn.text] : undefined;
}

/** `default_factory=dict`: the builtin container a field factory makes. */
export function builtinFactory(factory: SyntaxNode | "none"): string | undefined {
  if (factory === "none" || factory.type !== "identifier") return undefined;
  return Object.values(CONTAINERS).includes(factory.text) ? factory.text : undefined;
}

export function annotatedContainer(type: SyntaxNode | null): string | undefined {
  const node = type?.type === "type" ? type.namedChildren[0] : type;
  const base = node?.type === "generic_type" ? node.namedChildren[0] : node;
  const name = base?.text.replace(/^typing\./, "");
  return name && Object.hasOwn(CONTAINERS, name) ? CONTAINERS[name] : undefined;
}

/**
 * The values `a or b`, `a and b` and `x if c else y` may be (parentheses dropped, `None` left
 * out: a method is not called on it): `model or Claude(...)`; undefined for another expression.
 */
export function valueSides(value: SyntaxNode): SyntaxNode[] | undefined {
  const inner = value.type === "parenthesized_expression" ? value.namedChildren[0] : value;
  if (!inner) return undefined;
  const sides =
    inner.type === "boolean_operator"
      ? [inner.childForFieldName("left"), inner.childForFieldName("right")]
      : inner.type === "conditional_expression"
        ? [inner.namedChildren[0], inner.namedChildren[2]]
        : undefined;
  if (!sides) return undefined;
  return sides
    .filter((s): s is SyntaxNode => s !== null && s !== undefined && s.type !== "none")
    .flatMap((s) => valueSides(s) ?? [s]);
}

/** Field makers whose `default_factory` (or attrs' `factory`) makes the attribute's value. */
const FIELD_MAKERS = new Set([
  // `_lock: threading.Lock = PrivateAttr(default_factory=threading.Lock)` (hazard-review-8 Y20).
  "pydantic.PrivateAttr",
  "pydantic.fields.PrivateAttr",
  "dataclasses.field",
  "attr.ib",
  "attr.attrib",
  "attr.field",
  "attrs.field",
  "pydantic.Field",
  "pydantic.fields.Field",
]);

/**
 * `_state_lock: LockType = field(default_factory=threading.Lock)`: the factory, which makes each
 * instance's value (hazard-review-7 Y9, skyvern's profile lock, read as a `dataclasses.field`).
 * `"none"` for a field without one (its annotation says the class); undefined for another value.
 */
export function fieldFactory(
  file: FileSemantics,
  value: SyntaxNode | null,
): SyntaxNode | "none" | undefined {
  const fn = value?.type === "call" ? value.childForFieldName("function") : null;
  const qualified = fn ? file.qualifiedName(fn) : undefined;
  if (!qualified || !FIELD_MAKERS.has(qualified)) return undefined;
  const factory = value!
    .childForFieldName("arguments")
    ?.namedChildren.find(
      (a) =>
        a.type === "keyword_argument" &&
        /^(default_factory|factory)$/.test(a.childForFieldName("name")?.text ?? ""),
    )
    ?.childForFieldName("value");
  return factory?.type === "identifier" || factory?.type === "attribute" ? factory : "none";
}

/**
 * `profile if isinstance(profile, LocalBrowserProfile) else None`: the class the condition
 * proves the value is of (Y9b), when the value is the name the `isinstance` tests.
 */
export function narrowedClass(value: SyntaxNode): SyntaxNode | undefined {
  if (value.type !== "conditional_expression") return undefined;
  const [body, condition] = value.namedChildren;
  const fn = condition?.type === "call" ? condition.childForFieldName("function") : null;
  if (fn?.text !== "isinstance") return undefined;
  const [tested, cls] = (condition!.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  if (!tested || tested.text !== body?.text) return undefined;
  return cls?.type === "identifier" || cls?.type === "attribute" ? cls : undefined;
}

/** `getattr(self, "_lock")`: the object and the literal name, else undefined. */
export function getattrLiteral(
  value: SyntaxNode,
): { object: SyntaxNode; name: string } | undefined {
  const fn = value.type === "call" ? value.childForFieldName("function") : null;
  if (fn?.type !== "identifier" || fn.text !== "getattr") return undefined;
  const [object, name] = (value.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  const literal = name?.type === "string" ? /^["'](\w+)["']$/.exec(name.text)?.[1] : undefined;
  return object && literal ? { object, name: literal } : undefined;
}
