import { callsByLastName } from "../../src/python/lookup.js";
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
