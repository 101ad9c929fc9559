import type { ProjectFacts, ProjectIndex } from "../model/types.js";

/**
 * This thread's copy of the project index. The index is sent to each worker once per run (see
 * Pool.shareIndex), not with every file's job: a large project's index is megabytes, and a job
 * is cloned into the worker with each batch.
 */
let current: ProjectIndex | undefined;

export function setSharedIndex(index: ProjectIndex | undefined): void {
  current = index;
}

/** The project facts a job carries, with this thread's index attached. */
export function withSharedIndex(project: ProjectFacts): ProjectFacts {
  return current && !project.index ? { ...project, index: current } : project;
}
