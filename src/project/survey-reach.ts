/**
 * What one round of a survey that follows calls across modules gathers: by key, what each key
 * reaches, and how many modules away from a site it was asked.
 */
export interface ReachFacts {
  reaches: Record<string, string[]>;
  depths: Record<string, number>;
}

/**
 * The keys reached and not yet asked (nor settled by `settled`, what a round found a key to do),
 * each with its distance from a site: what the next round asks.
 */
export function pendingKeys<F extends ReachFacts>(
  facts: readonly F[],
  settled: (f: F) => Record<string, unknown>,
): Map<string, number> {
  const known = new Set<string>();
  const reached = new Map<string, number>();
  for (const f of facts) {
    for (const key of [...Object.keys(settled(f)), ...Object.keys(f.reaches)]) known.add(key);
    for (const [from, keys] of Object.entries(f.reaches))
      for (const key of keys)
        reached.set(key, Math.min(reached.get(key) ?? Infinity, (f.depths[from] ?? 0) + 1));
  }
  for (const key of known) reached.delete(key);
  return reached;
}
