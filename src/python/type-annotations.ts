import type { SyntaxNode } from "../model/types.js";

/*
 * What an annotation names, as Python's typing reads it: `ClassVar[SessionType]`,
 * `Optional[Session]` and `Final[...]` hold the class they wrap; a generic
 * (`scoped_session[Session]`) is an instance of its base; an alias at module level
 * (`SessionType = scoped_session[Session]`, `SessionType: TypeAlias = ...`, `type SessionType =
 * ...`) stands for its value. A string annotation, a union or a protocol names no one class.
 */

/** Wrappers whose first parameter is the annotated value's own type. */
const HOLDS_ITS_PARAMETER = /^(?:typing\.)?(?:ClassVar|Optional|Final|Annotated)$/;

/**
 * The identifier or attribute naming the class of an annotation or alias value
 * (`ClassVar[SessionType]` -> `SessionType`, `scoped_session[Session]` -> `scoped_session`).
 */
export function annotatedClassName(node: SyntaxNode | null | undefined): SyntaxNode | undefined {
  for (let depth = 0; node && depth < 4; depth++) {
    if (node.type === "type") node = node.namedChildren[0];
    else if (node.type === "identifier" || node.type === "attribute") return node;
    else if (node.type === "generic_type" || node.type === "subscript") {
      const base =
        node.type === "subscript" ? node.childForFieldName("value") : node.namedChildren[0];
      if (!base || !HOLDS_ITS_PARAMETER.test(base.text)) return annotatedClassName(base);
      node =
        node.type === "subscript"
          ? node.childForFieldName("subscript")
          : node.namedChildren[1]?.namedChildren[0];
    } else return undefined;
  }
  return undefined;
}

/** `X = ...`, `X: TypeAlias = ...`, `type X = ...` at module level: the value `X` stands for. */
export function moduleAliasValue(root: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const statement of root.namedChildren) {
    const inner =
      statement.type === "expression_statement" ? statement.namedChildren[0] : statement;
    if (inner?.type === "assignment" && inner.childForFieldName("left")?.text === name) {
      const right = inner.childForFieldName("right");
      // Only what reads as a type: a name, a dotted name or a subscripted generic (no call).
      return right && ["identifier", "attribute", "subscript"].includes(right.type)
        ? right
        : undefined;
    }
    if (inner?.type === "type_alias_statement" && inner.namedChildren[0]?.text === name)
      return inner.namedChildren.at(-1);
  }
  return undefined;
}

/**
 * `session: ClassVar[SessionType]` (or `session: Session = ...`) written in a class's own body:
 * the annotation of that attribute.
 */
export function classBodyAnnotation(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const inner =
      statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (inner?.type !== "assignment" || inner.childForFieldName("left")?.text !== name) continue;
    const type = inner.childForFieldName("type");
    if (type) return type;
  }
  return undefined;
}

/** `Union` and `Optional`: an annotation that names each of its parameters as a possible class. */
const UNION = /^(?:typing\.)?(?:Union|Optional)$/;

/**
 * The classes a union annotation allows, `None` left out (`Optional[Union[Redis, RedisCluster]]`,
 * `Redis | RedisCluster | None`, a plain `Redis`): each an identifier or attribute. Undefined when
 * a member is anything else (a generic, a string), so nothing is guessed of it.
 */
export function unionMembers(node: SyntaxNode | null | undefined): SyntaxNode[] | undefined {
  if (!node) return undefined;
  if (node.type === "type") return unionMembers(node.namedChildren[0]);
  if (node.type === "none") return [];
  if (node.type === "identifier" || node.type === "attribute") return [node];
  const parts =
    node.type === "binary_operator" && node.childForFieldName("operator")?.text === "|"
      ? [node.childForFieldName("left"), node.childForFieldName("right")]
      : unionParameters(node);
  if (!parts) return undefined;
  const members: SyntaxNode[] = [];
  for (const part of parts) {
    const found = unionMembers(part);
    if (!found) return undefined;
    members.push(...found);
  }
  return members;
}

/** The parameters of `Union[...]` / `Optional[...]` (a generic type or a subscript), if it is one. */
function unionParameters(node: SyntaxNode): (SyntaxNode | null)[] | undefined {
  const base = node.type === "subscript" ? node.childForFieldName("value") : node.namedChildren[0];
  if ((node.type !== "generic_type" && node.type !== "subscript") || !UNION.test(base?.text ?? ""))
    return undefined;
  return node.type === "subscript"
    ? node.childrenForFieldName("subscript")
    : (node.namedChildren[1]?.namedChildren ?? []);
}
