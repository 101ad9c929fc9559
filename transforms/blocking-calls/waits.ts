import { FUTURE_WAITS } from "../../src/python/thread-waits.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import { threadWait, workerPools } from "../../src/python/thread-waits.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { madeByValue } from "./receivers.js";
import { selfAssignments, selfAttribute } from "./classes.js";

/*
 * Waits on other threads written in `async def` (hazard-review-4 K8, frigate's
 * `camera_ptz_info`): `asyncio.run_coroutine_threadsafe(coro, other_loop).result()`, a
 * `queue.Queue`'s `get()`, a `threading.Event`'s `wait()`, `with lock:` on a `threading.Lock`.
 * The loop stops until the other thread answers, and for ever when the answer needs a task of
 * this loop. The table is the one to-thread's unwrap check reads (src/python/thread-waits.ts).
 */

export interface ThreadWaitSite {
  node: SyntaxNode;
  message: string;
  suggestion?: string;
}

/** `get(block=False)`, `acquire(False)`, `wait(0)`, `result(timeout=0)`: no wait at all. */
function nonBlocking(call: SyntaxNode): boolean {
  for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
    const keyword = arg.type === "keyword_argument" ? arg.childForFieldName("name")?.text : "";
    const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
    // `shutdown(wait=False)` signals the pool and returns (hazard-review-6 V22).
    if (["block", "blocking", "wait"].includes(keyword ?? "") && value?.text === "False")
      return true;
    if ((keyword === "timeout" || keyword === "") && /^0(\.0*)?$/.test(value?.text ?? ""))
      return true;
    if (keyword === "" && value?.text === "False") return true;
  }
  return false;
}

/**
 * `while not q.empty(): q.get()` (or `if q.qsize(): ...`): a `get()` under a test that the same
 * queue holds an item returns it at once for its one consumer (hazard-review-5 J7c: bisheng's
 * `clear_stream_queue`). Only `get` is excused: a `put` or `join` may wait all the same.
 */
function drains(call: SyntaxNode, receiver: string, method: string): boolean {
  if (method !== "get") return false;
  const r = receiver.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const holds = new RegExp(
    `^(?:not\\s+${r}\\.empty\\(\\)|${r}\\.qsize\\(\\)(?:\\s*(?:>|!=)\\s*0)?)$`,
  );
  for (let at = call.parent; at && at.type !== "function_definition"; at = at.parent) {
    if (at.type !== "block") continue;
    const owner = at.parent;
    if (owner?.type !== "while_statement" && owner?.type !== "if_statement") continue;
    const test = owner.childForFieldName("condition")?.text.replace(/\s+/g, " ").trim();
    if (
      owner.childForFieldName("body")?.id !== at.id &&
      owner.childForFieldName("consequence")?.id !== at.id
    )
      continue;
    if (test && holds.test(test)) return true;
  }
  return false;
}

/**
 * `q = queue.Queue()` (no `maxsize`, or 0): `put()` never waits, it appends under the queue's
 * mutex (hazard-review-7 Y4, agno's event queue). Every binding of the name (or of `self.<x>`)
 * must be such a constructor.
 */
function unboundedQueue(file: FileSemantics, receiver: SyntaxNode): boolean {
  const values =
    receiver.type === "identifier" ? boundValues(file, receiver) : selfValues(file, receiver);
  return values.length > 0 && values.every((v) => unboundedConstructor(file, v));
}

/** The values of the nearest scope's plain assignments of a name (none if any other binding). */
function boundValues(file: FileSemantics, name: SyntaxNode): SyntaxNode[] {
  for (let scope = file.enclosingScope(name); ; scope = file.enclosingScope(scope)) {
    const bindings = scope.type === "class_definition" ? [] : file.bindingsNamed(scope, name.text);
    if (bindings.length > 0)
      return bindings.every((b) => b.node.parent?.type === "assignment")
        ? bindings.map((b) => b.node.parent!.childForFieldName("right")!).filter(Boolean)
        : [];
    if (scope.type === "module") return [];
  }
}

