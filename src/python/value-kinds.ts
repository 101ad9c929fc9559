import type { SyntaxNode } from "../model/types.js";
import { importBindingOf, qualifiedName } from "./imports.js";
import { bindingsNamed, enclosingScope, referencesInScope, visibleBindings } from "./scope.js";
import { usedAsMapping, usedAsString } from "./mapping-uses.js";
import { foreignReturnKind, parameterKindAtCallers } from "./foreign-returns.js";
import { importedConstantKind, importedDef } from "./imported-constants.js";
import { isProjectRecord } from "./record-classes.js";
import { isRequestMapping } from "./request-values.js";

export { isKeywordArguments, unknownKindReason } from "./mapping-uses.js";

// Plain values: what a name or expression holds when it is no database object, proven from its
// origin (a literal, `json.loads`, `response.json()`, `time.time()`, an annotation) or from its
// use (`payload.get("path")`: a QuerySet's `get` takes no positional string, a manager has no
// `pop`). Django's kinds (queryset, model instance, model class) are proven in src/django; this
// module knows Python only. Every answer is a proof or undefined, never a guess.

/**
 * `json`: a decoded JSON document or a mapping like one (dict, list, str, number); its items,
 * `.get()` results and loop items are JSON values too, and only the methods those types have
 * run in memory on it (`payload.save()` is not one: a model instance may hide in a dict).
 * `scalar`: a str, number, bool, None or a datetime; every method of it runs in memory.
 */
export type PlainKind = "json" | "scalar";

/** Methods of dict, list and str (what a JSON value can be): none touches a database. */
const JSON_METHODS = new Set([
  "get",
  "pop",
  "setdefault",
  "items",
  "keys",
  "values",
  "copy",
  "update",
  "append",
  "extend",
  "insert",
  "remove",
  "index",
  "count",
  "sort",
  "clear",
  "popitem",
  "strip",
  "lstrip",
  "rstrip",
  "lower",
  "upper",
  "title",
  "split",
  "rsplit",
  "splitlines",
  "join",
  "replace",
  "startswith",
  "endswith",
  "format",
  "encode",
  // bytes read from a plain value (an ASGI scope's headers, orm-review-5 Q6): no ORM object has these.
  "decode",
  "hex",
  "isdigit",
  "isnumeric",
  "casefold",
  "partition",
  "rpartition",
  "zfill",
  "removeprefix",
  "removesuffix",
  "find",
  "rfind",
  "is_integer",
]);

/** Is `method` one that a JSON value (dict, list, str, number) has? */
export function isJsonMethod(method: string): boolean {
  return JSON_METHODS.has(method) || isRecordDump(method);
}

/** A call (by qualified name) that only makes a JSON document or a scalar in memory. */
export function makesPlainValue(qualified: string | undefined): boolean {
  return !!qualified && (JSON_MAKERS.has(qualified) || SCALAR_MAKERS.has(qualified));
}

/** `collections` containers: empty when made with no items, in memory. */
const COLLECTIONS = new Set([
  "collections.defaultdict",
  "collections.Counter",
  "collections.OrderedDict",
  "collections.deque",
]);

/** `list`, `dict`, `set`, `int`: a builtin type passed as a defaultdict's factory. */
function isBuiltinFactory(arg: SyntaxNode): boolean {
  return (
    arg.type === "identifier" &&
    ["list", "dict", "set", "int", "str", "float"].includes(arg.text) &&
    isBuiltinName(arg)
  );
}

/** Calls whose result is a JSON document. */
const JSON_MAKERS = new Set([
  "json.loads",
  "json.load",
  "orjson.loads",
  "ujson.loads",
  // A query string parsed into a dict of lists / a list of pairs (orm-review-5 Q5).
  "urllib.parse.parse_qs",
  "urllib.parse.parse_qsl",
]);

