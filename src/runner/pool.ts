import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { setSharedIndex } from "../project/shared-index.js";
import { packIndex, type PackedIndex } from "../project/packed-index.js";
import { dropKeptTrees, keepTreesHere } from "../syntax/kept-trees.js";
import type { Job, JobRunner } from "../project/jobs.js";
import { TaskQueues } from "./task-queues.js";
import type { ProjectIndex } from "../model/types.js";

/** How one kind of job runs, in whichever thread takes it. */
export interface JobKind<J extends Job = Job> {
  run(job: J): unknown;
  /** What the job yields when running it threw or its worker died; undefined when not given. */
  failed?(job: J, message: string): unknown;
  /**
   * The file whose parse the job may keep or take (kept-trees.ts): the pool sends a later job of
   * the same file to the worker that ran the last, which may hold its tree.
   */
  treeOf?(job: J): string;
}

/** The handlers of every kind of job, by kind: the same table in the main thread and the workers. */
export type JobKinds = Readonly<Record<string, JobKind<never>>>;

/**
 * What a pool runs jobs with: the handlers, and the worker entry that registers the same ones
 * (none: every job runs inline, as from the TypeScript sources under vitest).
 */
export interface PoolSetup {
  kinds: JobKinds;
  workerFile?: string;
}

/** Messages the pool sends to a worker thread: a batch of tasks, answered under the same `id`. */
export interface WorkerRequest {
  id: number;
  tasks: Job[];
}

/** Sent to a worker once per run, before the batches that need it (see packed-index.ts). */
export interface ShareIndex {
  share: PackedIndex | undefined;
}

/** Sent to a worker when a pass runs elsewhere: the trees it kept can serve no later pass. */
export interface DropKeptTrees {
  dropKeptTrees: true;
}

/** Sent to a worker: whether it keeps the survey's parses (the rewrite pass runs on workers). */
export interface KeepTrees {
  keepTrees: boolean;
  /** The workers keeping trees: they share the budget one thread would have (kept-trees.ts). */
  among: number;
}

/** What a worker sends back per task: its result, or why it could not produce one. */
export type TaskOutcome = { result: unknown } | { error: string };

/** Messages a worker sends back: the outcomes of one batch, in task order. */
export interface WorkerReply {
  id: number;
  outcomes: TaskOutcome[];
}

/** Runs a batch in a worker: a task that throws becomes an error outcome, not a lost batch. */
export function runBatch(kinds: JobKinds, tasks: Job[]): TaskOutcome[] {
  return tasks.map((task) => {
    try {
      return { result: runTask(kinds, task) };
    } catch (error) {
      return { error: (error as Error).stack ?? String(error) };
    }
  });
}

/** Runs one task in the current thread (a worker, or the main thread when running inline). */
function runTask(kinds: JobKinds, task: Job): unknown {
  const kind = kinds[task.kind] as JobKind | undefined;
  if (!kind) throw new Error(`no handler for jobs of kind "${task.kind}"`);
  return kind.run(task);
}

/**
 * What a task yields when running it threw or its worker died: its kind says (a per-file
 * failure for a processed file: the run goes on, and its exit code says so); else nothing.
 */
function failedResult(kinds: JobKinds, task: Job, message: string): unknown {
  return (kinds[task.kind] as JobKind | undefined)?.failed?.(task, message);
}

function safely(kinds: JobKinds, task: Job): unknown {
  try {
    return runTask(kinds, task);
  } catch (error) {
    return failedResult(kinds, task, (error as Error).stack ?? String(error));
  }
}

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
  /** The task indices of each batch in flight, by the batch's id. */
  inFlight: Map<number, number[]>;
}

/**
 * A worker-thread pool reused across the passes of a run. Results come back in task order whatever
 * order they finish in, so output does not depend on `jobs`. A task that throws, or a worker that
 * dies, becomes a failed result for that file; the pool replaces the worker and goes on.
 */
export class Pool implements JobRunner {
  private slots: Slot[] = [];
  private readonly useWorkers: boolean;
  private shared: ProjectIndex | undefined;
  /** The shared index as the workers are sent it, made for the first. */
  private packed: PackedIndex | undefined;

  /**
   * Threads start with the first pass that has MIN_FILES_FOR_WORKERS tasks or more, whatever the
   * number of files named: one staged file still has its whole project's pre-pass to read.
   */
  constructor(
    private readonly jobs: number,
    private readonly setup: PoolSetup,
  ) {
    this.useWorkers = jobs > 1 && setup.workerFile !== undefined && existsSync(setup.workerFile);
  }

  /** The threads the pool may run (`jobs`). */
  get size(): number {
    return this.jobs;
  }

