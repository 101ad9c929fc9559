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
