import { importedCalleeName } from "../../src/python/relative-imports.js";
import { surveyedPlan } from "../../src/model/plans.js";
import type { Context, FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * A coroutine passed where the receiving parameter is annotated with a plain value type
 * (OpenHands #8936: `user_id = get_user_id(request)` then `get_instance(config, user_id)`, whose
 * `user_id: str | None` gets a coroutine object). Only a receiver this file defines is read
 * (a module-level def, or a method of the enclosing class called on `self`), and only an
 * annotation that no awaitable can satisfy: an unannotated parameter, `Any`, `object`, a type
 * variable, `Awaitable`, a Protocol or a class of another module may all take the coroutine
 * (`run_later(job)`, `with_timeout(job: Awaitable[str])`), so they are left alone.
 */

/** Builtin types a coroutine object is never an instance of. */
const VALUE_BUILTINS = new Set([
  "str",
  "int",
  "float",
  "bool",
  "bytes",
  "bytearray",
  "complex",
  "dict",
  "list",
  "tuple",
  "set",
  "frozenset",
]);

/** Qualified names of value types and containers, none of which a coroutine object is. */
const VALUE_CLASSES = new Set([
  "typing.List",
  "typing.Dict",
  "typing.Tuple",
  "typing.Set",
  "typing.FrozenSet",
  "typing.Sequence",
  "typing.Mapping",
  "typing.MutableMapping",
  "typing.MutableSequence",
  "collections.abc.Sequence",
  "collections.abc.Mapping",
  "uuid.UUID",
  "datetime.datetime",
  "datetime.date",
  "datetime.timedelta",
  "decimal.Decimal",
  "pathlib.Path",
]);

const UNIONS = new Set(["typing.Optional", "typing.Union"]);

/** Is an annotation a type no coroutine object is (`str | None`, `Optional[dict[str, int]]`)? */
function valueType(file: FileSemantics, node: SyntaxNode): boolean {
  switch (node.type) {
    case "type":
      return node.namedChildren.length === 1 && valueType(file, node.namedChildren[0]);
    case "none":
      return true;
    case "binary_operator": {
      const left = node.childForFieldName("left");
      const right = node.childForFieldName("right");
      return (
        node.childForFieldName("operator")?.text === "|" &&
        !!left &&
        !!right &&
        valueType(file, left) &&
        valueType(file, right)
      );
    }
    case "identifier":
      return (
        (VALUE_BUILTINS.has(node.text) && file.isBuiltin(node.text, node)) ||
        VALUE_CLASSES.has(file.qualifiedName(node) ?? "")
      );
    case "attribute":
      return VALUE_CLASSES.has(file.qualifiedName(node) ?? "");
    case "generic_type":
    case "subscript": {
      // `Optional[str]` is a generic_type (identifier, type_parameter) in an annotation, a
      // subscript (value, subscript...) in a string or alias.
      const head = node.childForFieldName("value") ?? node.namedChildren[0];
      if (!head) return false;
      if (UNIONS.has(file.qualifiedName(head) ?? "")) {
        const members =
          node.type === "subscript"
            ? node.childrenForFieldName("subscript")
            : (node.namedChildren[1]?.namedChildren ?? []);
        return members.length > 0 && members.every((m) => valueType(file, m));
      }
      return valueType(file, head);
    }
    default:
      return false;
  }
}

/** The def a call reaches in this file: `lookup(...)` of the module, `self.render(...)`. */
function receiverDef(
  file: FileSemantics,
  call: SyntaxNode,
): { def: SyntaxNode; method: boolean } | undefined {
  const callee = call.childForFieldName("function");
  if (callee?.type === "identifier") {
    // The one binding the name has where it is called: a def of the module, never rebound.
    const bindings = file.visibleBindings(callee, callee.text);
    const def = bindings.length === 1 ? bindings[0].node.parent : undefined;
    return def?.type === "function_definition" && def.parent?.id === file.root.id
      ? { def, method: false }
      : undefined;
  }
  const object = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  if (object?.type !== "identifier" || object.text !== "self") return undefined;
  const within = file.enclosingFunction(call);
  const cls = within?.parent?.parent;
  if (cls?.type !== "class_definition") return undefined;
  const name = callee!.childForFieldName("attribute")!.text;
  const defs = (cls.childForFieldName("body")?.namedChildren ?? [])
    .map((s) => (s.type === "decorated_definition" ? s.childForFieldName("definition") : s))
    .filter((d) => d?.type === "function_definition" && d.childForFieldName("name")?.text === name);
  // A decorated method (a property, a staticmethod) may not take `self` first: not read.
  const def = defs.length === 1 ? defs[0]! : undefined;
  return def && def.parent?.type !== "decorated_definition" ? { def, method: true } : undefined;
}

/**
 * A parameter of a def annotated with a value type: its name, its place among the positional
 * parameters (-1 when keyword-only), its text and where it is (`line 24`, `app/store.py:24`).
 */
export interface ValueParameter {
  name: string;
  position: number;
  text: string;
  at: string;
}

/**
 * The value-typed parameters of a def (`self` not counted for a method), or undefined when a
 * parameter's shape is not read. `at` says where a line is, in this file or another.
 */
export function valueParameters(
  file: FileSemantics,
  def: SyntaxNode,
  method: boolean,
  at: (line: number) => string,
): ValueParameter[] | undefined {
  const found: ValueParameter[] = [];
  let position = method ? -1 : 0;
  let open = true;
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    if (p.type === "keyword_separator" || p.text.startsWith("*")) {
      open = false;
      continue;
    }
    if (p.type === "positional_separator") continue;
    const name = p.type === "identifier" ? p : (p.childForFieldName("name") ?? p.namedChildren[0]);
    if (name?.type !== "identifier") return undefined;
    const type = p.childForFieldName("type");
    const read = type && valueType(file, type) ? undefined : attributesRead(file, def, p, name);
    if (((type && valueType(file, type)) || read) && (!method || position >= 0))
      found.push({
        name: name.text,
        position: open ? position : -1,
        text: read ? `${name.text}, whose .${read} it reads` : p.text.split("=")[0].trim(),
        at: at(p.startPosition.row + 1),
      });
    if (open) position++;
  }
  return found;
}

