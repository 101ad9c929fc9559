import { definitionNamed } from "../../src/python/shapes.js";
import type { SyntaxNode } from "../../src/model/types.js";

/*
 * The classes of one file as blocking-calls reads them: a method's class and its `self`, and the
 * body a method is defined in. Which def a call runs along the bases is instances.ts's answer.
 */

/** The class a `def` is a method of (directly in its body, decorated or not). */
export function classOfMethod(def: SyntaxNode): SyntaxNode | undefined {
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  const cls = statement.parent?.parent;
  return statement.parent?.type === "block" && cls?.type === "class_definition" ? cls : undefined;
}

/** The name a method's first parameter gives the instance (`self`), unless a static method. */
export function selfOf(def: SyntaxNode): string | undefined {
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  const decorators = statement.type === "decorated_definition" ? statement.text : "";
  if (/@(?:staticmethod|classmethod)\b/.test(decorators)) return undefined;
  const first = def.childForFieldName("parameters")?.namedChildren[0];
  const name = first?.type === "identifier" ? first : first?.namedChildren[0];
  return name?.type === "identifier" ? name.text : undefined;
}

/** A module-level class of the file by name. */
export function moduleClass(root: SyntaxNode, name: string): SyntaxNode | undefined {
  return definitionNamed(root, "class_definition", name);
}

/** The method `self.<name>` stands for inside a method of a class: `self.<attribute>` node's. */
export function selfAttribute(
  node: SyntaxNode,
  enclosing: SyntaxNode | undefined,
): { cls: SyntaxNode; name: string } | undefined {
  if (node.type !== "attribute" || !enclosing) return undefined;
  const owner = node.childForFieldName("object");
  const cls = classOfMethod(enclosing);
  if (!cls || owner?.type !== "identifier" || owner.text !== selfOf(enclosing)) return undefined;
  return { cls, name: node.childForFieldName("attribute")!.text };
}

/**
 * The values a class's methods assign to `self.<name>` (`self.session = sessionmaker(...)` in
 * `__init__`): every one, so that a caller can require them to agree.
 */
export function selfAssignments(cls: SyntaxNode, name: string): SyntaxNode[] {
  const values: SyntaxNode[] = [];
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const def =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    const self = def?.type === "function_definition" ? selfOf(def) : undefined;
    if (!self) continue;
    for (const assignment of def!.descendantsOfType("assignment")) {
      const left = assignment.childForFieldName("left");
      const right = assignment.childForFieldName("right");
      if (
        left?.type === "attribute" &&
        left.childForFieldName("object")?.text === self &&
        left.childForFieldName("attribute")?.text === name &&
        right
      )
        values.push(right);
    }
  }
  return values;
}
