import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { definitionNamed } from "../../src/python/shapes.js";
import { classOfMethod } from "./class-attributes.js";

/** Annotations that name no class: a value so typed is of unknown class. */
export const ANY_CLASS = new Set(["typing.Any", "typing_extensions.Any", "object", "Any"]);

/** Builtin containers' classes: their methods neither lock nor wait. */
export const BUILTIN_CLASSES = new Set(["dict", "list", "set", "frozenset", "tuple", "str"]);

/*
 * What class a receiver's value has, where the file says it without a constructor call: a
 * module-level class of this file named by an annotation (`manager: ReplayManager`,
 * hazard-review-4 K1: frigate's DebugReplayManager.stop, whose lock was never read), and the
 * element of an annotated container (`self._backends: dict[str, Backend]`, then
 * `self._backends[mount].write(...)`: K2, SurfSense's multi-root backend).
 */

/** A module-level class of the file named `name`, through decorators. */
export function moduleClass(file: FileSemantics, name: string): SyntaxNode | undefined {
  return definitionNamed(file.root, "class_definition", name);
}

/**
 * The class an annotation's name stands for: its qualified name through the imports
 * (`app.local.Backend`), or the bare name of a module-level class of this file (`ReplayManager`:
 * a name without a dot is never an import's).
 */
export function classNamed(file: FileSemantics, node: SyntaxNode): string | undefined {
  const qualified = file.qualifiedName(node);
  if (qualified) return qualified;
  return node.type === "identifier" && moduleClass(file, node.text) ? node.text : undefined;
}

/**
 * `"LLM"`, `"Optional[LLM]"`-free forward references: the class a quoted annotation names, through
 * the imports (often under `if TYPE_CHECKING:`) or a module-level class of this file.
 */
