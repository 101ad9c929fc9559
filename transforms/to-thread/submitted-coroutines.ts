import { callsByLastName } from "../../src/python/lookup.js";
import { workerPools } from "../../src/python/thread-waits.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { coroutineDef } from "./coroutine-target.js";
import type { FileScan } from "./proofs.js";
import type { SiteResults } from "./results.js";
import { plainCallText } from "./rewrite.js";
import { argumentsOf, isPositional, type Site, type Target } from "./sites.js";

/*
 * `executor.submit(self._get_all_from_vector_store, filters, limit)` where the method is an
 * `async def` (hazard-review-6 V18, mem0 d65a39c12^ `AsyncMemory.get_all`): the pool's thread
 * only calls it, which makes a coroutine; `future.result()` gives that coroutine unrun and the
 * body never runs. AS309's bug through a pool the code chose, which to-thread's sites (asyncio's
 * own wrappers) do not cover. Reported in both modes, never rewritten.
 */

/** concurrent.futures' pools, whose `submit(fn)` calls `fn` in a thread of theirs. */
const POOLS = workerPools({ onlyFutures: true, submodules: true });

/** Does the text hold a pool's submit (the cheap test before the parse)? */
export function mayHoldSubmit(source: string): boolean {
  return source.includes(".submit(");
}

/** AS309 for each `<pool>.submit(fn, ...)` whose `fn` is a project `async def`. */
export function submittedCoroutines(scan: FileScan, out: SiteResults): void {
  const { file } = scan;
  for (const call of callsByLastName(file.root, file.source, new Set(["submit"]))) {
    const callee = call.childForFieldName("function");
    const args = argumentsOf(call);
    const fn = args[0];
    if (callee?.type !== "attribute" || !fn || !isPositional(fn) || fn.type === "list_splat")
      continue;
    if (fn.type !== "identifier" && fn.type !== "attribute") continue;
    // A pool of concurrent.futures, known by what made it: another `submit` (an async worker
    // pool's, gradio's event) may take a coroutine function on purpose.
    const receiver = callee.childForFieldName("object")!;
    const pool = scan.functions.callFact(callee, call).receiverMadeBy ?? enteredAs(scan, receiver);
    if (!pool || !POOLS.has(pool)) continue;
    const site: Site = { kind: "executor", call, args, fnIndex: 0, gone: [] };
    const target: Target = { shape: "direct", fn };
    const found = coroutineDef(scan, site, target);
    if (!found) continue;
    const inAsync = scan.file.inAsyncContext(call);
    const fix = inAsync
      ? "await it directly, or start it as a task (asyncio.create_task) to run it beside other work"
      : `submit a sync function${found.syncTwin ? ` (${found.syncTwin})` : ""}, or run the coroutine on an event loop`;
    out.report(
      call,
      "AS309",
      `${callee.text}() of ${fn.text}, an async def (${found.where}): the pool's thread only makes the coroutine, and the future's result() is that coroutine unrun (never awaited), so ${found.name}'s body never runs; ${fix}`,
      inAsync ? `await ${plainCallText(site, target, fn.text)}` : undefined,
    );
  }
}

/** `with ThreadPoolExecutor() as executor:`: what made the value `executor` is bound to. */
function enteredAs(scan: FileScan, receiver: SyntaxNode): string | undefined {
  if (receiver.type !== "identifier") return undefined;
  const bindings = scan.file.visibleBindings(receiver, receiver.text);
  const target = bindings.length === 1 ? bindings[0].node.parent : null;
  const pattern = target?.type === "as_pattern_target" ? target.parent : null;
  const made = pattern?.type === "as_pattern" ? pattern.namedChildren[0] : null;
  const fn = made?.type === "call" ? made.childForFieldName("function") : null;
  return fn ? scan.file.qualifiedName(fn) : undefined;
}
