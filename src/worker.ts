import { parentPort } from "node:worker_threads";
import { factsOfPath, processFile, type FileJob } from "./file-job.js";

/** Messages the pool sends to a worker thread. */
export type WorkerRequest =
  { id: number; kind: "facts"; file: string } | { id: number; kind: "process"; job: FileJob };

// Each worker keeps its own parser (see parse.ts) and runs the whole per-file pipeline.
parentPort?.on("message", (request: WorkerRequest) => {
  try {
    const result = request.kind === "facts" ? factsOfPath(request.file) : processFile(request.job);
    parentPort!.postMessage({ id: request.id, result });
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).stack ?? String(error) });
  }
});
