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

/** The facts with this thread's index attached, by the facts a job carried. */
const attached = new WeakMap<ProjectFacts, { index: ProjectIndex; project: ProjectFacts }>();

/**
 * The project facts a job carries, with this thread's index attached: the same object for the
 * same facts (the jobs of one batch share theirs), so what transforms derive once per project's
 * facts (keyed by the object) is derived once per batch, not once per file.
 */
export function withSharedIndex(project: ProjectFacts): ProjectFacts {
  if (!current || project.index) return project;
  const known = attached.get(project);
  if (known?.index === current) return known.project;
  const withIndex = { ...project, index: current };
  attached.set(project, { index: current, project: withIndex });
  return withIndex;
}
