import { callArguments } from "../../src/python/calls.js";
import { isUnderMainGuard } from "../../src/python/shapes.js";
import type { AsyncioRunOut } from "./codes.js";
import { indexedFunctionOf, indexedName, loopCallsOf } from "../../src/project/index-lookup.js";
import type { Context, FileSemantics, SyntaxNode } from "../../src/model/types.js";

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
  const def = file.enclosingDef(call);
  if (!index || file.module === undefined || !def || file.inAsyncContext(call)) return undefined;
  const fn = indexedFunctionOf(index, file.module, def);
  const callers = fn ? loopCallsOf(index, fn) : [];
  if (!fn || callers.length === 0) return undefined;
  const [{ call: first, caller }] = callers;
  const more = callers.length > 1 ? ` (and ${callers.length - 1} more)` : "";
  return `${indexedName(fn)}() is called on the event loop by async def ${indexedName(caller)} (${first.path}:${first.line})${more}`;
}

/**
 * `loop.run_until_complete(...)`: inside async def a RuntimeError in any project (AS109); in
 * sync code of a Django project the same bug as asyncio.run, reported (AS105).
 */
export function runUntilCompleteFindings(
  file: FileSemantics,
  a2s: { name: string } | undefined,
  out: AsyncioRunOut,
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
    const def = file.enclosingDef(call);
    const inAsync = file.inAsyncContext(call);
    const context = isUnderMainGuard(call)
      ? "entry-point"
      : !def
        ? "module"
        : inAsync
          ? "async"
          : "sync";
    out.site(call, "run_until_complete", context);
    if (!def || isUnderMainGuard(call)) continue;
    const inner = callArguments(call)[0];
    if (inAsync) {
      if (appliesNestAsyncio(file)) continue;
      out.report(
        call,
        "AS109",
        "run_until_complete() inside async def raises RuntimeError (an event loop is already running in this thread): await the coroutine instead",
        inner && inner.type !== "keyword_argument" ? `await ${inner.text}` : undefined,
      );
      continue;
    }
    if (!rewrites) continue;
    const kept = keptLoop(call);
    if (kept) {
      out.report(
        call,
        "AS105",
        `run_until_complete() in sync code drives an event loop with no async_to_sync above it (same bug as asyncio.run); async_to_sync is no fix here: ${kept} is a loop kept on an object, and what was made on it (sessions, clients) belongs to it; async_to_sync would run the coroutine on another loop in another thread: make the callers async, or keep the loop in one thread of its own`,
      );
      continue;
    }
    const owned = steppedOwnLoop(file, call, def);
    if (owned) {
      out.report(
        call,
        "AS105",
        `run_until_complete() in sync code drives an event loop with no async_to_sync above it (same bug as asyncio.run); async_to_sync is no fix here: ${owned} is a loop this function made and runs again and again (each step of one coroutine or async generator), and what the first step made (clients, streams) belongs to it; async_to_sync would run each step on a new loop in another thread: make the callers async, or keep the loop`,
      );
      continue;
    }
    const bound = inner?.type === "call" ? loopBoundObject(inner) : undefined;
    if (bound) {
      out.report(
        call,
        "AS105",
        `run_until_complete() in sync code drives an event loop with no async_to_sync above it (same bug as asyncio.run); async_to_sync is no fix here: ${bound} may belong to the loop that made it (an aiohttp session, a client or connection), and async_to_sync would run ${inner!.childForFieldName("function")!.text}() on another loop in another thread; close or use it on its own loop, or make the caller async`,
      );
      continue;
    }
    out.report(
      call,
      "AS105",
      "run_until_complete() in sync code drives an event loop with no async_to_sync above it (same bug as asyncio.run): use async_to_sync",
      inner?.type === "call" ? suggestionFor(inner, a2s?.name ?? ASYNC_TO_SYNC) : undefined,
    );
  }
}

/** Methods that finish an object's life on the loop it was made on. */
const CLOSING = /^(a?close|disconnect|shutdown|wait_closed|cleanup|terminate|stop)$/;
/** Names of objects bound to an event loop: sessions, clients, connections, pools. */
const LOOP_BOUND = /(session|client|connection|conn|pool|channel|websocket|ws)s?$/i;

/**
 * `session.close()`, `self.client.aclose()`: the receiver of a method whose coroutine is run,
 * when it is probably bound to the loop that made it (asyncio objects are: aiohttp's session,
 * asyncpg's pool, an httpx.AsyncClient's transport).
 */
function loopBoundObject(inner: SyntaxNode): string | undefined {
  const callee = inner.childForFieldName("function");
  if (callee?.type !== "attribute") return undefined;
  const receiver = callee.childForFieldName("object")!;
  const method = callee.childForFieldName("attribute")!.text;
  const last =
    receiver.type === "attribute" ? receiver.childForFieldName("attribute")!.text : receiver.text;
  if (receiver.type !== "identifier" && receiver.type !== "attribute") return undefined;
  return CLOSING.test(method) || LOOP_BOUND.test(last) ? receiver.text : undefined;
}

/**
 * `loop = asyncio.new_event_loop()` in the function, then `loop.run_until_complete(...)` in a
 * `while`/`for` (or more than once): the loop steps one async generator or keeps what its first
 * run made (hazard-review-7 Y1, MaxKB's `mcp_response_generator`). Its name, as written.
 */
function steppedOwnLoop(
  file: FileSemantics,
  call: SyntaxNode,
  def: SyntaxNode,
): string | undefined {
  const receiver = call.childForFieldName("function")?.childForFieldName("object");
  if (receiver?.type !== "identifier") return undefined;
  const bindings = file.bindingsNamed(def, receiver.text);
  const made = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const value = made?.type === "assignment" ? made.childForFieldName("right") : undefined;
  const fn = value?.type === "call" ? value.childForFieldName("function") : undefined;
  if (!fn || file.qualifiedName(fn) !== "asyncio.new_event_loop") return undefined;
  const runs = def
    .descendantsOfType("call")
    .filter(
      (c) =>
        c.childForFieldName("function")?.text.replace(/\s+/g, "") ===
        `${receiver.text}.run_until_complete`,
    );
  let repeated = runs.length > 1;
  for (let at = call.parent; at && at.id !== def.id && !repeated; at = at.parent)
    repeated = at.type === "while_statement" || at.type === "for_statement";
  return repeated ? receiver.text : undefined;
}

/** `self.loop.run_until_complete(...)`: the loop an object keeps, as written. */
function keptLoop(call: SyntaxNode): string | undefined {
  const receiver = call.childForFieldName("function")?.childForFieldName("object");
  return receiver?.type === "attribute" &&
    receiver.childForFieldName("object")?.type === "identifier"
    ? receiver.text
    : undefined;
}
