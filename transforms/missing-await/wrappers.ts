import { callArguments } from "../../src/python/calls.js";
import { indexedFunctionOf, indexedName, loopCallsOf } from "../../src/project/index-lookup.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import { runsOnlyWithoutLoop } from "../../src/python/no-loop-guards.js";
import { dottedName } from "../../src/python/module-names.js";
import type {
  Context,
  FileSemantics,
  IndexedCall,
  IndexedFunction,
  ProjectIndex,
  SyntaxNode,
} from "../../src/model/types.js";
import type { CoroutineFunctions } from "./coroutines.js";
import type { Results } from "./results.js";

const SYNC_TO_ASYNC = "asgiref.sync.sync_to_async";
const ASYNC_TO_SYNC = "asgiref.sync.async_to_sync";

/** `wrapper(f)(args)`: the outer call, when the wrapper call is called on the spot. */
function calledOnTheSpot(wrapperCall: SyntaxNode): SyntaxNode | undefined {
  const outer = wrapperCall.parent;
  return outer?.type === "call" && outer.childForFieldName("function")?.id === wrapperCall.id
    ? outer
    : undefined;
}

/**
 * `sync_to_async(f)` (or `@sync_to_async` over an `async def`) where `f` is a coroutine function:
 * asgiref raises TypeError ("sync_to_async can only be applied to sync functions").
 */
export function syncToAsyncOfAsync(
  file: FileSemantics,
  coroutines: CoroutineFunctions,
  out: Results,
): void {
  for (const call of file.callsTo([SYNC_TO_ASYNC])) {
    const first = callArguments(call)[0];
    if (!first || (first.type !== "identifier" && first.type !== "attribute")) continue;
    const coroutine = coroutines.of(first);
    // A twin is declared async by the user: its methods may return awaitables, not be async def.
    if (!coroutine || coroutine.origin === "twin") continue;
    const outer = calledOnTheSpot(call);
    const suggestion = outer
      ? `${first.text}${outer.childForFieldName("arguments")!.text}`
      : first.text;
    out.site(call, "wrapper-misuse", "sync_to_async", first.text);
    out.report(
      call,
      "AS403",
      `${first.text} is already a coroutine function: sync_to_async() of it raises TypeError ("sync_to_async can only be applied to sync functions"); call it directly`,
      suggestion,
    );
  }
  for (const decorator of file.root.descendantsOfType("decorator")) {
    const expr = decorator.namedChildren.find((c) => c.type !== "comment");
    const callee = expr?.type === "call" ? expr.childForFieldName("function") : expr;
    if (!callee || file.qualifiedName(callee) !== SYNC_TO_ASYNC) continue;
    const def = decorator.parent?.childForFieldName("definition");
    if (!def || !isAsyncFunction(def)) continue;
    const name = def.childForFieldName("name")!.text;
    out.site(decorator, "wrapper-misuse", "sync_to_async", name);
    out.report(
      decorator,
      "AS403",
      `${name} is an async def: @sync_to_async over it raises TypeError when the module is imported ("sync_to_async can only be applied to sync functions"); drop the decorator`,
    );
  }
}

/**
 * `async_to_sync(f)(...)` called in `async def` (not in a nested def or lambda, which may run in a
 * thread): asgiref raises RuntimeError ("You cannot use AsyncToSync in the same thread as an
 * async event loop - just await the async function directly.").
 */
export function asyncToSyncInAsync(file: FileSemantics, out: Results): void {
  for (const call of file.callsTo([ASYNC_TO_SYNC])) {
    const fn = file.enclosingFunction(call);
    if (fn?.type !== "function_definition" || !isAsyncFunction(fn)) continue;
    // asgiref checks for a running loop when the wrapper is called, not when it is made.
    const outer = calledOnTheSpot(call);
    if (!outer) continue;
    const first = callArguments(call)[0];
    const suggestion =
      first && first.type !== "keyword_argument"
        ? `await ${first.text}${outer.childForFieldName("arguments")!.text}`
        : undefined;
    out.site(call, "wrapper-misuse", "async_to_sync", fn.childForFieldName("name")!.text);
    out.report(
      call,
      "AS404",
      'async_to_sync() inside async def raises RuntimeError ("You cannot use AsyncToSync in the same thread as an async event loop"): await the coroutine instead',
      suggestion,
    );
  }
}

