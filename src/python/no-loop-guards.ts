import type { SyntaxNode } from "../model/types.js";

/*
 * Code that runs only when no event loop is running in the thread: the `except RuntimeError` arm
 * of a `try` whose body asks `asyncio.get_running_loop()` (which raises RuntimeError exactly when
 * no loop runs). An `asyncio.run(...)` there never meets a running loop (hazard-review-5 J9,
 * cognee's `closing_lru_cache.py`: "No running loop: run to completion now").
 */

/** Does `node` sit, inside `fn`, in the `except RuntimeError` arm of such a `try`? */
export function runsOnlyWithoutLoop(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let at = node.parent; at && at.id !== fn.id; at = at.parent) {
    if (at.type !== "except_clause" || !catchesRuntimeError(at)) continue;
    const body = at.parent?.type === "try_statement" ? at.parent.childForFieldName("body") : null;
    if (body && asksRunningLoop(body)) return true;
  }
  return false;
}

/** `except RuntimeError:`, `except RuntimeError as e:`, `except (RuntimeError, ValueError):`. */
function catchesRuntimeError(clause: SyntaxNode): boolean {
  const caught = clause.namedChildren.find((c) => c.type !== "block" && c.type !== "comment");
  return !!caught && /\bRuntimeError\b/.test(caught.text);
}

/** A call of `get_running_loop()` (`asyncio.get_running_loop()` or the bare imported name). */
export function asksRunningLoop(block: SyntaxNode): boolean {
  return block.descendantsOfType("call").some((call) => {
    const callee = call.childForFieldName("function");
    const name =
      callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
    return name === "get_running_loop";
  });
}