  /**
   * Runs the tasks, on the pool's threads unless they are too few or `inline` is asked (work too
   * light to pay for starting threads, which the caller can judge by the files' sizes).
   */
  async run<R, J extends Job = Job>(
    tasks: readonly J[],
    onDone?: (done: number) => void,
    { inline = false }: { inline?: boolean } = {},
  ): Promise<R[]> {
    if (!this.useWorkers || inline || tasks.length < MIN_FILES_FOR_WORKERS)
      return this.runHere(tasks, onDone);
    const results = new Array<R>(tasks.length);
    // ... and this pass runs on the workers: the trees this thread kept only hold memory.
    dropKeptTrees();
    const workerCount = Math.min(this.jobs, Math.ceil(tasks.length / IN_FLIGHT_PER_WORKER));
    const batch = Math.max(
      1,
      Math.min(MAX_BATCH, Math.floor(tasks.length / (workerCount * BATCHES_PER_WORKER))),
    );
    const queues = new TaskQueues(tasks.length, (i) => this.homeOf(tasks[i]));
    let batches = 0;
    let done = 0;
    await new Promise<void>((resolve) => {
      const finish = (id: number, result: unknown) => {
        results[id] = result as R;
        done++;
        onDone?.(done);
        if (done === tasks.length) resolve();
      };
      const feed = (slot: Slot) => {
        while (slot.inFlight.size < IN_FLIGHT_PER_WORKER) {
          const ids = queues.take(slot, batch);
          if (ids.length === 0) break;
          const id = batches++;
          slot.inFlight.set(id, ids);
          for (const i of ids) this.setHome(tasks[i], slot);
          this.sendIndex(slot);
          slot.worker.postMessage({ id, tasks: ids.map((i) => tasks[i]) } satisfies WorkerRequest);
        }
      };
      const onReply = (slot: Slot, reply: WorkerReply) => {
        const ids = slot.inFlight.get(reply.id)!;
        slot.inFlight.delete(reply.id);
        feed(slot);
        reply.outcomes.forEach((outcome, i) => {
          const id = ids[i];
          finish(
            id,
            "error" in outcome
              ? failedResult(this.setup.kinds, tasks[id], outcome.error)
              : outcome.result,
          );
        });
      };
      // A worker that dies (uncaught error, out of memory) fails the files it held, not the run.
      const onDeath = (slot: Slot, why: string) => {
        const lost = [...slot.inFlight.values()].flat();
        slot.inFlight.clear();
        const index = this.slots.indexOf(slot);
        if (index >= 0) this.slots.splice(index, 1);
        void slot.worker.terminate();
        if (done + lost.length < tasks.length) feed(this.spawn());
        for (const id of lost)
          finish(id, failedResult(this.setup.kinds, tasks[id], `worker thread died: ${why}`));
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

  /** Runs the tasks in this thread, in order. */
  private async runHere<R>(tasks: readonly Job[], onDone?: (done: number) => void): Promise<R[]> {
    // A survey round run here while the workers keep trees for the rewrite pass keeps them.
    if (!this.workersKeep) this.dropWorkersKeptTrees();
    const results = new Array<R>(tasks.length);
    for (let i = 0; i < tasks.length; i++) {
      results[i] = safely(this.setup.kinds, tasks[i]) as R;
      onDone?.(i + 1);
      if (i % INLINE_FILES_PER_YIELD === 0) await yieldToEventLoop();
    }
    return results;
  }

  /** Whether the workers keep the survey's parses (see keepTrees). */
  private workersKeep = false;
  /** The worker that last ran a job of each file (JobKind.treeOf), while the workers keep trees. */
  private readonly homes = new Map<string, Slot>();

  /**
   * Where the survey keeps its parses for the rewrite pass (kept-trees.ts): in the thread the
   * rewrite pass runs in, this one or the workers. On the workers, each file's later jobs go to
   * the worker that ran its last one (a survey's later round, then its rewrite), which may hold
   * its tree: the rewrite pass does not parse again what the survey parsed.
   */
  keepTrees(onWorkers: boolean): void {
    keepTreesHere(!onWorkers);
    this.workersKeep = onWorkers && this.useWorkers;
    if (!this.workersKeep) this.homes.clear();
    for (const slot of this.slots)
      slot.worker.postMessage({
        keepTrees: this.workersKeep,
        among: this.size,
      } satisfies KeepTrees);
  }

  private homeOf(task: Job): Slot | undefined {
    const file = this.workersKeep ? this.treeOf(task) : undefined;
    const home = file === undefined ? undefined : this.homes.get(file);
    return home && this.slots.includes(home) ? home : undefined;
  }

  private setHome(task: Job, slot: Slot): void {
    const file = this.workersKeep ? this.treeOf(task) : undefined;
    if (file !== undefined) this.homes.set(file, slot);
  }

  private treeOf(task: Job): string | undefined {
    return (this.setup.kinds[task.kind] as JobKind | undefined)?.treeOf?.(task);
  }

  /**
   * The survey's trees serve a rewrite in the thread that kept them (kept-trees.ts): a pass run
   * in the main thread leaves the workers' kept trees only holding memory.
   */
  private dropWorkersKeptTrees(): void {
    for (const slot of this.slots)
      slot.worker.postMessage({ dropKeptTrees: true } satisfies DropKeptTrees);
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
    this.packed = undefined;
    setSharedIndex(index);
  }

  private sendIndex(slot: Slot): void {
    if (slot.shared === this.shared) return;
    slot.shared = this.shared;
    if (this.shared) this.packed ??= packIndex(this.shared);
    slot.worker.postMessage({ share: this.shared && this.packed } satisfies ShareIndex);
  }

  private spawn(): Slot {
    const worker = new Worker(this.setup.workerFile!);
    const slot: Slot = { worker, shared: undefined, inFlight: new Map() };
    worker.on("message", (reply: WorkerReply) => this.handlers?.onReply(slot, reply));
    if (this.workersKeep)
      worker.postMessage({ keepTrees: true, among: this.size } satisfies KeepTrees);
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
    // Trees the survey kept for a rewrite that did not come (the workers' go with them).
    dropKeptTrees();
    this.homes.clear();
    const slots = this.slots;
    this.slots = [];
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
