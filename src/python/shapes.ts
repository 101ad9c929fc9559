import type { SyntaxNode } from "../model/types.js";

/*
 * What a node is, syntactically, in Python's grammar: an async def, its decorators, a script's
 * main guard, where an `await` needs parentheses. No scope, binding or import is asked here:
 * those questions go through FileSemantics (see semantics.ts).
 */

/** Is this an `async def`? Read from our tree's nodes or the binding's (the report counts on those). */
export function isAsyncFunction(fn: {
  type: string;
  firstChild: { type: string } | null;
}): boolean {
  return fn.type === "function_definition" && fn.firstChild?.type === "async";
}

/**
 * The def or class named `name` among a block's statements (a module, or a class body), decorated
 * or not: the definition itself, without its decorators. The first one, when several have the name.
 */
export function definitionNamed(
  block: SyntaxNode | null | undefined,
  type: "function_definition" | "class_definition",
  name: string,
): SyntaxNode | undefined {
  if (!block) return undefined;
  // Asked for every call by a bare name in some transforms (a test module's thousand calls):
  // each block's definitions are listed once per tree.
  const byBlock = block.tree.memoized(
    "definitionsNamed",
    () => new Map<number, Map<string, SyntaxNode>>(),
  );
  let definitions = byBlock.get(block.id);
  if (!definitions) byBlock.set(block.id, (definitions = definitionsOf(block)));
  return definitions.get(`${type} ${name}`);
}

/** A block's defs and classes by `<type> <name>`, the first of each. */
function definitionsOf(block: SyntaxNode): Map<string, SyntaxNode> {
  const definitions = new Map<string, SyntaxNode>();
  for (const statement of block.namedChildren) {
    const definition =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (definition?.type !== "function_definition" && definition?.type !== "class_definition")
      continue;
    const name = definition.childForFieldName("name")?.text;
    const key = `${definition.type} ${name}`;
    if (name !== undefined && !definitions.has(key)) definitions.set(key, definition);
  }
  return definitions;
}

/** The expression of a body that is `return <expression>`, after an optional docstring. */
export function onlyReturned(body: SyntaxNode | null): SyntaxNode | undefined {
  const statements = (body?.namedChildren ?? []).filter((s) => s.type !== "comment");
  const docstring =
    statements[0]?.type === "expression_statement" &&
    statements[0].namedChildren[0]?.type === "string";
  const rest = docstring ? statements.slice(1) : statements;
  if (rest.length !== 1 || rest[0].type !== "return_statement") return undefined;
  return rest[0].namedChildren[0] ?? undefined;
}

/** Decorators written above a def or class, top to bottom. */
export function decorators(definition: SyntaxNode): SyntaxNode[] {
  const parent = definition.parent;
  if (parent?.type !== "decorated_definition") return [];
  return parent.namedChildren.filter((c) => c.type === "decorator");
}

/** The decorator's expression without `@`, and without the call when it is `@deco(...)`. */
export function decoratorCallee(decorator: SyntaxNode): SyntaxNode | undefined {
  const expr = decorator.namedChildren[0];
  if (!expr) return undefined;
  return expr.type === "call" ? (expr.childForFieldName("function") ?? undefined) : expr;
}

function isMainGuardCondition(condition: SyntaxNode | null): boolean {
  if (condition?.type !== "comparison_operator") return false;
  const operands = condition.namedChildren;
  if (operands.length !== 2 || condition.children[1]?.type !== "==") return false;
  const texts = operands.map((o) =>
    o.type === "string" ? stringLiteralValue(o) : o.type === "identifier" ? o.text : undefined,
  );
  return (
    (texts[0] === "__name__" && operands[1].type === "string" && texts[1] === "__main__") ||
    (texts[1] === "__name__" && operands[0].type === "string" && texts[0] === "__main__")
  );
}

/** The value of a plain string literal (no prefix, no interpolation), else undefined. */
export function stringLiteralValue(node: SyntaxNode): string | undefined {
  if (node.type !== "string") return undefined;
  const content = node.namedChildren.filter((c) => c.type === "string_content");
  const others = node.namedChildren.filter(
    (c) => c.type !== "string_content" && c.type !== "string_start" && c.type !== "string_end",
  );
  if (others.length > 0) return undefined;
  const start = node.firstChild?.text ?? "";
  if (/[fFbB]/.test(start)) return undefined;
  return content.map((c) => c.text).join("");
}

/** True when `node` runs only as a script: inside the body of `if __name__ == "__main__":`. */
export function isUnderMainGuard(node: SyntaxNode): boolean {
  let child: SyntaxNode = node;
  for (let n = node.parent; n; child = n, n = n.parent) {
    if (n.type === "if_statement" && isMainGuardCondition(n.childForFieldName("condition"))) {
      const consequence = n.childForFieldName("consequence");
      if (consequence && consequence.id === child.id) return true;
    }
  }
  return false;
}

/** `await` binds looser than attribute access, subscription and calls: `(await f()).x`. */
export function needsParenthesesForAwait(node: SyntaxNode): boolean {
  const parent = node.parent;
  if (!parent) return false;
  const field =
    parent.type === "attribute"
      ? "object"
      : parent.type === "subscript"
        ? "value"
        : parent.type === "call"
          ? "function"
          : undefined;
  return !!field && parent.childForFieldName(field)?.id === node.id;
}

/** The module of a `from X import ...` statement, with leading dots for relative imports. */
export function fromModuleName(statement: SyntaxNode): string {
  return statement.childForFieldName("module_name")?.text.replace(/\s+/g, "") ?? "";
}

/**
 * The file's `from X import *` statements, in order (Python allows them only at module level,
 * arms of a module-level `if` or `try` included): a name no statement binds may come from one.
 */
export function starImports(root: SyntaxNode): SyntaxNode[] {
  return root
    .descendantsOfType("import_from_statement")
    .filter((s) => s.namedChildren.some((c) => c.type === "wildcard_import"));
}

/**
 * The module's top-level `name = value` statements, in order, with the name, the value and the
 * 1-based line: what readers of module-level bindings (aliases, factories) walk.
 */
export function* moduleNameAssignments(
  root: SyntaxNode,
): Generator<{ left: SyntaxNode; right: SyntaxNode; line: number }> {
  for (const statement of root.namedChildren) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : undefined;
    if (assignment?.type !== "assignment") continue;
    const left = assignment.childForFieldName("left");
    const right = assignment.childForFieldName("right");
    if (left?.type === "identifier" && right)
      yield { left, right, line: statement.startPosition.row + 1 };
  }
}
