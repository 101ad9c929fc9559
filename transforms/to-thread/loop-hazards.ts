/**
 * Can a function run on the event loop's thread? Unwrapping `await asyncio.to_thread(fn, a)` to
 * `fn(a)` runs `fn` there: a body that starts an event loop (`asyncio.run`, `async_to_sync`)
 * raises RuntimeError, one that waits for the running loop (`run_coroutine_threadsafe(...,
 * loop).result()`) or for another thread (an Event, a Queue, a Lock) waits for ever or stops
 * every task. The check reads facts only (the calls a body makes), so a project index can
 * answer for functions of other files with the same facts.
 */

import { isAsyncUnsafeConnectionCall } from "../../src/django/connection-api.js";
import { blockingCall, blockingMethod } from "../../src/python/effects.js";
import { loopRefusingCall } from "../../src/python/loop-refusing.js";
import { THREAD_WAITS_BY_CLASS } from "../../src/python/thread-waits.js";

/** The key of a function of another module, by its absolute dotted name: `py:app.locks.guarded`. */
export const PROJECT_KEY = "py:";

/** One call (or `with` of a lock) in a function body, as a project index can store it. */
export interface CallFact {
  /** The callee as written: `ready.wait`, `self.execute`. */
  text: string;
  /** The callee's qualified name through the imports (`asyncio.run`), when it has one. */
  qualified?: string;
  /** For `x.m(...)`, `m`; `with` for `with x:`. */
  method?: string;
  /** What made the receiver `x`, when the file says (`threading.Event` for `ready = threading.Event()`). */
  receiverMadeBy?: string;
  /** A function the call reaches whose facts `FunctionLookup` can give. */
  reaches?: string;
  /** 1-based line of the call. */
  line?: number;
  /**
   * The receiver is an object the instance holds whose class the check does not read (an
   * element of `self._backends`, a class of this file inheriting the method): like
   * `self._dispatcher.apply`, not followed, so not proven.
   */
  collaborator?: true;
  /**
   * Other project functions the call may run: a subclass's override of the method `reaches`
   * names, or, for a receiver of no known class, every project method of that name.
   */
  alternatives?: string[];
  /**
   * `with x:` (or `enter_context(x)`) of a value whose class the check cannot tell where it is
   * made: a lock, perhaps (hazard-review-7 Y15).
   */
  unknownEntered?: true;
  /** The callee is looked up by name at run time (`getattr(self, name)`): any method (Y18e). */
  runTimeLookup?: string;
  /** The receiver is annotated with this project Protocol; `alternatives` are its implementers. */
  protocol?: string;
  /** `next(it)` of an iterator made out of sight: a body the check cannot read (V5). */
  unknownStep?: true;
  /** The alternatives are the project's methods of that name: the receiver's class is unknown. */
  namesakes?: true;
  /** There are more of those than the check reads: none was read (hazard-review-9 Z7). */
  namesakesUnread?: true;
  /**
   * Why the alternatives may run, when neither overrides nor namesakes: the methods
   * `getattr(self, name)` may pick (dispatch.ts), a class one branch assigns the receiver.
   */
  maybeWhy?: string;
}

export interface FunctionFacts {
  /** The name a message gives the function: `start_client`, `Runner.execute`. */
  name: string;
  calls: CallFact[];
  /** The file holding the function, as the run names it. */
  path?: string;
  /** A package's re-export of a function defined elsewhere: followed, never named in a message. */
  hop?: true;
  /** 1-based line of the def. */
  line?: number;
  /**
   * An `async def`: a call from sync code makes a coroutine and runs none of its body, which
   * only an await (in another `async def`) or a loop runner (a hazard itself) would run.
   */
  async?: true;
}

/** The functions a check has walked into, with the smallest depth it reached each at. */
export type Seen = Map<string, number>;

/** The facts of a function by the key a CallFact's `reaches` holds (same file now, a project index later). */
export type FunctionLookup = (key: string) => FunctionFacts | undefined;