/** The values the class's methods assign to `self.<name>`. */
function selfValues(file: FileSemantics, node: SyntaxNode): SyntaxNode[] {
  const at = selfAttribute(node, file.enclosingFunction(node));
  return at ? selfAssignments(at.cls, at.name) : [];
}

const QUEUES = new Set([
  "queue.Queue",
  "queue.LifoQueue",
  "queue.PriorityQueue",
  "multiprocessing.Queue",
]);

/** `queue.Queue()`, `Queue(maxsize=0)`, `Queue(0)`: a queue without a bound. */
function unboundedConstructor(file: FileSemantics, value: SyntaxNode): boolean {
  const fn = value.type === "call" ? value.childForFieldName("function") : undefined;
  const qualified =
    fn && (fn.type === "identifier" || fn.type === "attribute")
      ? file.qualifiedName(fn)
      : undefined;
  if (!qualified || !QUEUES.has(qualified)) return false;
  const args = value.childForFieldName("arguments")?.namedChildren ?? [];
  return args.every((a) => {
    const keyword = a.type === "keyword_argument" ? a.childForFieldName("name")?.text : undefined;
    const bound = a.type === "keyword_argument" ? a.childForFieldName("value") : a;
    if (keyword !== undefined && keyword !== "maxsize") return true;
    return /^-?0$/.test(bound?.text ?? "");
  });
}

/** What the wait is and its usual async form, by what made the value. */
function advice(madeBy: string, receiver: string, method: string, argsText: string): string {
  const inner = argsText.slice(1, -1).trim();
  const args = inner ? `, ${inner}` : "";
  if (madeBy === "asyncio.run_coroutine_threadsafe" || madeBy === "concurrent.futures.Future")
    return `await asyncio.wrap_future(${receiver}), which waits without blocking the loop`;
  if (madeBy.startsWith("queue.") || madeBy === "multiprocessing.Queue")
    return `an asyncio.Queue if only tasks use it, else await asyncio.to_thread(${receiver}.${method}${args})`;
  if (method === "with")
    return `an asyncio.Lock if only tasks share it, else the work under the lock in await asyncio.to_thread(...)`;
  // `list(pool.map(f, xs))`: the map's results wait as they are read, wherever they are read.
  if (method === "map")
    return `await asyncio.gather(*(loop.run_in_executor(${receiver}, ...) for ...)), with loop = asyncio.get_running_loop()`;
  return `await asyncio.to_thread(${receiver}.${method}${args})${madeBy === "threading.Event" ? ", or an asyncio.Event if only tasks set it" : ""}`;
}

function messageOf(madeBy: string, receiver: string, method: string): string {
  const what =
    madeBy === "asyncio.run_coroutine_threadsafe"
      ? "a future of asyncio.run_coroutine_threadsafe() (another event loop's answer)"
      : `a ${madeBy}`;
  const wait = method === "with" ? `with ${receiver}:` : `${receiver}.${method}()`;
  return `${wait} in async def waits on ${what}: the event loop stops until another thread answers, and for ever if only a task of this loop would`;
}

/**
 * `future = executor.submit(...)` in `with ThreadPoolExecutor() as executor:`, its `result()` read
 * after the block: the block's exit joined the pool, the future is done and `result()` waits for
 * nothing (the exit is the wait, reported as such).
 */
function poolJoined(file: FileSemantics, future: SyntaxNode, call: SyntaxNode): boolean {
  if (future.type !== "identifier") return false;
  const bindings = file.visibleBindings(call, future.text);
  return (
    bindings.length > 0 &&
    bindings.every((b) => {
      let block: SyntaxNode | null = b.node.parent;
      while (block && block.type !== "with_statement") block = block.parent;
      const pooled = block?.descendantsOfType("with_item").some((item) => {
        const value = item.childForFieldName("value");
        const made = value?.type === "as_pattern" ? value.namedChildren[0] : value;
        const fn = made?.type === "call" ? made.childForFieldName("function") : null;
        return !!fn && POOLS.has(file.qualifiedName(fn) ?? "");
      });
      return pooled && (call.startIndex < block!.startIndex || call.startIndex >= block!.endIndex);
    })
  );
}

