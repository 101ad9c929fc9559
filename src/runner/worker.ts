import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort } from "node:worker_threads";
import {
  runBatch,
  type JobKinds,
  type DropKeptTrees,
  type KeepTrees,
  type ShareIndex,
  type WorkerReply,
  type WorkerRequest,
} from "./pool.js";
import { setSharedIndex } from "../project/shared-index.js";
import { unpackIndex } from "../project/packed-index.js";
import { dropKeptTrees, KEPT_BYTES, keepTreesHere } from "../syntax/kept-trees.js";

/**
 * A full collection, when V8 lets us have one. Trees are mostly native memory V8 does not count,
 * so its heuristics see a small heap and collect late: measured on the standard library, a worker
 * peaks near 300 MB without this and near 110 MB with a collection per batch. A collection per
 * batch doubled the run on many small files, so it happens only once memory has grown.
 */
const collect = ((): (() => void) => {
  try {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    return () => gc();
  } catch {
    return () => {};
  }
})();

/** Process-wide resident memory above which a worker collects after its batch. */
const COLLECT_ABOVE_RSS = 192 * 2 ** 20;
/** ... and once it has grown this much since the last collection (which may not free much). */
const COLLECT_GROWTH = 48 * 2 ** 20;
let afterLastCollection = 0;

// Each worker keeps its own parser (see parse.ts) and runs the whole per-file pipeline. A batch
// runs in its own setImmediate, never straight from the message handler: the pool keeps a second
// batch queued, and a port with messages waiting would otherwise be drained without the event loop
// reaching the immediates that run the finalizers freeing the trees.
const queue: WorkerRequest[] = [];
let scheduled = false;

function drain(kinds: JobKinds): void {
  const request = queue.shift();
  if (request) {
    const reply: WorkerReply = { id: request.id, outcomes: runBatch(kinds, request.tasks) };
    parentPort!.postMessage(reply);
    // A full collection costs as much as the batch on small files: only when memory has grown.
    const rss = process.memoryUsage.rss();
    if (rss > COLLECT_ABOVE_RSS && rss > afterLastCollection + COLLECT_GROWTH) {
      collect();
      afterLastCollection = process.memoryUsage.rss();
    }
  }
  scheduled = queue.length > 0;
  if (scheduled) setImmediate(() => drain(kinds));
}

/**
 * Serves the pool's batches in this worker thread with these handlers (the worker entry,
 * src/worker.ts, registers the same table as the main thread's pool).
 */
export function serveJobs(kinds: JobKinds): void {
  parentPort?.on("message", (message: WorkerRequest | ShareIndex | DropKeptTrees | KeepTrees) => {
    // In order with the batches: every batch sent after it sees the index.
    if ("share" in message) {
      setSharedIndex(message.share && unpackIndex(message.share));
      return;
    }
    if ("dropKeptTrees" in message) {
      dropKeptTrees();
      return;
    }
    if ("keepTrees" in message) {
      // The copies alone: each worker's WebAssembly heap would grow by the parser's trees it holds.
      // The workers share one thread's budget: two jobs hold no more trees than one.
      keepTreesHere(message.keepTrees, false, KEPT_BYTES / message.among);
      return;
    }
    queue.push(message);
    if (!scheduled) {
      scheduled = true;
      setImmediate(() => drain(kinds));
    }
  });
}
