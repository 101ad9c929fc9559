import { FUTURE_WAITS, threadWait, workerPools } from "../../src/python/thread-waits.js";
import { blockingCall } from "../../src/python/effects.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { HelperBlock } from "./refusals.js";
import { blockingReceiverCall, madeByName, madeByValue } from "./receivers.js";

/*
 * The blocking calls a helper's walk stops at, written in the helper itself: the catalogue's
 * calls (effects.ts), a receiver's blocking method, waits on a thread pool.
 */

/** The blocking call itself, if this call is one (the catalogue of effects.ts). */
export function blocks(file: FileSemantics, call: SyntaxNode): HelperBlock | undefined {
  const callee = call.childForFieldName("function");
  if (!callee || (callee.type !== "identifier" && callee.type !== "attribute")) return undefined;
  const at = { path: file.path, line: call.startPosition.row + 1, via: [] };
  const qualified =
    callee.type === "identifier" && callee.text === "open" && file.isBuiltin("open", callee)
      ? "open"
      : file.qualifiedName(callee);
  const blocking =
    qualified === "time.sleep" ||
    qualified === "open" ||
    (qualified !== undefined && FUTURE_WAITS.has(qualified)) ||
    // A client's constructor does no I/O: a helper returning one blocks nothing by that.
    (blockingCall(qualified) !== undefined && !blockingCall(qualified)!.constructs) ||
    blockingReceiverCall(file, callee) !== undefined ||
    waitsOnPool(file, callee) ||
    waitsOnThread(file, callee);
  if (blocking) return { call: `${shortText(callee)}()`, ...at };
  // `with ThreadPoolExecutor(...) as ex:`: leaving the block waits for every task (J11).
  return poolEntered(file, call, qualified)
    ? {
        call: `${shortText(callee)}() as a with block, whose exit waits for the pool's tasks`,
        ...at,
      }
    : undefined;
}

/** `with ThreadPoolExecutor(max_workers=20) as executor:` (sync `with`): the exit joins the pool. */
function poolEntered(
  file: FileSemantics,
  call: SyntaxNode,
  qualified: string | undefined,
): boolean {
  if (!qualified || !POOLS.has(qualified)) return false;
  const item = call.parent?.type === "as_pattern" ? call.parent.parent : call.parent;
  const statement = item?.parent?.parent;
  return (
    item?.type === "with_item" &&
    statement?.type === "with_statement" &&
    !statement.text.startsWith("async")
  );
}

/** Every pool, multiprocessing's too: leaving its `with` block waits (thread-waits.ts). */
const POOLS = workerPools({ onlyFutures: false, submodules: true });

/** concurrent.futures' pools, whose `submit(...).result()` waits for the task. */
const FUTURES_POOLS = workerPools({ onlyFutures: true, submodules: false });

/**
 * `self._provider.shutdown()` on a value whose method waits for another thread (thread-waits.ts:
 * an OpenTelemetry provider joining its exporter, hazard-review-9 Z21; an Event's `wait()`).
 */
function waitsOnThread(file: FileSemantics, callee: SyntaxNode): boolean {
  if (callee.type !== "attribute") return false;
  const made = madeByValue(file, callee.childForFieldName("object")!, 0, {});
  return threadWait(made, callee.childForFieldName("attribute")!.text);
}

/** `_POOL.submit(runner).result()` on a ThreadPoolExecutor or ProcessPoolExecutor: a wait. */
function waitsOnPool(file: FileSemantics, callee: SyntaxNode): boolean {
  if (callee.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "result")
    return false;
  const submit = callee.childForFieldName("object");
  const fn = submit?.type === "call" ? submit.childForFieldName("function") : null;
  const pool = fn?.type === "attribute" ? fn.childForFieldName("object") : null;
  if (fn?.childForFieldName("attribute")?.text !== "submit" || pool?.type !== "identifier")
    return false;
  const made = madeByName(file, pool, 0);
  return made !== undefined && FUTURES_POOLS.has(made);
}

/** `_POOL.submit(runner).result` -> `_POOL.submit(...).result`: a callee as a message shows it. */
export function shortText(callee: SyntaxNode): string {
  return callee.text.replace(/\s+/g, "").replace(/\([^()]*(?:\([^()]*\)[^()]*)*\)/g, "(...)");
}