export interface LoopHazard {
  /** What the call does, for "cannot unwrap: fn ...". */
  reason: string;
  /** The functions through which it is reached, outermost first (empty for the callee itself). */
  via: string[];
  /** Where the call is: the function's file and the call's line. */
  path?: string;
  line?: number;
  /**
   * The other function the call may run through which it is reached (the outermost): an
   * override, or a project method of that name when the receiver's class is unknown.
   */
  /**
   * A project method of that name whose receiver's class is unknown (a namesake) is on the way:
   * a guess, which a hazard found on a known path beats (hazard-review-6 V12).
   */
  guess?: true;
  maybe?: {
    name: string;
    call: string;
    namesake: boolean;
    why?: string;
    path?: string;
    line?: number;
  };
}

/** concurrent.futures' waits for a pool's threads, as Thread.join waits for one. */
const THREAD_POOL_WAITS = new Set(["concurrent.futures.wait", "concurrent.futures.as_completed"]);

/** How many calls deep the check follows (the survey reads other files as deep). */
export const HAZARD_DEPTH = 5;

/** A name that says it holds a lock: `generation_lock`, `self._mutex`, `pool_semaphore`. */
export const LOCK_NAME = /(^|[._])\w*(lock|mutex|semaphore)$/i;

const STARTS_A_LOOP: Record<string, string> = {
  "asyncio.run": "asyncio.run()",
  "asgiref.sync.async_to_sync": "async_to_sync()",
};

/** Thread primitives and the methods that wait on them, by what makes them. */
const WAITS = THREAD_WAITS_BY_CLASS;

/**
 * `GithubConfig.objects.filter(...)`, `Note._default_manager.get(...)`: a Django manager's method,
 * the start of an ORM query. Run on the loop's thread (an unwrap), Django refuses every query with
 * SynchronousOnlyOperation (hazard-review-3 H3: khoj's `configure_content`, whose indexing then
 * silently did nothing). A manager method that only builds a queryset counts too: such a function
 * has no reason to leave the thread it was given.
 */
const DJANGO_MANAGER_CALL = /(^|\.)(objects|_default_manager|_base_manager)\.\w+$/;