/** Calls whose result is a scalar (number, str, datetime, UUID) held in memory. */
const SCALAR_MAKERS = new Set([
  "time.time",
  "time.monotonic",
  "time.perf_counter",
  "time.time_ns",
  "datetime.datetime.now",
  "datetime.datetime.utcnow",
  "datetime.datetime.today",
  "datetime.datetime.fromisoformat",
  "datetime.datetime.fromtimestamp",
  "datetime.datetime.strptime",
  "datetime.date.today",
  "datetime.date.fromisoformat",
  "datetime.timedelta",
  "django.utils.timezone.now",
  "django.utils.dateparse.parse_datetime",
  "django.utils.dateparse.parse_date",
  "uuid.uuid4",
  "uuid.uuid1",
  "uuid.UUID",
  "decimal.Decimal",
  "json.dumps",
]);

/** Builtins whose result is a scalar whatever their argument (they may evaluate it: callers check). */
const SCALAR_BUILTINS = new Set([
  "int",
  "float",
  "str",
  "bool",
  "len",
  "round",
  "abs",
  "repr",
  "format",
  "hash",
  "ord",
  "chr",
  "isinstance",
]);

/** Builtins that build a container of their argument's items: JSON items stay JSON. */
const CONTAINER_BUILTINS = new Set(["list", "dict", "tuple", "sorted", "reversed", "set"]);

/** Annotation words of a mapping or a JSON document. */
const MAPPING_WORDS = new Set(["dict", "Dict", "Mapping", "MutableMapping", "TypedDict", "Json"]);
/** Annotation words that may wrap a mapping or a scalar and keep it plain. */
const WRAPPER_WORDS = new Set([
  "list",
  "List",
  "Sequence",
  "Iterable",
  "tuple",
  "Tuple",
  "Optional",
  "Union",
  "Any",
  "object",
  "set",
  "Set",
]);
const SCALAR_WORDS = new Set(["str", "int", "float", "bool", "bytes", "None", "complex"]);
/** Base classes and decorators of record classes (TypedDict, dataclass, pydantic, attrs). */
const RECORD_BASES = /^(typing\.|typing_extensions\.)?TypedDict$|(^|\.)BaseModel$|(^|\.)Schema$/;
const RECORD_DECORATORS = /^(dataclasses\.)?dataclass$|^(attr\.|attrs\.)?(s|define|frozen)$/;

/** Limits the walk through bindings: a name's origin is usually a few steps away. */
const MAX_DEPTH = 12;

/** What a plain expression holds, or undefined when its origin and use prove nothing. */
export function plainKindOf(expr: SyntaxNode, depth = 0): PlainKind | undefined {
  if (depth > MAX_DEPTH) return undefined;
  switch (expr.type) {
    case "string":
    case "concatenated_string":
    case "integer":
    case "float":
    case "true":
    case "false":
    case "none":
      return "scalar";
    case "dictionary":
    case "list":
    case "tuple":
    case "set":
      return itemsArePlain(expr, depth) ? "json" : undefined;
    case "list_comprehension":
    case "set_comprehension":
    case "dictionary_comprehension":
    case "generator_expression": {
      const body = expr.childForFieldName("body");
      return body && plainKindOf(body, depth + 1) ? "json" : undefined;
    }
    case "pair":
      return plainKindOf(expr.childForFieldName("value")!, depth + 1);
    case "parenthesized_expression":
      return expr.namedChildren.length === 1
        ? plainKindOf(expr.namedChildren[0], depth + 1)
        : undefined;
    case "boolean_operator":
    case "binary_operator":
      return joined([expr.childForFieldName("left"), expr.childForFieldName("right")], depth);
    case "conditional_expression":
      return joined([expr.namedChildren[0], expr.namedChildren[2]], depth);
    case "unary_operator":
    case "comparison_operator":
    case "not_operator":
      return "scalar";
    case "subscript":
      return itemsKindOf(expr.childForFieldName("value")!, depth + 1);
    case "attribute":
      return recordAttribute(expr, depth);
    case "call":
      return callKind(expr, depth);
    case "identifier":
      return nameKind(expr, depth);
  }
  return undefined;
}

/** Several values one of which the expression is: all plain, JSON if any is. */
function joined(
  parts: (SyntaxNode | null | undefined)[],
  depth: number,
  bareIsNone = false,
): PlainKind | undefined {
  let kind: PlainKind = "scalar";
  for (const part of parts) {
    // A bare `return` gives None.
    const k = part ? plainKindOf(part, depth + 1) : bareIsNone ? "scalar" : undefined;
    if (!k) return undefined;
    if (k === "json") kind = "json";
  }
  return kind;
}

