import type { SyntaxNode } from "../model/types.js";

/*
 * Code that runs only when no event loop is running in the thread: the `except RuntimeError` arm
 * of a `try` whose body asks `asyncio.get_running_loop()` (which raises RuntimeError exactly when
 * no loop runs). An `asyncio.run(...)` there never meets a running loop (hazard-review-5 J9,
 * cognee's `closing_lru_cache.py`: "No running loop: run to completion now").
 */

/**
 * Does `node` sit, inside `fn`, in the `except RuntimeError` arm of such a `try`, or after a
 * `try` whose `else:` raises (`try: get_running_loop() / except RuntimeError: pass / else: raise
 * RuntimeError("... await arun_rollouts instead")`: hazard-review-7 Y3, agno's `run_rollouts`)?
 */
export function runsOnlyWithoutLoop(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let child = node, at = node.parent; at && at.id !== fn.id; child = at, at = at.parent) {
    if (at.type === "block" && refusedBefore(at, child)) return true;
    if (at.type !== "except_clause" || !catchesRuntimeError(at)) continue;
    const body = at.parent?.type === "try_statement" ? at.parent.childForFieldName("body") : null;
    if (body && asksRunningLoop(body)) return true;
  }
  return false;
}

/** A statement of `block` before `statement`: a `try` whose `else:` raises when a loop runs. */
function refusedBefore(block: SyntaxNode, statement: SyntaxNode): boolean {
  for (const earlier of block.namedChildren) {
    if (earlier.id === statement.id || earlier.startIndex >= statement.startIndex) return false;
    if (earlier.type !== "try_statement") continue;
    const body = earlier.childForFieldName("body");
    const clauses = earlier.namedChildren;
    const otherwise = clauses.find((c) => c.type === "else_clause");
    const raises = otherwise?.namedChildren
      .find((c) => c.type === "block")
      ?.namedChildren.at(-1)?.type;
    if (
      body &&
      asksRunningLoop(body) &&
      raises === "raise_statement" &&
      clauses.some((c) => c.type === "except_clause" && catchesRuntimeError(c))
    )
      return true;
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