/** Why this one call cannot run on the event loop's thread, if it cannot. */
export function callHazard(call: CallFact): string | undefined {
  if (DJANGO_MANAGER_CALL.test(call.text.replace(/\s+/g, "")))
    return `calls ${call.text.replace(/\s+/g, "")}(), a Django ORM query, which raises SynchronousOnlyOperation on the event loop's thread`;
  if (isAsyncUnsafeConnectionCall(call.qualified, call.receiverMadeBy, call.method))
    return `calls ${call.text.replace(/\s+/g, "")}(), Django's database connection API, which raises SynchronousOnlyOperation on the event loop's thread`;
  const starts = call.qualified ? STARTS_A_LOOP[call.qualified] : undefined;
  if (starts)
    return `calls ${starts}, which raises RuntimeError in a thread whose event loop is running`;
  if (call.method === "run_until_complete")
    return `calls ${call.text}(), which raises RuntimeError in a thread whose event loop is running`;
  if (call.qualified === "asyncio.run_coroutine_threadsafe")
    return "hands a coroutine to an event loop with asyncio.run_coroutine_threadsafe() to wait for it: on the running loop's own thread that loop cannot run it, and the wait never ends";
  if (call.qualified && THREAD_POOL_WAITS.has(call.qualified))
    return `calls ${call.qualified}(), a wait on other threads' work: the event loop stops until they finish`;
  const refusing =
    loopRefusingCall(call.qualified) ??
    (call.receiverMadeBy && call.method
      ? loopRefusingCall(`${call.receiverMadeBy}.${call.method}`)
      : undefined);
  if (refusing) return refusing;
  if (call.qualified === "time.sleep")
    return "calls time.sleep(), which stops the event loop and every task while it sleeps";
  // `with REGISTRY_LOCK:` imported from a project module is read there (what made it), not named.
  const readThere = call.method === "with" && call.reaches?.endsWith(".__enter__");
  if (!call.receiverMadeBy && !readThere && lockByName(call)) {
    const what = call.method === "with" ? `enters ${entered(call.text)}` : `calls ${call.text}()`;
    return `${what}, a wait on what its name says is a lock (what makes it is not visible here): the event loop stops until another thread releases it`;
  }
  if (call.runTimeLookup)
    return `calls ${call.text}(), a function looked up by name at run time (${call.runTimeLookup}): any method of the class or of a subclass, whose code the check cannot read, so whether it takes a lock, waits on another thread or starts an event loop is not known`;
  if (call.unknownStep) return unknownStepReason(call.text.replace(/\.__next__$/, ""));
  if (call.unknownEntered)
    return `enters ${entered(call.text)}, a value whose class the check cannot tell from where it is made (a lock, perhaps: entering one on the loop's thread stops the event loop until another thread releases it)`;
  // `x.acquire()` of a value of no known class: by its name a lock's or a semaphore's wait.
  if (call.method === "acquire" && !call.receiverMadeBy && !call.qualified && !call.reaches)
    return `calls ${call.text}(), by its name a wait on a lock or a semaphore (the class of the value is not known here): the event loop stops until another thread releases it`;
  const waits = call.receiverMadeBy ? WAITS[call.receiverMadeBy] : undefined;
  if (waits && call.method && waits.includes(call.method)) {
    const what = call.method === "with" ? `enters ${entered(call.text)}` : `calls ${call.text}()`;
    // A pool's `with` exit and `shutdown()` join its workers (hazard-review-6 V6).
    const made = call.receiverMadeBy!;
    if (call.method === "map")
      return `${what}, whose results wait for a ${made}'s tasks as they are read: the event loop stops until they finish`;
    if (
      /Executor$/.test(made) ||
      (made === CONNECTION_POOL && ["close", "with"].includes(call.method))
    )
      return `${what}, ${call.method === "with" ? "whose exit" : "which"} waits for a ${made}'s workers to finish: the event loop stops until they do`;
    if (made === CONNECTION_POOL)
      return `${what}, which waits for a ${made}'s connection that another thread gives back: the event loop stops until one does`;
    if (made.endsWith(".MilvusClient"))
      return `${what}, which waits on a ${made}'s server (for a local file, milvus-lite's, run in this process on threads of its own and under a lock; else one reached over gRPC): the event loop stops until it answers`;
    const holder = PROCESS_LOCKS.test(made)
      ? "its holder, another process or thread,"
      : "another thread";
    return `${what}, a wait on a ${made}: the event loop stops until ${holder} releases it, and for ever if only a task would`;
  }
  return undefined;
}