function itemsArePlain(container: SyntaxNode, depth: number): boolean {
  return container.namedChildren.every(
    (item) => item.type === "comment" || !!plainKindOf(item, depth + 1),
  );
}

/** `item.path` of a record (TypedDict, dataclass, pydantic model): a value read from it. */
function recordAttribute(expr: SyntaxNode, depth: number): PlainKind | undefined {
  if (isRequestMapping(expr)) return "json";
  const object = expr.childForFieldName("object")!;
  return plainKindOf(object, depth + 1) === "json" ? "json" : undefined;
}

function callKind(call: SyntaxNode, depth: number): PlainKind | undefined {
  const callee = call.childForFieldName("function");
  if (!callee) return undefined;
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  if (callee.type === "identifier" && isBuiltinName(callee)) {
    if (SCALAR_BUILTINS.has(callee.text)) return "scalar";
    // `set()`, `dict()`, `dict(label="x")` (orm-human-7 K5): built in memory like their literals.
    if (CONTAINER_BUILTINS.has(callee.text)) {
      const keywords = args.filter((a) => a.type === "keyword_argument");
      const positional = args.filter((a) => a.type !== "keyword_argument" && a.type !== "comment");
      const plain = (a: SyntaxNode) => !!plainKindOf(a, depth + 1);
      return positional.length <= 1 &&
        positional.every(plain) &&
        (keywords.length === 0 || callee.text === "dict") &&
        keywords.every((k) => plain(k.childForFieldName("value")!))
        ? "json"
        : undefined;
    }
    if (callee.text === "range") return "scalar";
    if (callee.text === "enumerate" || callee.text === "zip")
      return args.length > 0 && args.every((a) => plainKindOf(a, depth + 1)) ? "json" : undefined;
  }
  if (callee.type === "identifier") {
    const returned = helperReturnKind(callee, depth);
    if (returned) return returned;
  }
  const foreign = foreignReturnKind(call, (a) => plainKindOf(a, depth + 1));
  if (foreign) return foreign;
  const qualified =
    callee.type === "identifier" || callee.type === "attribute" ? qualifiedName(callee) : undefined;
  if (qualified && JSON_MAKERS.has(qualified)) return "json";
  // `defaultdict(list)`, `Counter()`, `deque()`: empty collections (or of plain items).
  if (qualified && COLLECTIONS.has(qualified))
    return args.every((a) => plainKindOf(a, depth + 1) || isBuiltinFactory(a)) ? "json" : undefined;
  if (qualified && SCALAR_MAKERS.has(qualified)) return "scalar";
  if (callee.type !== "attribute") return undefined;
  const receiver = callee.childForFieldName("object")!;
  const method = callee.childForFieldName("attribute")!.text;
  // `response.json()` (requests, httpx, aiohttp's sync twin), a Session's `get_decoded()`: a dict.
  if (/^(json|get_decoded)$/.test(method) && args.length === 0 && !qualified) return "json";
  const kind = plainKindOf(receiver, depth + 1);
  if (kind === "scalar") return "scalar";
  if (kind !== "json" || !(JSON_METHODS.has(method) || isRecordDump(method))) return undefined;
  // `pending.pop()`, `seen.get(k)`: an item, plain only if what was put in is.
  return ITEM_METHODS.has(method) ? itemsKindOf(receiver, depth + 1) : "json";
}

/**
 * `payload = parse(raw)` with `parse` a plain def of this module (undecorated, not async): what
 * every one of its returns gives, proven in its own body (`return json.loads(raw)["data"]`).
 */
function helperReturnKind(callee: SyntaxNode, depth: number): PlainKind | undefined {
  const imported = importBindingOf(callee.text, callee);
  const bound = imported ? [] : bindingsNamed(callee.tree.rootNode, callee.text);
  // orm-human-7 K2: a def of another project module (`from app.answers import strip_marker`).
  const def = imported
    ? importedDef(callee, imported.qualified)
    : bound.length === 1
      ? bound[0].node.parent
      : undefined;
  if (def?.type !== "function_definition" || def.parent?.type !== "module") return undefined;
  if (def.children.some((c) => c.type === "async")) return undefined;
  const returns = def
    .descendantsOfType("return_statement")
    .filter((r) => enclosingFunctionOf(r)?.id === def.id);
  if (def.descendantsOfType("yield").length > 0) return undefined;
  return joined(
    returns.map((r) => r.namedChildren[0] ?? null),
    depth + 1,
    true,
  );
}