export function quotedClass(file: FileSemantics, type: SyntaxNode | null): string | undefined {
  const node = type?.type === "type" ? type.namedChildren[0] : type;
  const name =
    node?.type === "string" ? /^["']([A-Za-z_][\w.]*)["']$/.exec(node.text)?.[1] : undefined;
  if (!name) return undefined;
  const [first, ...rest] = name.split(".");
  const imported = file.importBindingOf(first, node!);
  if (imported) return [imported.qualified, ...rest].join(".");
  return rest.length === 0 && moduleClass(file, first) ? first : undefined;
}

/** Generic containers whose subscript gives an element of their last type parameter. */
const CONTAINER =
  /^(typing\.|collections\.(abc\.)?)?(dict|Dict|Mapping|MutableMapping|OrderedDict|DefaultDict|defaultdict|list|List|Sequence|MutableSequence|Deque|deque)$/;

/** `dict[str, Backend]`, `List[Backend]`, `Mapping[str, Backend] | None`: the element's class name node. */
export function elementAnnotation(type: SyntaxNode | null | undefined): SyntaxNode | undefined {
  let node = type?.type === "type" ? type.namedChildren[0] : type;
  if (node?.type === "binary_operator") {
    const sides = [node.childForFieldName("left"), node.childForFieldName("right")].filter(
      (n) => n && n.text !== "None",
    );
    node = sides.length === 1 ? sides[0]?.namedChildren[0] : undefined;
  }
  if (node?.type !== "generic_type") return undefined;
  const [container, parameters] = node.namedChildren;
  if (!container || !CONTAINER.test(container.text) || parameters?.type !== "type_parameter")
    return undefined;
  const element = parameters.namedChildren.at(-1)?.namedChildren[0];
  return element?.type === "identifier" || element?.type === "attribute" ? element : undefined;
}

/**
 * The annotation of `self.<name>` in `cls`: `self._backends: dict[str, Backend] = {}` in a method,
 * or `_backends: dict[str, Backend]` in the class body. Undefined when none or they differ.
 */
export function selfAttributeType(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  const found = new Map<string, SyntaxNode>();
  for (const assignment of cls.descendantsOfType("assignment")) {
    const type = assignment.childForFieldName("type");
    const left = assignment.childForFieldName("left")?.text;
    const inBody = assignment.parent?.parent?.parent?.id === cls.id;
    if (type && (left === `self.${name}` || (inBody && left === name))) found.set(type.text, type);
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** The annotation of a local name or parameter `name` bound in `scope` (all bindings agreeing). */
export function nameType(
  file: FileSemantics,
  scope: SyntaxNode,
  name: string,
): SyntaxNode | undefined {
  const found = new Map<string, SyntaxNode>();
  for (const binding of file.bindingsNamed(scope, name)) {
    const node = binding.node.parent;
    const type =
      node?.type === "typed_parameter" ||
      node?.type === "typed_default_parameter" ||
      node?.type === "assignment"
        ? node.childForFieldName("type")
        : null;
    if (!type) return undefined;
    found.set(type.text, type);
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** `self._backends[mount]`, `self._list[0][1]`: a subscript of an attribute of self. */
export function isSelfElement(node: SyntaxNode): boolean {
  let n: SyntaxNode | null = node;
  if (n.type !== "subscript") return false;
  while (n?.type === "subscript") n = n.childForFieldName("value");
  return n?.type === "attribute" && n.childForFieldName("object")?.text === "self";
}

/**
 * The class of the elements of the container `container` is, in `def`, by its annotation:
 * `self._backends: dict[str, Backend]`, a parameter `backends: list[Backend]`.
 */
export function elementOf(
  file: FileSemantics,
  container: SyntaxNode | null,
  def: SyntaxNode | undefined,
): string | undefined {
  let type: SyntaxNode | undefined;
  if (container?.type === "identifier") {
    for (const scope of def ? [def, file.root] : [file.root]) {
      if (file.bindingsNamed(scope, container.text).length === 0) continue;
      type = nameType(file, scope, container.text);
      break;
    }
  } else if (container?.type === "attribute") {
    const cls = def && classOfMethod(def);
    if (cls && container.childForFieldName("object")?.text === "self")
      type = selfAttributeType(cls, container.childForFieldName("attribute")!.text);
  }
  const element = elementAnnotation(type);
  return element ? classNamed(file, element) : undefined;
}

/** The def enclosing `node`, if any. */
export function enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
  let n = node.parent;
  while (n && n.type !== "function_definition") n = n.parent;
  return n ?? undefined;
}

/**
 * The def whose `self` a node reads: the method, through the closures nested in it that do not
 * bind `self` themselves (crewAI's `run_crew()` in `kickoff_async`, whose `self.kickoff` was
 * taken for a method of a value of unknown class: hazard-review-8 V12).
 */
export function selfScopeDef(node: SyntaxNode): SyntaxNode | undefined {
  const inner = enclosingDef(node);
  for (let def = inner; def; def = enclosingDef(def)) {
    if (classOfMethod(def)) return def;
    const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
    const names = parameters.map((p) => (p.type === "identifier" ? p : p.namedChildren[0])?.text);
    if (names.includes("self") || names.includes("cls")) return inner;
  }
  return inner;
}

/**
 * `info["lock"]` with `info` a `_LockInfo`, a TypedDict of this file declaring `lock:
 * threading.Lock`: the key's declared class (hazard-review-7 Y10, prefect's in-memory locks,
 * whose `acquire` was unwrapped as a method of a value of no known class).
 */
export function typedDictField(
  file: FileSemantics,
  className: string | undefined,
  key: SyntaxNode | null,
): string | undefined {
  const cls = className && !className.includes(".") ? moduleClass(file, className) : undefined;
  const name = key?.type === "string" ? /^["'](\w+)["']$/.exec(key.text)?.[1] : undefined;
  const bases = cls?.childForFieldName("superclasses")?.namedChildren ?? [];
  if (!cls || !name || !bases.some((b) => /(^|\.)TypedDict$/.test(file.qualifiedName(b) ?? "")))
    return undefined;
  const field = (cls.childForFieldName("body")?.namedChildren ?? [])
    .map((s) => (s.type === "expression_statement" ? s.namedChildren[0] : undefined))
    .find((a) => a?.type === "assignment" && a.childForFieldName("left")?.text === name);
  const type = field?.childForFieldName("type");
  const node = type?.type === "type" ? type.namedChildren[0] : type;
  return node?.type === "identifier" || node?.type === "attribute"
    ? classNamed(file, node)
    : undefined;
}

/**
 * Is `receiver` an element of a container of the instance (`self._backends[m]`, or `backend`
 * bound to one): an object the instance holds, whose class the check may not know.
 */
export function fromSelfElement(
  file: FileSemantics,
  receiver: SyntaxNode,
  at: SyntaxNode,
): boolean {
  if (isSelfElement(receiver)) return true;
  if (receiver.type !== "identifier") return false;
  const def = enclosingDef(at);
  return file.bindingsNamed(def ?? file.root, receiver.text).some((b) => {
    const right =
      b.node.parent?.type === "assignment" ? b.node.parent.childForFieldName("right") : null;
    return right ? isSelfElement(right) : false;
  });
}

/** The annotated parameter `name` is, when the def it is read in binds it only as one. */
export function annotatedParameter(file: FileSemantics, name: SyntaxNode): SyntaxNode | undefined {
  const def = enclosingDef(name);
  const bindings = def ? file.bindingsNamed(def, name.text) : [];
  const node = bindings.length === 1 ? bindings[0].node.parent : undefined;
  return node?.type === "typed_parameter" || node?.type === "typed_default_parameter"
    ? node
    : undefined;
}

/** `_key_locks[key]` with `_key_locks = defaultdict(threading.Lock)`: the factory's class (Y13). */
export function defaultdictElement(
  file: FileSemantics,
  value: SyntaxNode | null,
): string | undefined {
  const bindings = value?.type === "identifier" ? file.visibleBindings(value, value.text) : [];
  const statement = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const call = statement?.type === "assignment" ? statement.childForFieldName("right") : null;
  const fn = call?.type === "call" ? call.childForFieldName("function") : null;
  if (!fn || file.qualifiedName(fn) !== "collections.defaultdict") return undefined;
  const factory = call!.childForFieldName("arguments")?.namedChildren[0];
  return factory?.type === "identifier" || factory?.type === "attribute"
    ? classNamed(file, factory)
    : undefined;
}