/** `with portalocker.RedisLock(\n channel=...,\n)`: a call written over lines, named by its callee. */
function entered(text: string): string {
  return text.includes("\n") ? text.replace(/\(.*$/s, "(...)") : text;
}

/** Locks a file or a server holds for other processes too. */
const PROCESS_LOCKS = /^(portalocker|filelock|fasteners|redis)\./;

/** psycopg's pool: `close()` joins its workers, `getconn()` waits for a connection back. */
const CONNECTION_POOL = "psycopg_pool.ConnectionPool";

/** Why stepping `it`, made where the check cannot see, cannot be unwrapped. */
export function unknownStepReason(it: string): string {
  return `calls next() on ${it}, made where the check cannot see (a parameter, a queue's item): the generator body it steps runs on the loop's thread, and the check could not read it to tell whether it waits on another thread (a stream a generation thread fills) or takes a lock`;
}

/** How a check walks: who is told of unread calls, and whether blocking I/O counts. */
export interface HazardWalk {
  /**
   * Told of each call reaching a function whose facts the lookup does not have, or (`deep`) one
   * lying deeper than the check follows.
   */
  notRead?: (call: CallFact, deep?: boolean) => void;
  /**
   * Blocking I/O counts as a hazard too: in a method that may be the one the site's receiver
   * of unknown class runs, which the unwrap would put on the loop unseen (issue 27, item 3).
   * Deeper, a namesake refuses only for what cannot run on the loop at all (a lock, a wait, a
   * sleep, a loop): blocking I/O there is what the known callee's own would be, an AS302.
   */
  blockingIo?: boolean;
  /** The walk is inside a namesake: another call's namesakes are not read there. */
  inNamesake?: boolean;
  /** The walk starts at the site's own call, whose receiver's class is unknown. */
  atSite?: boolean;
  /** What each namesake's walk found, once per check: namesakes of namesakes multiply. */
  namesakes?: Map<string, LoopHazard | null>;
}

/** The first call that cannot run on the loop, in `facts` or in the functions its calls reach. */
export function loopHazard(
  facts: FunctionFacts,
  lookup: FunctionLookup,
  seen: Seen = new Map(),
  depth = 0,
  walk: HazardWalk = {},
): LoopHazard | undefined {
  if (!walk.namesakes) walk = { ...walk, namesakes: new Map() };
  const notRead = walk.notRead ?? (() => {});
  for (const call of facts.calls) {
    const reason = callHazard(call) ?? (walk.blockingIo ? blockingIo(call) : undefined);
    // A method picked by name that cannot run on the loop is named, not only "not known" (Y18f).
    const picked = reason && call.runTimeLookup && depth < HAZARD_DEPTH;
    const async = facts.async === true;
    const named = picked ? reachedHazard(call, lookup, seen, depth, walk, async) : undefined;
    if (named) return named;
    if (reason) return { reason, via: [], path: facts.path, line: call.line };
    if (isCollaboratorCall(call)) notRead(call);
  }
  // A few calls deep: far enough for helpers and a framework's layers, not a whole-program walk.
  if (depth >= HAZARD_DEPTH) {
    for (const call of facts.calls)
      if (call.reaches && !seen.has(call.reaches)) notRead(call, true);
    return undefined;
  }
  // A hazard on the call's own path beats one a namesake may run: the message names what runs
  // (bisheng's Milvus lock, not an unrelated class's `delete` for an Elasticsearch client's).
  let guess: LoopHazard | undefined;
  for (const call of facts.calls) {
    const found = reachedHazard(call, lookup, seen, depth, walk, facts.async === true);
    if (found && !found.guess) return found;
    guess ??= found;
  }
  return guess;
}

/** The first hazard in the functions one call reaches: its callee, then each alternative. */
function reachedHazard(
  call: CallFact,
  lookup: FunctionLookup,
  seen: Seen,
  depth: number,
  walk: HazardWalk,
  /** The call is in an `async def`, where it may be awaited. */
  inAsync: boolean,
): LoopHazard | undefined {
  // Inside a namesake, another call's namesakes are not read: a guess on a guess says nothing.
  const guess = call.namesakes && walk.inNamesake;
  const keys = [call.reaches, ...(guess ? [] : (call.alternatives ?? []))];
  // A hazard only a namesake shows waits for one another override or the callee shows for sure.
  let guessed: LoopHazard | undefined;
  for (const [k, key] of keys.entries()) {
    // Read again only where reached higher up: from there it is followed deeper (bisheng's
    // Milvus constructor, first met below an embedding helper, too deep to read its lock).
    if (!key || (seen.get(key) ?? Infinity) <= depth) continue;
    // Only a namesake that cannot run on the loop counts: what it does not read says nothing of
    // the call, whose receiver may be of another class (a dict's `get`). It is walked apart, so
    // what it reaches is not thereby taken as read on the call's own path.
    const namesake = k > 0 && call.namesakes === true;
    if (!namesake) seen.set(key, depth);
    const callee = lookup(key);
    // Called from sync code, an `async def` runs nothing: what its body reaches is not reached
    // (crewAI's `run_async`, named as the way to a thread's join that the call never makes).
    if (callee?.async && !inAsync) continue;
    // An alternative not read leaves the call unproven, as its own callee would.
    if (!callee && !namesake) walk.notRead?.(k === 0 ? call : { ...call, reaches: key });
    const inner =
      callee &&
      (namesake
        ? namesakeHazard(key, callee, lookup, seen, depth, walk)
        : loopHazard(callee, lookup, seen, callee.hop ? depth : depth + 1, walk));
    if (!inner) continue;
    const via = callee.hop ? inner.via : [callee.name, ...inner.via];
    const found = k === 0 ? { ...inner, via } : { ...inner, via, maybe: maybeOf(call, callee) };
    if (namesake) found.guess = true;
    if (!found.guess) return found;
    guessed ??= found;
  }
  return guessed;
}

/** The alternative a hazard is reached through, for the message (`maybeRuns`). */
function maybeOf(call: CallFact, callee: FunctionFacts): NonNullable<LoopHazard["maybe"]> {
  return {
    name: callee.name,
    call: call.text,
    namesake: call.namesakes === true,
    ...(call.maybeWhy ? { why: call.maybeWhy } : {}),
    ...(callee.path ? { path: callee.path } : {}),
    ...(callee.line ? { line: callee.line } : {}),
  };
}

/** A namesake's hazard (blocking I/O included at the site), walked once per check. */
function namesakeHazard(
  key: string,
  callee: FunctionFacts,
  lookup: FunctionLookup,
  seen: Seen,
  depth: number,
  walk: HazardWalk,
): LoopHazard | undefined {
  const memo = walk.namesakes!;
  const atSite = walk.atSite === true && depth === 0;
  const memoKey = `${key}@${atSite}`;
  if (!memo.has(memoKey)) {
    // What a namesake reaches and cannot read is said too: it may be what runs (hazard-review-6
    // V1, mem0's `Mem0ServiceClient.store_memory`, whose `self.mem0.add()` takes a lock).
    const apart: HazardWalk = {
      blockingIo: atSite,
      inNamesake: true,
      namesakes: memo,
      ...(walk.notRead ? { notRead: walk.notRead } : {}),
    };
    memo.set(memoKey, null);
    const found = loopHazard(callee, lookup, new Map([...seen, [key, depth]]), depth + 1, apart);
    memo.set(memoKey, found ?? null);
  }
  return memo.get(memoKey) ?? undefined;
}

/**
 * Blocking I/O the effects catalogue knows (`requests.get`, `subprocess.run`, `open`, a sync
 * redis client's method): where a method may be the one that runs, it counts against an unwrap.
 */
function blockingIo(call: CallFact): string | undefined {
  const direct = call.qualified ? blockingCall(call.qualified) : undefined;
  if (direct && !direct.constructs)
    return `calls ${call.qualified}(), blocking ${direct.family} I/O`;
  if (call.text === "open" && !call.qualified && !call.reaches)
    return "calls open(), blocking file I/O";
  const method = call.method ? blockingMethod(call.receiverMadeBy, call.method) : undefined;
  return method
    ? `calls ${call.text}() on ${method.what}, blocking ${method.family} I/O`
    : undefined;
}

/** `with generation_lock:` or `shared.generation_lock.acquire()`: a lock by its name. */
function lockByName(call: CallFact): boolean {
  const receiver = call.method === "with" ? call.text : call.text.replace(/\.acquire$/, "");
  if (call.method !== "with" && !call.text.endsWith(".acquire")) return false;
  // asyncio's locks are awaited, never entered or acquired by sync code: a sync body's is threading's.
  return LOCK_NAME.test(receiver);
}

/**
 * `self._dispatcher.apply(flow)`: a method of an object the instance was given, which the check
 * cannot follow (its class is not written at the call); it may take a lock where it is defined.
 */
export function isCollaboratorCall(call: CallFact): boolean {
  if (call.collaborator && !call.reaches) return true;
  return (
    call.method !== undefined &&
    call.method !== "with" &&
    !call.reaches &&
    !call.receiverMadeBy &&
    !call.qualified &&
    // `self._client.chat.completions.create`: deeper in the object, as unread (Y21: an
    // instructor client's call, taken as known and clean behind a safe unwrap).
    /^self\.\w+(\.\w+)+$/.test(call.text)
  );
}
