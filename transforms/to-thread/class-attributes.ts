import type { SyntaxNode } from "../../src/model/types.js";

/**
 * Does a `self.<attr>` twin exist on the class the site runs in? A twin declared for every class
 * (`"self.session.*" = "self.async_session.*"`) is only right in the classes that have the
 * attribute: elsewhere the rewrite would raise AttributeError.
 */

/** The class a function belongs to as a method (through decorators), if it is one. */
export function classOfMethod(fn: SyntaxNode): SyntaxNode | undefined {
  let n = fn.parent;
  if (n?.type === "decorated_definition") n = n.parent;
  return n?.type === "block" && n.parent?.type === "class_definition" ? n.parent : undefined;
}

/** The class's own methods but `method` and the dunders: what it may call back or pick by name. */
export function otherMethodsOf(cls: SyntaxNode, method: SyntaxNode): SyntaxNode[] {
  return (cls.childForFieldName("body")?.namedChildren ?? [])
    .map((s) => (s.type === "decorated_definition" ? s.childForFieldName("definition") : s))
    .filter(
      (d): d is SyntaxNode =>
        d?.type === "function_definition" &&
        d.id !== method.id &&
        !/^__\w+__$/.test(d.childForFieldName("name")?.text ?? ""),
    );
}

/** Is `name` bound in the class body itself: an assignment, an annotation, a def or a class? */
function boundInClassBody(cls: SyntaxNode, name: string): boolean {
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const definition =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (
      (definition?.type === "function_definition" || definition?.type === "class_definition") &&
      definition.childForFieldName("name")?.text === name
    )
      return true;
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type === "assignment" && assignment.childForFieldName("left")?.text === name)
      return true;
  }
  return false;
}

/**
 * The class body's own assignments of `name` (`_orm_lock = threading.Lock()`): what
 * `self.<name>` holds when no method assigns it (hazard-review-5 J18b, bisheng's Milvus).
 */
export function classBodyAssignments(cls: SyntaxNode, name: string): SyntaxNode[] {
  return (cls.childForFieldName("body")?.namedChildren ?? [])
    .map((s) => (s.type === "expression_statement" ? s.namedChildren[0] : undefined))
    .filter((a) => a?.type === "assignment" && a.childForFieldName("left")?.text === name)
    .map((a) => a!);
}

/** Is `self.<name>` assigned in some method of the class (`self.name = ...`, also in a tuple)? */
function assignedOnSelf(cls: SyntaxNode, name: string): boolean {
  return cls.descendantsOfType(["assignment", "augmented_assignment"]).some((assignment) => {
    const left = assignment.childForFieldName("left");
    if (!left) return false;
    const targets = [left, ...left.descendantsOfType("attribute")];
    return targets.some(
      (t) =>
        t.type === "attribute" &&
        t.childForFieldName("object")?.text === "self" &&
        t.childForFieldName("attribute")?.text === name,
    );
  });
}

/** Module-level classes of the file by name. */
export function moduleClasses(root: SyntaxNode): Map<string, SyntaxNode> {
  const classes = new Map<string, SyntaxNode>();
  for (const statement of root.namedChildren) {
    const definition =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (definition?.type === "class_definition")
      classes.set(definition.childForFieldName("name")!.text, definition);
  }
  return classes;
}

interface AttributeSearch {
  found: boolean;
  /** Base classes not defined in this file: they were not looked into. */
  unchecked: string[];
}

/** Is the attribute defined on `cls` or on a base class of it defined in the same file? */
function findAttribute(
  cls: SyntaxNode,
  name: string,
  classes: Map<string, SyntaxNode>,
): AttributeSearch {
  const unchecked: string[] = [];
  const seen = new Set<number>();
  const queue = [cls];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (seen.has(current.id)) continue;
    seen.add(current.id);
    if (boundInClassBody(current, name) || assignedOnSelf(current, name))
      return { found: true, unchecked };
    const bases = current.childForFieldName("superclasses")?.namedChildren ?? [];
    for (const base of bases) {
      if (base.type === "keyword_argument" || base.type === "comment") continue;
      const local = base.type === "identifier" ? classes.get(base.text) : undefined;
      if (local) queue.push(local);
      else if (base.text !== "object") unchecked.push(base.text);
    }
  }
  return { found: false, unchecked };
}

/**
 * Why a `self.<attr>...` twin cannot be used at `site`, if it cannot: the site is not in a method,
 * or the attribute is not defined on the method's class or a base class in this file.
 */
export function selfTwinProblem(
  site: SyntaxNode,
  callee: string,
  root: SyntaxNode,
  /** What happens to the site instead: the thread call stays, or the sync call. */
  kept = "it stays in its thread",
): string | undefined {
  const parts = callee.split(".");
  if (parts[0] !== "self" || parts.length < 2) return undefined;
  const attribute = parts[1];
  let fn: SyntaxNode | null = site.parent;
  while (fn && fn.type !== "function_definition") fn = fn.parent;
  const cls = fn ? classOfMethod(fn) : undefined;
  if (!cls)
    return `the twin ${callee} needs self.${attribute}, and this call is not in a method of a class: ${kept}`;
  const className = cls.childForFieldName("name")!.text;
  const search = findAttribute(cls, attribute, moduleClasses(root));
  if (search.found) return undefined;
  const elsewhere =
    search.unchecked.length > 0
      ? ` (base ${search.unchecked.join(", ")} is defined in another file and was not checked)`
      : "";
  return `the twin ${callee} needs self.${attribute}, which class ${className} does not define or assign${elsewhere}: ${kept}; declare the twin for the classes that have it`;
}
