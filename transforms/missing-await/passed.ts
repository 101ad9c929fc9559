import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

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

/** The parameters of a def that an argument may fill, by position and by name. */
function parametersOf(def: SyntaxNode, method: boolean) {
  const positional: (SyntaxNode | undefined)[] = [];
  const named = new Map<string, SyntaxNode>();
  let open = true;
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    if (p.type === "keyword_separator" || p.text.startsWith("*")) {
      open = false;
      continue;
    }
    if (p.type === "positional_separator") continue;
    const name = p.type === "identifier" ? p : (p.childForFieldName("name") ?? p.namedChildren[0]);
    if (name?.type !== "identifier") return undefined;
    if (open) positional.push(p);
    named.set(name.text, p);
  }
  return { positional: method ? positional.slice(1) : positional, named };
}

/**
 * When `arg` (an argument of `call`, or a keyword argument's value) fills a parameter of a def
 * of this file annotated with a value type: `get_instance(user_id: str | None)`.
 */
export function valueParameter(file: FileSemantics, arg: SyntaxNode): string | undefined {
  const keyword = arg.parent?.type === "keyword_argument" ? arg.parent : undefined;
  const item = keyword ?? arg;
  const list = item.parent;
  const call = list?.type === "argument_list" ? list.parent : undefined;
  if (call?.type !== "call") return undefined;
  const receiver = receiverDef(file, call);
  const params = receiver && parametersOf(receiver.def, receiver.method);
  if (!params) return undefined;
  let param: SyntaxNode | undefined;
  if (keyword) param = params.named.get(keyword.childForFieldName("name")?.text ?? "");
  else {
    const before = list!.namedChildren.slice(
      0,
      list!.namedChildren.findIndex((a) => a.id === arg.id),
    );
    // After `*args` (or a keyword) the position is not known.
    const unknown = ["list_splat", "dictionary_splat", "keyword_argument"];
    if (before.some((a) => unknown.includes(a.type))) return undefined;
    param = params.positional[before.length];
  }
  const type = param?.childForFieldName("type");
  if (!param || !type || !valueType(file, type)) return undefined;
  const fn = receiver.def.childForFieldName("name")!.text;
  return `${fn}() as ${param.text.split("=")[0].trim()} (line ${param.startPosition.row + 1})`;
}
