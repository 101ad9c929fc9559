// Issue 7, the part of `npm run stress` that fits in `npm test` (test/stress/*.test.ts, at most
// about a minute each on two cores): a slice of the stdlib that holds the odd files (intentional
// syntax errors, bad coding cookies, not UTF-8) plus examples/, kills during --write, write groups
// in a git repository (kills inside a group, the recovery run, concurrent runs, leftovers), a
// monorepo whose services share module names with helpers named other than by calls, a folder of
// 1,500 files under a low descriptor limit, the tree copy checked node by node against the
// binding, and the transforms' text tests checked against the transforms. `npm run stress` runs
// the same checks on the whole stdlib, with more kills and 50,000 files. Three files, so that the
// test workers share them.
import { existsSync } from "node:fs";
import { join } from "node:path";

const ROOT = new URL("../..", import.meta.url).pathname;

export interface Outcome {
  problems: string[];
  figures: Record<string, unknown>;
}

/** asyncio (most sites), lib2to3's test data (syntax errors on purpose), odd encodings. */
export function subset(rel: string): boolean {
  if (rel === "" || rel === "test" || rel === "lib2to3" || rel === "lib2to3/tests") return true;
  return /^(asyncio|lib2to3\/tests\/data|test\/encoded_modules|test\/tokenizedata)(\/|$)/.test(rel);
}

/** The stress scripts run the built command line. */
export function requireBuild(): void {
  if (!existsSync(join(ROOT, "dist/src/cli/main.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
}
