import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import {
  modelFactsOfPath,
  prePassOfPath,
  processFile,
  type FileJob,
  type FileLook,
  type FileResult,
} from "./file-job.js";
import { inventoryOfPath } from "../inventory/file.js";
import { surveyFile, type SurveyJob } from "./survey-job.js";
import { parseNative } from "../syntax/parse.js";
import { setSharedIndex, withSharedIndex } from "./shared-index.js";
import type { Context, ProjectIndex } from "../model/types.js";
import { mayHoldSite } from "../engine/pipeline.js";
import { TRANSFORMS } from "../../transforms/index.js";

/**
 * One unit of work. `parse` is not used by the CLI: it is the benchmark's parse floor (read and
 * parse one file with the same pool, nothing else); with `needed`, only a file some transform's
 * text test lets through is parsed (the floor of a run that parses no file it need not).
 */
export type Task =
  | { kind: "facts"; file: string; maxBytes?: number }
  | { kind: "model-facts"; file: string }
  | { kind: "process"; job: FileJob }
  | { kind: "inventory"; job: FileLook }
  | { kind: "survey"; job: SurveyJob }
  | { kind: "parse"; file: string; needed?: boolean };

/** Messages the pool sends to a worker thread: a batch of consecutive tasks, the first one `id`. */
export interface WorkerRequest {
  id: number;
  tasks: Task[];
}

/** Sent to a worker once per run, before the batches that need it. */
export interface ShareIndex {
  share: ProjectIndex | undefined;
}

/** What a worker sends back per task: its result, or why it could not produce one. */
export type TaskOutcome = { result: unknown } | { error: string };

/** Messages a worker sends back: the outcomes of one batch, in task order. */
export interface WorkerReply {
  id: number;
  outcomes: TaskOutcome[];
}

/** Runs a batch in a worker: a task that throws becomes an error outcome, not a lost batch. */
export function runBatch(tasks: Task[]): TaskOutcome[] {
  return tasks.map((task) => {
    try {
      return { result: runTask(task) };
    } catch (error) {
      return { error: (error as Error).stack ?? String(error) };
    }
  });
}

/** Characters parsed, and whether the tree has an error: all the parse floor returns. */
export interface ParseFloorResult {
  chars: number;
  hasError: boolean;
}

/** What the parse-needed floor's text tests see: a Django project, no model known yet. */
const FLOOR_CONTEXT = {
  options: { django: true, settings: {} },
  project: { usesDjango: true, models: {} },
} as unknown as Context;

function parseFloor(file: string, needed: boolean): ParseFloorResult {
  const text = readFileSync(file, "utf8");
  if (needed && !TRANSFORMS.some((t) => mayHoldSite(text, t, FLOOR_CONTEXT)))
    return { chars: 0, hasError: false };
  const tree = parseNative(text);
  return { chars: text.length, hasError: tree.rootNode.hasError };
}

/** Runs one task in the current thread (a worker, or the main thread when running inline). */
export function runTask(task: Task): unknown {
  switch (task.kind) {
    case "facts":
      return prePassOfPath(task.file, task.maxBytes);
    case "model-facts":
      return modelFactsOfPath(task.file);
    case "process":
      return processFile({ ...task.job, project: withSharedIndex(task.job.project) });
    case "inventory":
      return inventoryOfPath({ ...task.job, project: withSharedIndex(task.job.project) });
    case "survey":
      return surveyFile({
        ...task.job,
        ctx: { ...task.job.ctx, project: withSharedIndex(task.job.ctx.project) },
      });
    case "parse":
      return parseFloor(task.file, task.needed ?? false);
  }
}

/**
 * What a task yields when running it threw or its worker died: a per-file failure for a
 * processed file (the run goes on, and its exit code says so), nothing for the pre-pass.
 */
function failedResult(task: Task, message: string): unknown {
  if (task.kind !== "process") return undefined;
  const reason = `internal error: ${message.split("\n")[0]}; file left unchanged (please report this)`;
  return {
    path: task.job.path,
    status: "failed",
    reason,
    stack: message,
    skippedBy: [],
    diagnostics: [
      {
        code: "AS999",
        severity: "error",
        source: "runner",
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        message: reason,
      },
    ],
  } satisfies FileResult;
}

function safely(task: Task): unknown {
  try {
    return runTask(task);
  } catch (error) {
    return failedResult(task, (error as Error).stack ?? String(error));
  }
}

// Workers run the compiled file; from TypeScript sources (vitest) the pool runs inline.
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

/** Below this many files, starting threads (each loading tree-sitter) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

/**
 * Tasks in flight per worker: the next file is already queued when one finishes, so a worker never
 * waits for a round trip to the main thread. Each in-flight task is one file: memory stays bounded.
 */
const IN_FLIGHT_PER_WORKER = 2;

/**
 * Files per message, at most: one message per small file costs more than parsing it (dense
 * code bases have thousands of 300-byte files). Batches stay small enough to balance the tail:
 * when few files hold sites (the rewrite pass after the pre-pass set inert files aside), those
 * are often large, neighbours in one folder, and go one or two per message.
 */
const MAX_BATCH = 16;
const BATCHES_PER_WORKER = 32;

/**
 * Tree-sitter trees hold native memory that V8 does not see; they are freed by finalizers, and those
 * only run when the event loop turns. A long synchronous loop keeps every tree of the run alive
 * (about 1 GB for the standard library), so the inline runner yields every few files.
 */
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const INLINE_FILES_PER_YIELD = 4;

interface Slot {
  worker: Worker;
  /** The index this worker was last sent (see shareIndex). */
  shared: ProjectIndex | undefined;
  /** First task index of each batch in flight, to its end (exclusive). */
  inFlight: Map<number, number>;
}

