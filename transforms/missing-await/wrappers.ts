import { lastSegment } from "../../src/python/lookup.js";
import { callArguments } from "../../src/python/calls.js";
import { functionsNamed } from "../../src/project/index-lookup.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import type {
  Context,
  FileSemantics,
  IndexedCall,
  IndexedFunction,
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

/** `Class.method` or `function`, as the index names the def holding a call. */
function indexedName(f: IndexedFunction): string {
  return f.className ? `${f.className}.${f.name}` : f.name;
}

/** Calls of `fn` (by a bare name or through its module's name) made directly in an `async def`. */
function callsFromAsync(ctx: Context, fn: IndexedFunction): [IndexedCall, IndexedFunction][] {
  const index = ctx.project.index!;
  const moduleName = lastSegment(fn.module);
  const found: [IndexedCall, IndexedFunction][] = [];
  for (const call of index.calls) {
    if (call.awaited || call.within === undefined) continue;
    if (call.callee !== fn.name && call.callee !== `${moduleName}.${fn.name}`) continue;
    const caller = index.functions.find(
      (f) => f.path === call.path && indexedName(f) === call.within,
    );
    if (caller?.async) found.push([call, caller]);
  }
  return found;
}

/**
 * `asyncio.run` in a module-level sync def that the project calls directly from an `async def`:
 * there a loop already runs, and asyncio.run raises RuntimeError (so would async_to_sync, the
 * asyncio-run transform's rewrite). The function's name must be the project's only function of
 * that name, so that the calls found are calls of it.
 */
export function asyncioRunOnLoop(file: FileSemantics, ctx: Context, out: Results): void {
  const index = ctx.project.index;
  if (!index || file.module === undefined) return;
  for (const call of file.callsTo(["asyncio.run"])) {
    const fn = file.enclosingFunction(call);
    if (fn?.type !== "function_definition" || isAsyncFunction(fn)) continue;
    if (fn.parent?.type !== "module" && fn.parent?.parent?.type !== "module") continue;
    const name = fn.childForFieldName("name")!.text;
    const named = functionsNamed(index, name);
    if (named.length !== 1 || named[0].module !== file.module || named[0].className) continue;
    const callers = callsFromAsync(ctx, named[0]);
    if (callers.length === 0) continue;
    const [first, caller] = callers[0];
    const more = callers.length > 1 ? ` (and ${callers.length - 1} more)` : "";
    out.site(call, "wrapper-misuse", "asyncio.run", name);
    out.report(
      call,
      "AS405",
      `${name}() runs asyncio.run() and is called on the event loop by async def ${indexedName(caller)} (${first.path}:${first.line})${more}: there asyncio.run() raises RuntimeError (a loop is already running), and so would async_to_sync(); make ${name} async and await it, or call it through sync_to_async()`,
    );
  }
}
