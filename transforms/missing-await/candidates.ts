import type { SyntaxNode } from "../../src/model/types.js";

/**
 * The calls that may drop a coroutine: a call statement, or the value of a plain assignment
 * statement (`status = fetch_status(job)`). An awaited call is an `await` node, not a call.
 */
export function candidateCalls(root: SyntaxNode): SyntaxNode[] {
  const calls: SyntaxNode[] = [];
  for (const statement of root.descendantsOfType("expression_statement")) {
    const only = statement.namedChildren.length === 1 ? statement.namedChildren[0] : undefined;
    if (only?.type === "call") calls.push(only);
    const value = only?.type === "assignment" ? only.childForFieldName("right") : undefined;
    if (value?.type === "call") calls.push(value);
  }
  return calls;
}
