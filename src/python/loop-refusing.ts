import type { FileSemantics, SyntaxNode } from "../model/types.js";
import { asksRunningLoop, runsOnlyWithoutLoop } from "./no-loop-guards.js";

/*
 * Library calls that refuse to run on a thread whose asyncio event loop is running: the reason
 * a project wraps them in `asyncio.to_thread(...)`. Playwright's sync API checks for a running
 * loop in `sync_playwright().__enter__` and raises "It looks like you are using Playwright Sync
 * API inside the asyncio loop"; patchright and camoufox are forks of it, and scrapling's sync
 * fetchers drive it (hazard-review-4 K3: SurfSense's crawlers, unwrapped safely, then failing on
 * every crawl).
 */

/** The module prefixes whose every call is Playwright's sync API (or a fork's). */
const SYNC_PLAYWRIGHT_MODULES = ["playwright.sync_api", "patchright.sync_api", "camoufox.sync_api"];

/** scrapling's sync fetchers' and sessions' methods, which start a sync Playwright browser (not their constructors). */
const SCRAPLING_SYNC =
  /^scrapling(\.fetchers)?\.(StealthyFetcher|DynamicFetcher|PlayWrightFetcher|StealthySession|DynamicSession)\.\w+$/;

/**
 * Why a library call cannot run on a thread whose event loop is running, when it is one of these:
 * `playwright.sync_api.sync_playwright` -> "Playwright's sync API, ...".
 */
export function loopRefusingCall(qualified: string | undefined): string | undefined {
  if (!qualified) return undefined;
  const sync = SYNC_PLAYWRIGHT_MODULES.find(
    (m) => qualified === m || qualified.startsWith(`${m}.`),
  );
  if (sync)
    return `calls ${qualified}(), Playwright's sync API, which raises "using Playwright Sync API inside the asyncio loop" on a thread whose event loop is running`;
  if (SCRAPLING_SYNC.test(qualified))
    return `calls ${qualified}(), one of scrapling's sync fetchers, which drive Playwright's sync API and raise "using Playwright Sync API inside the asyncio loop" on a thread whose event loop is running`;
  return undefined;
}

/*
 * Sync code that cannot run on a thread whose event loop is running, whatever it calls: it starts
 * a loop of its own there (`asyncio.run`, `run_until_complete`, asgiref's `async_to_sync`, all of
 * which raise RuntimeError), waits on the running loop from its own thread
 * (`run_coroutine_threadsafe(coro, asyncio.get_running_loop()).result()`: the coroutine cannot
 * start until the wait ends, a deadlock until the timeout), or refuses outright (`raise` once
 * `get_running_loop()` has found a loop). A project bridge of this kind reached from `async def`
 * through methods is a live RuntimeError (hazard-review-5 J4: bisheng's `run_async_safe`).
 */

/**
 * Why a call made in the sync def `fn` fails on a thread whose event loop is running:
 * "asyncio.run(), which raises RuntimeError when an event loop is already running".
 */
export function loopRefusalOfCall(
  file: FileSemantics,
  call: SyntaxNode,
  fn: SyntaxNode,
): string | undefined {
  const callee = call.childForFieldName("function");
  if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const qualified = file.qualifiedName(callee);
  const playwright = loopRefusingCall(qualified);
  if (playwright) return playwright.replace(/^calls /, "");
  const method = callee.type === "attribute" ? callee.childForFieldName("attribute")!.text : "";
  if (method === "result") return waitOnRunningLoop(file, callee, fn);
  const starts =
    qualified === "asyncio.run"
      ? "asyncio.run()"
      : method === "run_until_complete"
        ? `${callee.text.replace(/\s+/g, "")}()`
        : qualified === "asgiref.sync.async_to_sync" && calledOnTheSpot(call)
          ? "async_to_sync()()"
          : undefined;
  if (!starts || runsOnlyWithoutLoop(call, fn) || /\bnest_asyncio\b/.test(file.source))
    return undefined;
  return starts === "async_to_sync()()"
    ? "async_to_sync()(), which raises RuntimeError in a thread whose event loop is running"
    : `${starts}, which raises RuntimeError when an event loop is already running`;
}