/** The def or lambda a node is in. */
function enclosingFunctionOf(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent)
    if (n.type === "function_definition" || n.type === "lambda") return n;
  return undefined;
}

/** A pydantic model's or a dataclass's dump: a dict of its fields. */
function isRecordDump(method: string): boolean {
  return ["model_dump", "dict", "model_dump_json", "json", "to_dict", "asdict"].includes(method);
}

function isBuiltinName(identifier: SyntaxNode): boolean {
  if (importBindingOf(identifier.text, identifier)) return false;
  for (let scope = enclosingScope(identifier); ; scope = enclosingScope(scope)) {
    if (bindingsNamed(scope, identifier.text).length > 0) return false;
    if (scope.type === "module") return true;
  }
}

/** A name is plain when every binding of it in its scope binds a plain value. */
function nameKind(identifier: SyntaxNode, depth: number): PlainKind | undefined {
  const { scope, bound } = visibleBindings(identifier, identifier.text);
  if (bound.length === 0) return undefined;
  if (bound.every((b) => b.kind === "import"))
    return importedConstantKind(identifier, (v) => plainKindOf(v, depth + 1));
  let kind: PlainKind = "scalar";
  for (const b of bound) {
    // `deal_id = (deal_id or "").strip()`: the read in its own right side sees the others.
    if (bound.length > 1 && isOwnRightSide(b.node, identifier)) continue;
    const k = bindingKind(b.node, scope, depth);
    if (!k) return undefined;
    if (k === "json") kind = "json";
  }
  return kind;
}

/** Is `use` in the right side of the assignment binding `name`, outside any loop? */
function isOwnRightSide(name: SyntaxNode, use: SyntaxNode): boolean {
  const assignment = name.parent;
  const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
  if (assignment?.childForFieldName("left")?.id !== name.id || !right) return false;
  if (use.startIndex < right.startIndex || use.endIndex > right.endIndex) return false;
  for (let n = assignment.parent; n && n.type !== "function_definition"; n = n.parent)
    if (n.type === "for_statement" || n.type === "while_statement") return false;
  return true;
}

/**
 * What the items of a container hold (its subscripts, `.get()`/`.pop()` results, loop items):
 * its own kind, unless it is a name something not plain is put into after it is bound.
 */
export function itemsKindOf(container: SyntaxNode, depth = 0): PlainKind | undefined {
  const kind = plainKindOf(container, depth);
  if (kind !== "json" || container.type !== "identifier") return kind;
  const { scope, bound } = visibleBindings(container, container.text);
  return bound.length > 0 && itemsAddedArePlain(scope, container.text, depth) ? kind : undefined;
}

/** Methods of dict and list whose result is (or holds) the container's items. */
const ITEM_METHODS = new Set(["get", "pop", "setdefault", "popitem", "values", "items", "copy"]);

/** Methods of list, dict and set that put their arguments into the container. */
const ADDING_METHODS = new Set(["append", "extend", "insert", "add", "update", "setdefault"]);

/**
 * `pending = []` is plain only while what is put in it is: `pending.append(Order.objects.get(...))`
 * or `pending[k] = order` makes its items model instances (`pending.pop().delete()` queries).
 */
function itemsAddedArePlain(scope: SyntaxNode, name: string, depth: number): boolean {
  for (const use of referencesInScope(scope, name)) {
    const parent = use.parent;
    if (parent?.type === "attribute" && parent.childForFieldName("object")?.id === use.id) {
      const method = parent.childForFieldName("attribute")!.text;
      const call = parent.parent;
      if (!ADDING_METHODS.has(method) || call?.type !== "call") continue;
      const args = call.childForFieldName("arguments")?.namedChildren ?? [];
      if (!args.every((a) => a.type === "comment" || plainKindOf(valueOf(a), depth + 1)))
        return false;
    }
    if (parent?.type === "subscript" && parent.childForFieldName("value")?.id === use.id) {
      const assignment = parent.parent;
      const right =
        assignment?.type === "assignment" && assignment.childForFieldName("left")?.id === parent.id
          ? assignment.childForFieldName("right")
          : undefined;
      if (right && !plainKindOf(right, depth + 1)) return false;
    }
  }
  return true;
}

