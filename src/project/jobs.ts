/**
 * One unit of work for a thread: `kind` names the handler that runs it (the composition roots
 * register them: see src/jobs.ts). Plain data: it crosses threads.
 */
export interface Job {
  kind: string;
}

/** What the project analysis needs of the runner's pool: jobs run on threads or inline, in order. */
export interface JobRunner {
  /** The threads the runner may use. */
  readonly size: number;
  run<R, J extends Job = Job>(
    jobs: readonly J[],
    onDone?: (done: number) => void,
    how?: { inline?: boolean },
  ): Promise<R[]>;
}