/** `raise ...` in `fn` that runs only once a running loop was found: where it is, if any. */
export function loopRefusingRaise(fn: SyntaxNode): SyntaxNode | undefined {
  const raises: SyntaxNode[] = [];
  const visit = (node: SyntaxNode): void => {
    if (["function_definition", "lambda", "class_definition"].includes(node.type)) return;
    if (node.type === "raise_statement") raises.push(node);
    for (const child of node.namedChildren) visit(child);
  };
  for (const statement of fn.childForFieldName("body")?.namedChildren ?? []) visit(statement);
  return raises.find((raise) => afterLoopFound(raise, fn));
}

/** Inside `fn`, does `node` run only when a loop runs: a `try`'s `else` or an `is_running()` test? */
function afterLoopFound(node: SyntaxNode, fn: SyntaxNode): boolean {
  for (let at = node.parent; at && at.id !== fn.id; at = at.parent) {
    const owner = at.parent;
    if (at.type === "else_clause" && owner?.type === "try_statement") {
      const body = owner.childForFieldName("body");
      const caught = owner.namedChildren.some(
        (c) => c.type === "except_clause" && /\bRuntimeError\b/.test(c.text.split(":")[0]),
      );
      if (caught && body && asksRunningLoop(body)) return true;
    }
    if (at.type === "block" && owner?.type === "if_statement") {
      const test = owner.childForFieldName("condition");
      const consequence = owner.childForFieldName("consequence");
      if (consequence?.id === at.id && test && RUNNING_TEST.test(test.text)) return true;
    }
  }
  return false;
}

/** `loop.is_running()`, `asyncio._get_running_loop() is not None`: a test that a loop runs. */
const RUNNING_TEST = /\.is_running\(\)|_get_running_loop\(\)\s+is\s+not\s+None/;

/**
 * `asyncio.run_coroutine_threadsafe(coro, loop).result()` (or the future kept in a name first),
 * where `loop` is the running loop (`asyncio.get_running_loop()`, `get_event_loop()`, or a name
 * `fn` binds to one): the thread waits on the loop it would have to let run.
 */
function waitOnRunningLoop(
  file: FileSemantics,
  callee: SyntaxNode,
  fn: SyntaxNode,
): string | undefined {
  let future: SyntaxNode | null | undefined = callee.childForFieldName("object");
  if (future?.type === "identifier") future = assignedIn(fn, future.text);
  if (future?.type !== "call") return undefined;
  const submit = future.childForFieldName("function");
  if (!submit || file.qualifiedName(submit) !== "asyncio.run_coroutine_threadsafe")
    return undefined;
  let loop: SyntaxNode | null | undefined = future.childForFieldName("arguments")?.namedChildren[1];
  if (loop?.type === "identifier") loop = assignedIn(fn, loop.text);
  const asked = loop?.type === "call" ? loop.childForFieldName("function") : undefined;
  const name = asked && file.qualifiedName(asked);
  if (name !== "asyncio.get_running_loop" && name !== "asyncio.get_event_loop") return undefined;
  return "asyncio.run_coroutine_threadsafe(..., the running loop).result(), a wait on the loop's own thread, where the coroutine cannot start until the wait ends (a deadlock until the timeout)";
}

/** The value of the one assignment `fn`'s own body makes to `name`. */
function assignedIn(fn: SyntaxNode, name: string): SyntaxNode | undefined {
  const values = fn
    .descendantsOfType("assignment")
    .filter((a) => a.childForFieldName("left")?.text === name)
    .map((a) => a.childForFieldName("right"));
  return values.length === 1 && values[0] ? values[0] : undefined;
}

/** `async_to_sync(f)(x)`: the wrapper called where it is made. */
function calledOnTheSpot(call: SyntaxNode): boolean {
  const outer = call.parent;
  return outer?.type === "call" && outer.childForFieldName("function")?.id === call.id;
}