/** The value of an argument: `v` of `k=v`, of `*v` or `**v`. */
function valueOf(argument: SyntaxNode): SyntaxNode {
  if (argument.type === "keyword_argument") return argument.childForFieldName("value")!;
  if (argument.type === "list_splat" || argument.type === "dictionary_splat")
    return argument.namedChildren[0] ?? argument;
  return argument;
}

/** What one binding of a name binds. */
function bindingKind(name: SyntaxNode, scope: SyntaxNode, depth: number): PlainKind | undefined {
  const parent = name.parent;
  if (!parent) return undefined;
  switch (parent.type) {
    case "assignment":
    case "named_expression": {
      const left = parent.childForFieldName(parent.type === "assignment" ? "left" : "name");
      const right = parent.childForFieldName(parent.type === "assignment" ? "right" : "value");
      if (!right || left?.id !== name.id) return undefined;
      const type = parent.childForFieldName("type");
      return (type && annotationKind(type)) ?? plainKindOf(right, depth + 1);
    }
    case "augmented_assignment": {
      const right = parent.childForFieldName("right");
      return right ? plainKindOf(right, depth + 1) : undefined;
    }
    case "typed_parameter":
    case "typed_default_parameter": {
      const type = parent.childForFieldName("type");
      return type ? annotationKind(type) : undefined;
    }
    case "parameters":
    case "default_parameter":
    case "lambda_parameters":
      return parent.type === "lambda_parameters"
        ? undefined
        : (usedAsMapping(name, scope) ?? usedAsString(name, scope) ?? parameterKindAtCallers(name));
  }
  return loopTargetKind(name, scope, depth);
}

/**
 * A loop's item (`for file_data in payload["files"]`, tuple targets too): a JSON value when the
 * loop runs over one; a name with no proven origin is still one when its uses show a mapping.
 */
function loopTargetKind(name: SyntaxNode, scope: SyntaxNode, depth: number): PlainKind | undefined {
  let loop: SyntaxNode | null = name.parent;
  while (loop && (loop.type === "pattern_list" || loop.type === "tuple_pattern"))
    loop = loop.parent;
  if (loop?.type !== "for_statement" && loop?.type !== "for_in_clause") return undefined;
  const left = loop.childForFieldName("left");
  if (!left || left.startIndex > name.startIndex || name.endIndex > left.endIndex) return undefined;
  const iterable = loop.childForFieldName("right");
  const kind = iterable ? itemsKindOf(iterable, depth + 1) : undefined;
  if (kind) return kind === "scalar" ? "scalar" : "json";
  return left.id === name.id ? usedAsMapping(name, scope) : undefined;
}