/** The waits on other threads written directly in `async def` bodies of the file. */
export function threadWaitSites(file: FileSemantics): ThreadWaitSite[] {
  const sites: ThreadWaitSite[] = [];
  for (const call of file.root.descendantsOfType("call")) {
    const callee = call.childForFieldName("function");
    if (callee?.type !== "attribute" || call.parent?.type === "await") continue;
    const fn = file.enclosingFunction(call);
    if (!fn || !isAsyncFunction(fn) || nonBlocking(call)) continue;
    const receiver = callee.childForFieldName("object")!;
    const method = callee.childForFieldName("attribute")!.text;
    const madeBy = madeByValue(file, receiver, 0, {});
    if (!madeBy || !threadWait(madeBy, method) || drains(call, receiver.text, method)) continue;
    if (method === "put" && unboundedQueue(file, receiver)) continue;
    if (madeBy === "concurrent.futures.Future" && poolJoined(file, receiver, call)) continue;
    const args = call.childForFieldName("arguments")?.text ?? "()";
    sites.push({
      node: call,
      message: `${messageOf(madeBy, receiver.text, method)}; use ${advice(madeBy, receiver.text, method, args)}`,
    });
  }
  sites.push(...poolWaitSites(file));
  for (const item of file.root.descendantsOfType("with_item")) {
    const value = item.childForFieldName("value");
    if (value?.type !== "identifier" && value?.type !== "attribute") continue;
    const fn = file.enclosingFunction(item);
    // `async with` enters an asyncio lock: no thread wait.
    const statement = item.parent?.parent;
    if (!fn || !isAsyncFunction(fn) || statement?.text.startsWith("async")) continue;
    const madeBy = madeByValue(file, value, 0, {});
    if (!madeBy || !threadWait(madeBy, "with")) continue;
    sites.push({
      node: item,
      message: `${messageOf(madeBy, value.text, "with")}; use ${advice(madeBy, value.text, "with", "")}`,
    });
  }
  return sites;
}

/** Executors whose `with` block exit joins every task (`shutdown(wait=True)`). */
const POOLS = workerPools({ onlyFutures: true, submodules: false });

/**
 * In `async def` (hazard-review-6 V18, mem0's `get_all`): `with ThreadPoolExecutor() as ex:` (a
 * sync `with`: its exit waits for every task) and `concurrent.futures.wait(...)` /
 * `as_completed(...)`, which wait for the pool's threads.
 */
function poolWaitSites(file: FileSemantics): ThreadWaitSite[] {
  const sites: ThreadWaitSite[] = [];
  if (!/\bconcurrent\b|\bThreadPoolExecutor\b|\bProcessPoolExecutor\b/.test(file.source))
    return sites;
  for (const call of file.root.descendantsOfType("call")) {
    const fn = file.enclosingFunction(call);
    const callee = call.childForFieldName("function");
    if (!fn || !isAsyncFunction(fn) || !callee) continue;
    if (callee.type !== "identifier" && callee.type !== "attribute") continue;
    const qualified = file.qualifiedName(callee);
    if (qualified && FUTURE_WAITS.has(qualified) && call.parent?.type !== "await")
      sites.push({
        node: call,
        message: `${callee.text}() in async def waits for other threads' futures: the event loop stops until they finish; use await asyncio.wait([asyncio.wrap_future(f) for f in ...]), or run the tasks with asyncio.to_thread and asyncio.gather`,
      });
    const item = call.parent?.type === "as_pattern" ? call.parent.parent : call.parent;
    const statement = item?.parent?.parent;
    if (
      qualified &&
      POOLS.has(qualified) &&
      item?.type === "with_item" &&
      statement?.type === "with_statement" &&
      !statement.text.startsWith("async")
    )
      sites.push({
        node: call,
        message: `with ${callee.text}(...) in async def: leaving the block waits for every task the pool runs (shutdown(wait=True)), and the event loop stops until they finish; run the tasks with asyncio.to_thread and asyncio.gather`,
      });
  }
  return sites;
}
