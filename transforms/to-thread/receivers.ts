import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { classOfMethod } from "./class-attributes.js";

/*
 * What class a receiver's value has, where the file says it without a constructor call: a
 * module-level class of this file named by an annotation (`manager: ReplayManager`,
 * hazard-review-4 K1: frigate's DebugReplayManager.stop, whose lock was never read), and the
 * element of an annotated container (`self._backends: dict[str, Backend]`, then
 * `self._backends[mount].write(...)`: K2, SurfSense's multi-root backend).
 */

/** A module-level class of the file named `name`, through decorators. */
export function moduleClass(file: FileSemantics, name: string): SyntaxNode | undefined {
  for (const statement of file.root.namedChildren) {
    const def =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (def?.type === "class_definition" && def.childForFieldName("name")?.text === name)
      return def;
  }
  return undefined;
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