/** What an annotation says: a mapping or JSON shape, a scalar, a record class, or nothing. */
export function annotationKind(type: SyntaxNode): PlainKind | undefined {
  const text = withoutTypingPrefixes(type.text.replace(/^(['"])(.*)\1$/s, "$2"), type);
  if (!/^[\w\s[\],|.]+$/.test(text)) return undefined;
  const words = [...text.matchAll(/[A-Za-z_][\w.]*/g)].map((m) => m[0]);
  if (words.length === 0) return undefined;
  if (words.every((w) => SCALAR_WORDS.has(w))) return "scalar";
  if (isContainerOfScalars(text, words)) return "scalar";
  const known = words.every(
    (w) => MAPPING_WORDS.has(w) || WRAPPER_WORDS.has(w) || SCALAR_WORDS.has(w),
  );
  if (known && words.some((w) => MAPPING_WORDS.has(w))) return "json";
  // `payload: PullRequestPayload`, a TypedDict, dataclass or pydantic model of this file.
  const records = words.filter((w) => !WRAPPER_WORDS.has(w) && !SCALAR_WORDS.has(w));
  const rest = words.filter((w) => !records.includes(w));
  if (
    records.length > 0 &&
    rest.every((w) => WRAPPER_WORDS.has(w) || SCALAR_WORDS.has(w) || MAPPING_WORDS.has(w)) &&
    records.every(
      (w) => isRecordClass(w, type) || isLibraryRecord(w, type) || isProjectRecord(w, type),
    )
  )
    return "json";
  return undefined;
}

/** Modules whose names an annotation spells with a prefix (`typing.Optional`, `t.Optional`). */
const TYPING_MODULES = new Set(["typing", "typing_extensions", "collections.abc"]);

/** The annotation with `typing.` and its aliases' prefixes (`import typing as t`) taken off. */
function withoutTypingPrefixes(text: string, at: SyntaxNode): string {
  return text.replace(/\b([A-Za-z_]\w*(?:\s*\.\s*abc)?)\s*\.\s*(?=[A-Za-z_])/g, (prefix, head) => {
    const name = head.replace(/\s+/g, "");
    if (TYPING_MODULES.has(name)) return "";
    const binding = name.includes(".") ? undefined : importBindingOf(name, at);
    return binding && TYPING_MODULES.has(binding.qualified) ? "" : prefix;
  });
}

/** Builtin and typing containers: parameterised with scalars only, they hold nothing else. */
const CONTAINER_WORDS = new Set([
  "list",
  "dict",
  "set",
  "frozenset",
  "tuple",
  "List",
  "Dict",
  "Set",
  "FrozenSet",
  "Tuple",
  "Optional",
  "Union",
  "Sequence",
  "Iterable",
  "Mapping",
]);

/**
 * `list[str]`, `dict[str, int] | None`, `Optional[Tuple[int, ...]]`: containers, each written
 * with its item types, of scalars only. Every method of one is a builtin container's and its
 * items are scalars: held in memory (a scalar kind). A bare `list` or `dict` may hold anything:
 * a bare `dict` is a mapping (JSON kind, whose own methods only are known), a bare `list` nothing.
 */
function isContainerOfScalars(text: string, words: string[]): boolean {
  const parameterised = new Set([...text.matchAll(/([A-Za-z_][\w.]*)\s*\[/g)].map((m) => m[1]));
  return (
    words.some((w) => SCALAR_WORDS.has(w)) &&
    words.every((w) => SCALAR_WORDS.has(w) || (CONTAINER_WORDS.has(w) && parameterised.has(w)))
  );
}

/**
 * Library record classes used as annotations (orm-review-3 N17: `schema: PydanticModel` after
 * `from pydantic import BaseModel as PydanticModel`): a pydantic model holds its fields in memory.
 */
const LIBRARY_RECORDS = new Set([
  "pydantic.BaseModel",
  "pydantic.main.BaseModel",
  "pydantic.v1.BaseModel",
  "ninja.Schema",
  "ninja.schema.Schema",
  "ninja.ModelSchema",
  "ninja.orm.ModelSchema",
]);

/** An annotation word naming an imported library record class (`PydanticModel`, `pydantic.BaseModel`). */
function isLibraryRecord(word: string, at: SyntaxNode): boolean {
  const [head, ...rest] = word.split(".");
  const binding = importBindingOf(head, at);
  return !!binding && LIBRARY_RECORDS.has([binding.qualified, ...rest].join("."));
}

/** A class of this file that is a TypedDict, a dataclass, a pydantic model or an attrs class. */
function isRecordClass(name: string, at: SyntaxNode): boolean {
  const module = at.tree.rootNode;
  const bound = bindingsNamed(module, name);
  if (bound.length !== 1) return false;
  const cls = bound[0].node.parent;
  if (cls?.type !== "class_definition") return false;
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  if (bases.some((b) => RECORD_BASES.test(qualifiedName(b) ?? b.text))) return true;
  const decorated = cls.parent?.type === "decorated_definition" ? cls.parent : undefined;
  return (
    !!decorated &&
    decorated.namedChildren
      .filter((d) => d.type === "decorator")
      .some((d) => {
        const expr = d.namedChildren[0];
        const callee = expr?.type === "call" ? expr.childForFieldName("function") : expr;
        return !!callee && RECORD_DECORATORS.test(qualifiedName(callee) ?? callee.text);
      })
  );
}
