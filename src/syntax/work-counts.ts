/*
 * Work this thread did: full parses, tree copies, content hashes. Deterministic for a given
 * corpus and run (unlike time), so a test can bound them (test/runner/work-bounds.test.ts): a
 * text test that lets every file through, or a warm run that hashes every file again, shows as a
 * count, not as noise in a benchmark. Counting is a few additions per file.
 */
export interface WorkCounts {
  /** Parses from scratch (not the incremental re-parse after a rewrite). */
  parses: number;
  /** Characters handed to those parses. */
  parsedChars: number;
  /** Incremental re-parses after a rewrite. */
  reparses: number;
  /** Trees copied into JavaScript (see tree.ts), and the nodes copied. */
  copies: number;
  copiedNodes: number;
  /** Contents hashed (SHA-256), and their bytes. */
  hashes: number;
  hashedBytes: number;
}

export const workCounts: WorkCounts = {
  parses: 0,
  parsedChars: 0,
  reparses: 0,
  copies: 0,
  copiedNodes: 0,
  hashes: 0,
  hashedBytes: 0,
};

/** The counts so far, and zero from now on. */
export function takeWorkCounts(): WorkCounts {
  const taken = { ...workCounts };
  for (const key of Object.keys(workCounts) as (keyof WorkCounts)[]) workCounts[key] = 0;
  return taken;
}
