import type { Transform } from "./types.js";

/**
 * Every transform there is, in the order they run when none is picked. It is handed in by the
 * composition roots (src/cli/main.ts through src/api.ts, and src/worker.ts): nothing else in
 * src/ imports transforms/, so adding a transform changes no file here.
 */
export type Registry = readonly Transform[];

/** The transform of the registry with this id (a job names only ids its run resolved). */
export function transformById(registry: Registry, id: string): Transform {
  const transform = registry.find((t) => t.meta.id === id);
  if (!transform) throw new Error(`unknown transform "${id}"`);
  return transform;
}