/**
 * `asyncio.run` or `run_until_complete` in a sync def (a module-level function or a method of a
 * module-level class, an adapter such as `run_async(self, coro)`) that the project calls directly
 * from an `async def`: there a loop already runs, and both raise RuntimeError (so would
 * async_to_sync, the asyncio-run transform's rewrite, which therefore leaves it).
 */
export function asyncioRunOnLoop(file: FileSemantics, ctx: Context, out: Results): void {
  const index = ctx.project.index;
  if (!index || file.module === undefined) return;
  for (const call of loopStarters(file)) {
    const fn = file.enclosingFunction(call);
    if (fn?.type !== "function_definition" || isAsyncFunction(fn)) continue;
    if (runsOnlyWithoutLoop(call, fn)) continue;
    const indexed = file.module && indexedFunctionOf(index, file.module, fn);
    if (!indexed) continue;
    const callers = loopCallsOf(index, indexed).filter(
      (c) =>
        bindsHere(index, indexed, c.call) &&
        (c.call.path !== indexed.path || calledBare(file, indexed, c.call)),
    );
    if (callers.length === 0) continue;
    const [{ call: first, caller }] = callers;
    const name = indexedName(indexed);
    const starter = call.childForFieldName("function")!.text.replace(/\s+/g, "");
    const more = callers.length > 1 ? ` (and ${callers.length - 1} more)` : "";
    out.site(call, "wrapper-misuse", "asyncio.run", name);
    out.report(
      call,
      "AS405",
      `${name}() runs ${starter}() and is called on the event loop by async def ${indexedName(caller)} (${first.path}:${first.line}, as ${first.callee}())${more}: there ${starter}() raises RuntimeError (a loop is already running), and so would async_to_sync(); make ${indexed.name} async and await it, or call it through sync_to_async() or asyncio.to_thread()`,
    );
  }
}

/**
 * A caller in another file names the function only if its module imports it (or its module):
 * `select(WorkflowRun)` after `from sqlalchemy import select`, or `x.get_locator().hover()` (which
 * the index keeps as `hover`), is not skyvern's typer command `select`/`hover` (hazard-review-7
 * Y7). An index without imports (made by hand) is taken as it is.
 */
function bindsHere(index: ProjectIndex, fn: IndexedFunction, call: IndexedCall): boolean {
  const imports = index.modules?.[call.path]?.imports;
  if (fn.className || call.path === fn.path || !imports) return true;
  const module = dottedName(fn.module);
  // Through a parent package's re-export too (`from app.cli import select`).
  const reexported = (i: string) =>
    i.endsWith(`.${fn.name}`) && module.startsWith(`${i.slice(0, -fn.name.length - 1)}.`);
  return imports.some(
    (i) => i === `${module}.${fn.name}` || i === `${module}.*` || i === module || reexported(i),
  );
}

/**
 * A caller in this file calls the function by its own name on that line (`evaluate(...)`), not a
 * method of that name on a value the index keeps as a bare name (`page.locator(s).evaluate()`:
 * hazard-review-7 Y7b, skyvern's `evaluate` command).
 */
function calledBare(file: FileSemantics, fn: IndexedFunction, call: IndexedCall): boolean {
  if (fn.className || call.callee !== fn.name) return true;
  return file.root.descendantsOfType("call").some((c) => {
    const callee = c.childForFieldName("function");
    return (
      c.startPosition.row + 1 === call.line &&
      callee?.type === "identifier" &&
      callee.text === fn.name
    );
  });
}

/** The calls that start an event loop: `asyncio.run(...)` and `<loop>.run_until_complete(...)`. */
function loopStarters(file: FileSemantics): SyntaxNode[] {
  const runs = file.callsTo(["asyncio.run"]);
  const untilComplete = file.source.includes("run_until_complete")
    ? file.root.descendantsOfType("call").filter((c) => {
        const callee = c.childForFieldName("function");
        return (
          callee?.type === "attribute" &&
          callee.childForFieldName("attribute")?.text === "run_until_complete"
        );
      })
    : [];
  return [...runs, ...untilComplete];
}
