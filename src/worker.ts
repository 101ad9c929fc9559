import { parentPort } from "node:worker_threads";
import { runTask, type WorkerReply, type WorkerRequest } from "./pool.js";

export type { WorkerRequest } from "./pool.js";

// Each worker keeps its own parser (see parse.ts) and runs the whole per-file pipeline. Each file
// is one message, so the event loop turns between files and finalizers free the trees (pool.ts).
parentPort?.on("message", (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, result: runTask(request) };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).stack ?? String(error) };
  }
  parentPort!.postMessage(reply);
});
