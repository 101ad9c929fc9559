import { resolve } from "node:path";
import { mockedRewrites, type RewrittenModule } from "../project/mocks.js";
import { textOfPath } from "../project/source.js";
import type { FileResult } from "../model/results.js";
import type { ProjectIndex } from "../model/types.js";
import type { FileLook } from "./file-job.js";

/**
 * The tests that patch what the run rewrote (AS920): from this run's rewrites, and from the code
 * of the run's other modules (read only if a test's patch may concern them), so the run after
 * `--write` says them again.
 */
export function mockFindings(
  index: ProjectIndex,
  run: {
    inOrder: readonly FileResult[];
    rewritten: readonly RewrittenModule[];
    files: readonly string[];
    lookAt: (file: string) => FileLook;
    twins: Record<string, string>;
  },
  cwd: string,
): { path: string; line: number; message: string }[] {
  const changed = new Set(run.inOrder.filter((r) => r.status === "changed").map((r) => r.path));
  const onDisk = run.files.flatMap((file) => {
    const { module, path } = run.lookAt(file);
    return module && !changed.has(path) ? [{ module, read: () => textOfPath(file) }] : [];
  });
  const readTest = (path: string) => textOfPath(resolve(index.root, path));
  return mockedRewrites(index, run.rewritten, cwd, onDisk, readTest, run.twins);
}
