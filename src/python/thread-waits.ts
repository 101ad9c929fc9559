/*
 * Thread primitives and the calls that wait on them: on the event loop's thread such a wait
 * stops every task until another thread releases it, and for ever if only a task would. One
 * table for to-thread's unwrap check (a callee that waits cannot run on the loop) and
 * blocking-calls (a wait written in `async def`, hazard-review-4 K8).
 */

/** A pool of worker threads or processes, and what the code can do with it. */
interface WorkerPool {
  /**
   * `concurrent.futures`': `submit(fn)` calls `fn` in a worker and gives a Future, and
   * `shutdown()` and the end of a `with` block wait for every task (`shutdown(wait=True)`).
   * `multiprocessing`'s pools end a `with` block in `terminate()`, which stops the workers and
   * joins its handler threads: a wait too, but not for the tasks.
   */
  futures: boolean;
  /**
   * The class under the submodule that defines it (`concurrent.futures.thread.ThreadPoolExecutor`):
   * the same class as the package exports, under the name few write. Read where a use of that
   * spelling was met (to-thread's submits, blocking-calls' helpers); the other readers ask the
   * package's name only.
   */
  submodule?: true;
}

/** The pools of worker threads and processes, by qualified name. */
const WORKER_POOLS: Readonly<Record<string, WorkerPool>> = {
  "concurrent.futures.ThreadPoolExecutor": { futures: true },
  "concurrent.futures.ProcessPoolExecutor": { futures: true },
  "concurrent.futures.thread.ThreadPoolExecutor": { futures: true, submodule: true },
  "concurrent.futures.process.ProcessPoolExecutor": { futures: true, submodule: true },
  "multiprocessing.Pool": { futures: false },
  "multiprocessing.pool.ThreadPool": { futures: false },
};

/**
 * The pools a reader asks for: concurrent.futures' only (whose `submit` gives a Future and whose
 * `with` exit waits for every task) or multiprocessing's too, and whether spelled through their
 * defining submodule too.
 */
export function workerPools(which: {
  onlyFutures: boolean;
  submodules: boolean;
}): ReadonlySet<string> {
  return new Set(
    Object.entries(WORKER_POOLS)
      .filter(
        ([, pool]) => (!which.onlyFutures || pool.futures) && (which.submodules || !pool.submodule),
      )
      .map(([name]) => name),
  );
}

/**
 * concurrent.futures' pools as the package names them: `shutdown()` and a `with` exit join, and
 * `map()`'s results wait for each task as they are read (hazard-review-9 Z24: `list(pool.map(f,
 * xs))`; a map not read waits for nothing, but it is made to be read).
 */
const FUTURES_POOL_WAITS = Object.fromEntries(
  [...workerPools({ onlyFutures: true, submodules: false })].map((pool) => [
    pool,
    ["shutdown", "with", "map"],
  ]),
);

/** The calls of pymilvus's client that wait on its server (see the table below). */
const MILVUS_CLIENT_CALLS = [
  "close",
  "create_collection",
  "drop_collection",
  "has_collection",
  "insert",
  "upsert",
  "delete",
  "get",
  "query",
  "search",
  "flush",
  "load_collection",
  "release_collection",
  "create_index",
] as const;