/** Annotations a coroutine object may satisfy: its attributes may be read on purpose. */
const AWAITABLE_WORDS = /\b(?:Awaitable|Coroutine|Future|Task|Any|object|Callable)\b/;

/**
 * `async def _get_closest_match(node, vector_engine, ...)` whose body only reads attributes of
 * the parameter (`await vector_engine.embed_data(node)`): the first attribute read, when every
 * read of the parameter is one and the def never binds it again (hazard-review-5 J12, cognee's
 * `vector_engine = get_vector_engine()` passed on unawaited). A coroutine object has none of them:
 * the call raises AttributeError. A coroutine's own attributes (`close`, `cr_frame`, dunders)
 * are a use of the coroutine, not of a result.
 */
function attributesRead(
  file: FileSemantics,
  def: SyntaxNode,
  parameter: SyntaxNode,
  name: SyntaxNode,
): string | undefined {
  const type = parameter.childForFieldName("type");
  if (type && AWAITABLE_WORDS.test(type.text)) return undefined;
  if (parameter.type.includes("splat") || file.bindingsNamed(def, name.text).length !== 1)
    return undefined;
  const reads = file.referencesInScope(def, name.text).map((reference) => {
    const parent = reference.parent;
    const attribute =
      parent?.type === "attribute" && parent.childForFieldName("object")?.id === reference.id
        ? parent.childForFieldName("attribute")!.text
        : undefined;
    return attribute && !attribute.startsWith("__") && !COROUTINE_ATTRIBUTES.has(attribute)
      ? attribute
      : undefined;
  });
  return reads.length > 0 && reads.every(Boolean) ? reads[0] : undefined;
}

/** What a coroutine object has itself: a use of these is a use of the coroutine. */
export const COROUTINE_ATTRIBUTES = new Set([
  "close",
  "send",
  "throw",
  "cr_await",
  "cr_code",
  "cr_frame",
  "cr_origin",
  "cr_running",
  "cr_suspended",
  "__await__",
  // An async generator's own: a name bound to one is used as what it is.
  "asend",
  "athrow",
  "aclose",
  "ag_await",
  "ag_code",
  "ag_frame",
  "ag_running",
  "__aiter__",
  "__anext__",
]);

