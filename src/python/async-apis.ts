/*
 * The real async API of a library call, where it is not an `a<name>` / `async_<name>` twin
 * (issue 27 item 4): asyncio's resolver for `socket.getaddrinfo`, an awaitable ray ObjectRef,
 * httpx's AsyncClient, LangChain's `ainvoke`. Advice for findings, never a twin template.
 */

/** Library functions whose async form lives elsewhere than an `async_<name>` twin. */
const ASYNC_API_OF_FUNCTION: ReadonlyMap<string, string> = new Map([
  [
    "socket.getaddrinfo",
    "asyncio has it: await loop.getaddrinfo(host, port, ...) on the running loop",
  ],
  ["socket.gethostbyname", "asyncio resolves names itself: await loop.getaddrinfo(host, None)"],
  [
    "ray.get",
    "a ray ObjectRef is awaitable: await the ref itself (await ref, or asyncio.gather(*refs))",
  ],
  ["ray.wait", "a ray ObjectRef is awaitable: await the refs with asyncio.wait(...) instead"],
]);

/** LangChain runnables' async methods: `invoke` -> `ainvoke`, by the method called. */
const LANGCHAIN_ASYNC: ReadonlyMap<string, string> = new Map([
  ["invoke", "ainvoke"],
  ["batch", "abatch"],
  ["stream", "astream"],
  ["predict", "apredict"],
  ["run", "arun"],
  ["get_relevant_documents", "aget_relevant_documents"],
  ["similarity_search", "asimilarity_search"],
  ["embed_documents", "aembed_documents"],
  ["embed_query", "aembed_query"],
]);

/** Thread primitives: a wait on one belongs in a thread, and has no async twin to declare. */
const THREAD_WAITS = new Set([
  "threading.Event",
  "threading.Condition",
  "threading.Barrier",
  "threading.Lock",
  "threading.RLock",
  "threading.Semaphore",
  "threading.BoundedSemaphore",
  "threading.Thread",
  "queue.Queue",
  "queue.LifoQueue",
  "queue.PriorityQueue",
  "queue.SimpleQueue",
  "concurrent.futures.Future",
]);

/**
 * The real async API for a call, when one is known: by the function's qualified name
 * (`socket.getaddrinfo`, `ray.get`), or by what made the receiver (`httpx.Client`, a LangChain
 * class, a `threading.Event`), with the method called. Advice, never a twin template.
 */
export function knownAsyncApi(call: {
  qualified?: string;
  madeBy?: string;
  method?: string;
  receiver?: string;
}): string | undefined {
  const byFunction = call.qualified ? ASYNC_API_OF_FUNCTION.get(call.qualified) : undefined;
  if (byFunction) return byFunction;
  const { madeBy, method, receiver } = call;
  if (!madeBy || !method) return undefined;
  if (THREAD_WAITS.has(madeBy))
    return `${receiver}.${method} waits for another thread (a ${madeBy}): a worker thread is the right place for it`;
  if (madeBy === "httpx.Client")
    return `httpx has the async client: await ${receiver}.${method}(...) on an httpx.AsyncClient`;
  const async = LANGCHAIN_ASYNC.get(method);
  if (async && /^langchain(_\w+)?\./.test(madeBy))
    return `LangChain's runnables have the async form: await ${receiver}.${async}(...)`;
  return undefined;
}