/** The methods that wait, by what makes the value (`with` for entering it). */
export const THREAD_WAITS_BY_CLASS: Readonly<Record<string, readonly string[]>> = {
  "threading.Event": ["wait"],
  "threading.Condition": ["wait", "wait_for", "with", "acquire"],
  "threading.Barrier": ["wait"],
  "threading.Lock": ["acquire", "with"],
  "threading.RLock": ["acquire", "with"],
  "threading.Semaphore": ["acquire", "with"],
  "threading.BoundedSemaphore": ["acquire", "with"],
  "threading.Thread": ["join"],
  // A Timer is a Thread (hazard-review-9 Z25).
  "threading.Timer": ["join"],
  "queue.Queue": ["get", "put", "join"],
  "queue.LifoQueue": ["get", "put", "join"],
  "queue.PriorityQueue": ["get", "put", "join"],
  "queue.SimpleQueue": ["get"],
  "multiprocessing.Queue": ["get", "put"],
  "multiprocessing.Event": ["wait"],
  // A process-shared lock waits as a thread's does, for another process too (hazard-review-7 Y13).
  "multiprocessing.Lock": ["acquire", "with"],
  "multiprocessing.RLock": ["acquire", "with"],
  "multiprocessing.Semaphore": ["acquire", "with"],
  "multiprocessing.BoundedSemaphore": ["acquire", "with"],
  "multiprocessing.Condition": ["wait", "wait_for", "with", "acquire"],
  "multiprocessing.Barrier": ["wait"],
  // `asyncio.run_coroutine_threadsafe(coro, loop)` gives a concurrent.futures.Future.
  "asyncio.run_coroutine_threadsafe": ["result"],
  "concurrent.futures.Future": ["result", "exception"],
  // `shutdown()` (wait=True by default) and the end of a `with` block join the pool's workers
  // (hazard-review-6 V6: xinference's ProcessPoolExecutor shut down on the loop).
  ...FUTURES_POOL_WAITS,
  // Installed libraries' locks, which wait as a thread's do, for another process or client too:
  // a file lock (portalocker, filelock, fasteners) or a Redis lock polls with time.sleep until
  // the holder lets go (hazard-review-8 Y21: crewAI's lock store, reached from a flow's
  // persistence, was unwrapped as "library code not read").
  "portalocker.Lock": ["acquire", "with"],
  "portalocker.RLock": ["acquire", "with"],
  "portalocker.RedisLock": ["acquire", "with"],
  "portalocker.BoundedSemaphore": ["acquire", "with"],
  "filelock.FileLock": ["acquire", "with"],
  "filelock.SoftFileLock": ["acquire", "with"],
  "fasteners.InterProcessLock": ["acquire", "with"],
  "redis.lock.Lock": ["acquire", "with"],
  // A connection pool's `getconn` (and `connection()`) waits for another thread to give one
  // back; `close()` and a `with` block's end join its worker threads (Y22).
  "psycopg_pool.ConnectionPool": ["getconn", "connection", "wait", "close", "with"],
  // OpenTelemetry's SDK: a batch span processor's shutdown and flush join its export thread (up
  // to 30 s), as the tracer provider's do through it (hazard-review-9 Z21, phoenix e904911122).
  "opentelemetry.sdk.trace.TracerProvider": ["shutdown", "force_flush"],
  "opentelemetry.sdk.trace.export.BatchSpanProcessor": ["shutdown", "force_flush"],
  // pymilvus's client on a local file (`MilvusClient("./x.db")`) starts milvus-lite's server in
  // the process: each call waits on its server threads, `close()` takes its ServerManager lock
  // (hazard-review-9 Z12, agentscope's Milvus store). A remote client's calls wait on gRPC's.
  "pymilvus.MilvusClient": [...MILVUS_CLIENT_CALLS],
  "pymilvus.milvus_client.MilvusClient": [...MILVUS_CLIENT_CALLS],
};

/** The top modules of the catalogue's classes: a file naming none of them makes none of them. */
export const THREAD_WAIT_MODULES: ReadonlySet<string> = new Set(
  Object.keys(THREAD_WAITS_BY_CLASS).map((name) => name.split(".")[0]),
);

/** Does `method` of a value made by `madeBy` wait on another thread? */
export function threadWait(madeBy: string | undefined, method: string): boolean {
  return madeBy !== undefined && (THREAD_WAITS_BY_CLASS[madeBy]?.includes(method) ?? false);
}

/**
 * Calls that keep a function to run it in another thread or later, not now: the function a
 * body hands them does not run on the caller's thread when the body does (`Thread(target=f)`,
 * `executor.submit(f)`, `loop.call_soon_threadsafe(f)`, `atexit.register(f)`). Any other call
 * given a function may call it there and then (`sorted(rows, key=f)`, `map(f, rows)`, a helper's
 * `fn(row)`), so its locks are the caller's.
 */
export const RUNS_LATER_FUNCTIONS: ReadonlySet<string> = new Set([
  "threading.Thread",
  "threading.Timer",
  "_thread.start_new_thread",
  "multiprocessing.Process",
  "atexit.register",
  "signal.signal",
  "weakref.finalize",
  "weakref.ref",
  "functools.partial",
  "functools.wraps",
  "functools.update_wrapper",
  "asyncio.to_thread",
  "asyncio.create_task",
  "asyncio.ensure_future",
]);

/** The same by method name, whatever the receiver (an executor's, a loop's, a signal's). */
export const RUNS_LATER_METHODS: ReadonlySet<string> = new Set([
  "submit",
  "run_in_executor",
  "add_done_callback",
  "call_soon",
  "call_soon_threadsafe",
  "call_later",
  "call_at",
  "apply_async",
  "map_async",
  "starmap_async",
  "register",
  "connect",
  "add_listener",
  "add_job",
  "create_task",
]);

/** Module functions that wait for other threads' futures (the loop stops until they finish). */
export const FUTURE_WAITS: ReadonlySet<string> = new Set([
  "concurrent.futures.wait",
  "concurrent.futures.as_completed",
]);
