import { callArguments } from "../../src/python/calls.js";
import { enclosingDef, isAsyncFunction, isUnderMainGuard } from "../../src/python/scope.js";
import { indexedFunctionOf, indexedName, loopCallsOf } from "../../src/project/index-lookup.js";
import type { Context, FileSemantics, SyntaxNode, TransformSite } from "../../src/model/types.js";

export const ASYNC_TO_SYNC = "async_to_sync";

/** `async_to_sync(f)(x)` for the coroutine call `f(x)`. */
export function suggestionFor(inner: SyntaxNode, name: string): string {
  const callee = inner.childForFieldName("function")!;
  const args = inner.childForFieldName("arguments")!;
  return `${name}(${callee.text})${args.text}`;
}

/** nest_asyncio patches asyncio so that a loop may be started inside a running one. */
export function appliesNestAsyncio(file: FileSemantics): boolean {
  return /\bnest_asyncio\b/.test(file.source);
}

/**
 * Why the sync def holding `call` runs on the event loop, when the project index shows an
 * `async def` calling it directly: there async_to_sync raises just as asyncio.run does, so the
 * rewrite is refused (missing-await reports the call, AS405).
 */
export function calledOnLoop(
  file: FileSemantics,
  call: SyntaxNode,
  ctx: Context,
): string | undefined {
  const index = ctx.project.index;
  const def = enclosingDef(call);
  if (!index || file.module === undefined || !def || isAsyncFunction(def)) return undefined;
  const fn = indexedFunctionOf(index, file.module, def);
  const callers = fn ? loopCallsOf(index, fn) : [];
  if (!fn || callers.length === 0) return undefined;
  const [{ call: first, caller }] = callers;
  const more = callers.length > 1 ? ` (and ${callers.length - 1} more)` : "";
  return `${indexedName(fn)}() is called on the event loop by async def ${indexedName(caller)} (${first.path}:${first.line})${more}`;
}

type LoopReport = (
  node: SyntaxNode,
  code: "AS105" | "AS109",
  message: string,
  suggestion?: string,
) => void;

/**
 * `loop.run_until_complete(...)`: inside async def a RuntimeError in any project (AS109); in
 * sync code of a Django project the same bug as asyncio.run, reported (AS105).
 */
export function runUntilCompleteFindings(
  file: FileSemantics,
  a2s: { name: string } | undefined,
  sites: TransformSite[],
  report: LoopReport,
  rewrites: boolean,
): void {
  if (!file.source.includes("run_until_complete")) return;
  for (const call of file.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (
      callee?.type !== "attribute" ||
      callee.childForFieldName("attribute")?.text !== "run_until_complete"
    )
      continue;
    const def = enclosingDef(call);
    const inAsync = def !== undefined && isAsyncFunction(def);
    const context = isUnderMainGuard(call)
      ? "entry-point"
      : !def
        ? "module"
        : inAsync
          ? "async"
          : "sync";
    sites.push({ kind: "run_until_complete", context, start: call.startIndex });
    if (!def || isUnderMainGuard(call)) continue;
    const inner = callArguments(call)[0];
    if (inAsync) {
      if (appliesNestAsyncio(file)) continue;
      report(
        call,
        "AS109",
        "run_until_complete() inside async def raises RuntimeError (an event loop is already running in this thread): await the coroutine instead",
        inner && inner.type !== "keyword_argument" ? `await ${inner.text}` : undefined,
      );
      continue;
    }
    if (!rewrites) continue;
    report(
      call,
      "AS105",
      "run_until_complete() in sync code drives an event loop with no async_to_sync above it (same bug as asyncio.run): use async_to_sync",
      inner?.type === "call" ? suggestionFor(inner, a2s?.name ?? ASYNC_TO_SYNC) : undefined,
    );
  }
}
