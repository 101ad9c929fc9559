import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { factsOfPath, processFile } from "./file-job.js";
import type { WorkerRequest } from "./worker.js";

type Task =
  { kind: "facts"; file: string } | { kind: "process"; job: import("./file-job.js").FileJob };

/** Runs one task in this thread: for --jobs 1, small runs, and when workers are unavailable. */
function runInline(task: Task): unknown {
  return task.kind === "facts" ? factsOfPath(task.file) : processFile(task.job);
}

// Workers run the compiled file; from TypeScript sources (vitest) the pool runs inline.
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

/** Below this many files, starting threads (each loading tree-sitter) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

/**
 * Runs tasks on `jobs` worker threads and returns results in task order, whatever order they finish
 * in. `onDone` is called as each one completes (progress display).
 */
export async function runTasks<R>(
  tasks: Task[],
  jobs: number,
  onDone?: (done: number) => void,
): Promise<R[]> {
  const results = new Array<R>(tasks.length);
  const workerCount = Math.min(jobs, tasks.length);
  if (workerCount <= 1 || tasks.length < MIN_FILES_FOR_WORKERS || !existsSync(WORKER_FILE)) {
    tasks.forEach((task, i) => {
      results[i] = runInline(task) as R;
      onDone?.(i + 1);
    });
    return results;
  }
  let next = 0;
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      const feed = (worker: Worker) => {
        if (next >= tasks.length) return;
        const id = next++;
        worker.postMessage({ id, ...tasks[id] } as WorkerRequest);
      };
      for (let w = 0; w < workerCount; w++) {
        const worker = new Worker(WORKER_FILE);
        workers.push(worker);
        worker.on("message", (message: { id: number; result?: R; error?: string }) => {
          if (message.error !== undefined) {
            reject(new Error(`worker failed on task ${message.id}: ${message.error}`));
            return;
          }
          results[message.id] = message.result as R;
          done++;
          onDone?.(done);
          if (done === tasks.length) resolve();
          else feed(worker);
        });
        worker.on("error", reject);
        // A worker only gets its next task when it answers, so each holds one file at a time.
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
