import { chainRoot } from "../../src/python/calls.js";
import type { ImportBinding } from "../../src/model/types.js";
import type { ModuleAccess } from "../../src/python/lookup.js";
import { needsParenthesesForAwait } from "../../src/python/shapes.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";

/** The rewrite of `time.sleep(x)` in async def, or why it cannot be made here (AS310). */
export type SleepRewrite =
  | {
      edits: Edit[];
      /** The reference to `time` (or `sleep`) the rewrite removes. */
      gone: SyntaxNode;
      /** The asyncio import the new call uses; none when `import asyncio` must be added. */
      uses?: ImportBinding;
    }
  | { message: string; suggestion: string };

/** Why an `await` cannot be put at `call` although its function is async, if it cannot. */
function whyAwaitIsNotAllowed(call: SyntaxNode): string | undefined {
  for (let n = call.parent; n && n.type !== "function_definition"; n = n.parent) {
    // An await inside a generator expression makes it an async generator: its consumer breaks.
    if (n.type === "generator_expression")
      return "in a generator expression (an await would make it an async generator)";
    if (n.type === "class_definition") return "in a class body, where await is not allowed";
  }
  return undefined;
}

/** `time.sleep(x)` -> `await asyncio.sleep(x)`, parenthesized where the await needs it. */
export function sleepRewrite(
  asyncio: ModuleAccess,
  call: SyntaxNode,
  callee: SyntaxNode,
): SleepRewrite {
  const args = call.childForFieldName("arguments")!;
  const reachable = asyncio.nameAt(call);
  const parenthesized = needsParenthesesForAwait(call);
  const awaited = (name: string) =>
    `${parenthesized ? "(" : ""}await ${name}.sleep${args.text}${parenthesized ? ")" : ""}`;
  const forbidden = whyAwaitIsNotAllowed(call);
  if (forbidden)
    return {
      message: `time.sleep() in async def blocks the event loop (ruff ASYNC251); it sits ${forbidden}: use asyncio.sleep by hand`,
      suggestion: awaited(reachable?.name ?? "asyncio"),
    };
  if (!reachable)
    return {
      message:
        "time.sleep() in async def blocks the event loop (ruff ASYNC251); the name asyncio means something else in this file: use asyncio.sleep by hand",
      suggestion: awaited("asyncio"),
    };
  const edits: Edit[] = [
    {
      start: call.startIndex,
      end: callee.endIndex,
      text: `${parenthesized ? "(" : ""}await ${reachable.name}.sleep`,
    },
  ];
  if (parenthesized) edits.push({ start: call.endIndex, end: call.endIndex, text: ")" });
  return { edits, gone: chainRoot(callee)!, uses: reachable.binding };
}