/** Where `arg` stands in its call: its position (before any `*x` or keyword), or its keyword. */
function placeOf(
  arg: SyntaxNode,
): { call: SyntaxNode; position?: number; keyword?: string } | undefined {
  const keyword = arg.parent?.type === "keyword_argument" ? arg.parent : undefined;
  const list = (keyword ?? arg).parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call") return undefined;
  if (keyword) return { call, keyword: keyword.childForFieldName("name")?.text ?? "" };
  const before = list!.namedChildren.slice(
    0,
    list!.namedChildren.findIndex((a) => a.id === arg.id),
  );
  // After `*args` (or a keyword) the position is not known.
  const unknown = ["list_splat", "dictionary_splat", "keyword_argument"];
  if (before.some((a) => unknown.includes(a.type))) return { call };
  return { call, position: before.length };
}

/**
 * When `arg` (an argument of a call, or a keyword argument's value) fills a parameter annotated
 * with a value type: of a def of this file (`get_instance(user_id: str | None)`), or, with the
 * survey's plan (`ctx`), of a module-level def of another module of the project.
 */
export function valueParameter(
  file: FileSemantics,
  arg: SyntaxNode,
  ctx?: Context,
): string | undefined {
  const place = placeOf(arg);
  if (!place) return undefined;
  const receiver = receiverDef(file, place.call);
  const callee = place.call.childForFieldName("function")!;
  const params = receiver
    ? valueParameters(file, receiver.def, receiver.method, (line) => `line ${line}`)
    : ctx && surveyedValueParameters(ctx, file, callee);
  const param = params?.find((p) =>
    place.keyword !== undefined ? p.name === place.keyword : p.position === place.position,
  );
  if (!param || (place.keyword === undefined && place.position === undefined)) return undefined;
  const fn = receiver ? receiver.def.childForFieldName("name")!.text : callee.text;
  return `${fn}() as ${param.text} (${param.at})`;
}

/** The key the survey asks a callee's value parameters by: `val:py:app.store.get_instance`. */
export function valueAsk(file: FileSemantics, callee: SyntaxNode): string | undefined {
  const name = importedCalleeName(file, callee);
  return name ? `val:py:${name}` : undefined;
}

/** What missing-await's survey (typed.ts, `val:` asks) read of another module's def. */
function surveyedValueParameters(
  ctx: Context,
  file: FileSemantics,
  callee: SyntaxNode,
): ValueParameter[] | undefined {
  const ask = valueAsk(file, callee);
  const found =
    ask && surveyedPlan<{ hits: Record<string, string> }>(ctx, "missing-await")?.hits[ask];
  return found ? (JSON.parse(found) as ValueParameter[]) : undefined;
}

/**
 * The calls of imported project functions that are handed an unawaited call, directly
 * (`audit(actor=get_user_id(request))`) or through a name bound to one in the function
 * (`user_id = get_user_id(request)` then `get_instance(config, user_id)`): each as the callee's
 * ask and the handed call's callee, for the survey to ask only when that one is a coroutine.
 */
export function handedCalls(file: FileSemantics): { ask: string; handed: SyntaxNode }[] {
  const out: { ask: string; handed: SyntaxNode }[] = [];
  for (const call of file.root.descendantsOfType("call")) {
    const fn = file.enclosingFunction(call);
    if (!fn || !/^async\b/.test(fn.text)) continue;
    const ask = valueAsk(file, call.childForFieldName("function")!);
    if (!ask) continue;
    for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
      const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
      const handed = value ? handedCall(file, fn, value) : undefined;
      if (handed) out.push({ ask, handed });
    }
  }
  return out;
}

/** `get_user_id(request)`, or the one call a name of the function is bound to. */
function handedCall(
  file: FileSemantics,
  fn: SyntaxNode,
  value: SyntaxNode,
): SyntaxNode | undefined {
  if (value.type === "call") return value.childForFieldName("function") ?? undefined;
  if (value.type !== "identifier") return undefined;
  const bindings = file.bindingsNamed(fn, value.text);
  const assignment = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
  return right?.type === "call" ? (right.childForFieldName("function") ?? undefined) : undefined;
}