/**
 * A worker-thread pool reused across the passes of a run. Results come back in task order whatever
 * order they finish in, so output does not depend on `jobs`. A task that throws, or a worker that
 * dies, becomes a failed result for that file; the pool replaces the worker and goes on.
 */
export class Pool {
  private slots: Slot[] = [];
  private readonly useWorkers: boolean;
  private shared: ProjectIndex | undefined;

  /**
   * Threads start with the first pass that has MIN_FILES_FOR_WORKERS tasks or more, whatever the
   * number of files named: one staged file still has its whole project's pre-pass to read.
   * `_expectedTasks` is no longer read (each pass decides by its own tasks).
   */
  constructor(
    private readonly jobs: number,
    _expectedTasks?: number,
  ) {
    this.useWorkers = jobs > 1 && existsSync(WORKER_FILE);
  }

  /**
   * Runs the tasks, on the pool's threads unless they are too few or `inline` is asked (work too
   * light to pay for starting threads, which the caller can judge by the files' sizes).
   */
  /** The threads the pool may run (`jobs`). */
  get size(): number {
    return this.jobs;
  }

  async run<R>(
    tasks: Task[],
    onDone?: (done: number) => void,
    { inline = false }: { inline?: boolean } = {},
  ): Promise<R[]> {
    const results = new Array<R>(tasks.length);
    if (!this.useWorkers || inline || tasks.length < MIN_FILES_FOR_WORKERS) {
      for (let i = 0; i < tasks.length; i++) {
        results[i] = safely(tasks[i]) as R;
        onDone?.(i + 1);
        if (i % INLINE_FILES_PER_YIELD === 0) await yieldToEventLoop();
      }
      return results;
    }
    const workerCount = Math.min(this.jobs, Math.ceil(tasks.length / IN_FLIGHT_PER_WORKER));
    const batch = Math.max(
      1,
      Math.min(MAX_BATCH, Math.floor(tasks.length / (workerCount * BATCHES_PER_WORKER))),
    );
    let next = 0;
    let done = 0;
    await new Promise<void>((resolve) => {
      const finish = (id: number, result: unknown) => {
        results[id] = result as R;
        done++;
        onDone?.(done);
        if (done === tasks.length) resolve();
      };
      const feed = (slot: Slot) => {
        while (slot.inFlight.size < IN_FLIGHT_PER_WORKER && next < tasks.length) {
          const id = next;
          next = Math.min(tasks.length, next + batch);
          slot.inFlight.set(id, next);
          this.sendIndex(slot);
          slot.worker.postMessage({ id, tasks: tasks.slice(id, next) } satisfies WorkerRequest);
        }
      };
      const onReply = (slot: Slot, reply: WorkerReply) => {
        slot.inFlight.delete(reply.id);
        feed(slot);
        reply.outcomes.forEach((outcome, i) => {
          const id = reply.id + i;
          finish(id, "error" in outcome ? failedResult(tasks[id], outcome.error) : outcome.result);
        });
      };
      // A worker that dies (uncaught error, out of memory) fails the files it held, not the run.
      const onDeath = (slot: Slot, why: string) => {
        const lost = [...slot.inFlight].flatMap(([start, end]) =>
          Array.from({ length: end - start }, (_, i) => start + i),
        );
        slot.inFlight.clear();
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        void slot.worker.terminate();
        if (done + lost.length < tasks.length) feed(this.spawn());
        for (const id of lost) finish(id, failedResult(tasks[id], `worker thread died: ${why}`));
      };
      this.handlers = { onReply, onDeath };
      while (this.slots.length < workerCount) this.spawn();
      for (const slot of this.slots) {
        slot.worker.ref();
        feed(slot);
      }
    });
    this.handlers = undefined;
    // Idle between passes, workers must not keep the process alive if a caller forgets close().
    for (const slot of this.slots) slot.worker.unref();
    return results;
  }

  /** The current pass's handlers: the pool's workers outlive one pass. */
  private handlers:
    | {
        onReply: (slot: Slot, reply: WorkerReply) => void;
        onDeath: (slot: Slot, why: string) => void;
      }
    | undefined;

  /**
   * The project index every task of the following passes sees (this thread's too). A worker is
   * sent it with its first batch after this: copying a large project's index into a thread costs
   * more than a pass that runs inline or has nothing left to do (every file inert).
   */
  shareIndex(index: ProjectIndex | undefined): void {
    this.shared = index;
    setSharedIndex(index);
  }

  private sendIndex(slot: Slot): void {
    if (slot.shared === this.shared) return;
    slot.shared = this.shared;
    slot.worker.postMessage({ share: this.shared } satisfies ShareIndex);
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE);
    const slot: Slot = { worker, shared: undefined, inFlight: new Map() };
    worker.on("message", (reply: WorkerReply) => this.handlers?.onReply(slot, reply));
    const died = (why: string) => {
      if (!this.slots.includes(slot)) return;
      if (this.handlers) this.handlers.onDeath(slot, why);
      else this.slots.splice(this.slots.indexOf(slot), 1);
    };
    worker.on("error", (error) => died(error.message));
    worker.on("exit", (code) => died(`exit code ${code}`));
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    if (this.shared) this.shareIndex(undefined);
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

/** Runs tasks on a pool of `jobs` threads made for them and closed afterwards. */
export async function runTasks<R>(
  tasks: Task[],
  jobs: number,
  onDone?: (done: number) => void,
): Promise<R[]> {
  const pool = new Pool(jobs, tasks.length);
  try {
    return await pool.run<R>(tasks, onDone);
  } finally {
    await pool.close();
  }
}
