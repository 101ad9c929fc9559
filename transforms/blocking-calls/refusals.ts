import { loopRefusalOfCall, loopRefusingRaise } from "../../src/python/loop-refusing.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { ArgumentGuard } from "./guards.js";

/*
 * Helpers that cannot run on the event loop's thread at all (AS319): a sync-to-async bridge
 * reached from `async def` through methods raises RuntimeError, or deadlocks, on every call
 * (hazard-review-5 J4: bisheng's `run_async_safe`). What refuses is src/python/loop-refusing.ts.
 */

/** A blocking call a helper makes: what it is, and where. */
export interface HelperBlock {
  /** `requests.get()`. */
  call: string;
  /** The file (root-relative; in another file than the site's) and line of the call. */
  path: string;
  line: number;
  /** The helpers between the one called and the blocking call: `wait_for_quota`. */
  via: string[];
  /**
   * The helper called returns early for these literal keys, before the blocking call (H6), or
   * blocks only when a parameter defaulting to None is given (K7).
   */
  unless?: ArgumentGuard;
  /**
   * Not a block but a failure: the call refuses a running loop (starts one of its own, waits on
   * it, or raises), and `call` says why (loop-refusing.ts). Preferred over any block.
   */
  refuses?: true;
  /**
   * A def on the path calls on under `try: ... except Exception:` (or RuntimeError, or bare):
   * `write_owner_tuple_sync() (app/owner.py:84)`. The refusal is swallowed there.
   */
  caught?: string;
  /**
   * The helper dispatches to this `async def` when a loop runs (`@async_dispatch(aapply)`):
   * called on the loop it returns that coroutine and blocks nothing, unless given `_sync=True`.
   */
  dispatches?: string;
  /**
   * The path runs through one of several implementations of an abstract method: `a
   * RedisRunCancellationManager, one of 2 classes implementing BaseRunCancellationManager.is_cancelled`.
   */
  implementation?: string;
  /**
   * The blocking call sits in a branch `if provider == "kuzu":` of the helper called (J7b): a
   * call passing another literal there never reaches it.
   */
  onlyWhen?: ArgumentGuard;
}

/**
 * `through user.access_check() -> run_async_safe(), it reaches raise RuntimeError ... (app/x.py:33)`:
 * the path from the call to what refuses the running loop.
 */
export function refusalSays(block: HelperBlock, sitePath: string): string {
  const where = sitePath.endsWith(block.path)
    ? `line ${block.line}`
    : `${block.path}:${block.line}`;
  const via = [...block.via].reverse();
  const path = via.length > 0 ? `through ${via.map((v) => `${v}()`).join(" -> ")}, ` : "";
  const caught = block.caught
    ? `; ${block.caught} catches the exception, so on the loop the work silently does not happen`
    : "";
  return `${path}it reaches ${block.call} (${where})${caught}`;
}

/** `except:`, `except Exception`, `except (RuntimeError, ValueError) as e`: what a refusal raises. */
const CATCHES = /^except\s*(?::|\(?[^:]*\b(?:Exception|BaseException|RuntimeError)\b)/;

/**
 * `write_owner_tuple_sync() (app/owner.py:84)` when `call` runs in the body of a `try` of `fn`
 * whose handlers catch a RuntimeError: where a refusal below it is swallowed.
 */
export function catchingTry(
  file: FileSemantics,
  call: SyntaxNode,
  fn: SyntaxNode,
): string | undefined {
  for (let at: SyntaxNode | null = call; at && at.id !== fn.id; at = at.parent) {
    const owner = at.parent;
    if (owner?.type !== "try_statement" || owner.childForFieldName("body")?.id !== at.id) continue;
    const handler = owner.namedChildren.find(
      (c) => c.type === "except_clause" && CATCHES.test(c.text),
    );
    if (handler)
      return `${fn.childForFieldName("name")!.text}() (${file.path}:${handler.startPosition.row + 1})`;
  }
  return undefined;
}

/** `RuntimeError` for `raise RuntimeError("...")`, else "an exception". */
function raisedName(raise: SyntaxNode): string {
  const value = raise.namedChildren[0];
  const name = value?.type === "call" ? value.childForFieldName("function") : value;
  return name?.type === "identifier" || name?.type === "attribute" ? name.text : "an exception";
}

/**
 * What in `fn` fails under a running loop (loop-refusing.ts): a call that starts or waits on a
 * loop, or a `raise` once one was found.
 */
export function refusalIn(
  file: FileSemantics,
  fn: SyntaxNode,
  calls: SyntaxNode[],
): HelperBlock | undefined {
  if (isAsyncFunction(fn)) return undefined;
  const raise = loopRefusingRaise(fn);
  const found = raise
    ? { at: raise, why: `raise ${raisedName(raise)}, which runs when an event loop is running` }
    : calls
        .map((call) => ({ at: call, why: loopRefusalOfCall(file, call, fn) }))
        .find((c) => c.why !== undefined);
  if (!found?.why) return undefined;
  const line = found.at.startPosition.row + 1;
  const caught = catchingTry(file, found.at, fn);
  return {
    call: found.why,
    path: file.path,
    line,
    via: [],
    refuses: true,
    ...(caught ? { caught } : {}),
  };
}
