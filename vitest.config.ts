import { availableParallelism } from "node:os";
import { relative } from "node:path";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The test files that take longest, with the CPU seconds each took (its process and the command
 * lines it starts; 2026-12-07 at load 15, so only their order matters): started first, longest
 * first. vitest with no timings cached (a fresh clone, as in CI) starts larger files first, and
 * one of these started last ran alone for the last minutes of `npm test`. The whole-corpus tests
 * are spread over several files (test/snapshots/, test/cli/patch-corpus-*, test/stress/) so that
 * both workers share them. Files not listed follow, in vitest's own order.
 */
const LONGEST_FIRST: [RegExp, number][] = [
  [/^test\/cli\/verify\./, 20],
  [/^test\/cli\/workflow\./, 17],
  [/^test\/stress\/kills\./, 16],
  [/^test\/cli\/cli\./, 15],
  [/^test\/cli\/patch-corpus-/, 13],
  [/^test\/runner\/untrusted-repo\./, 12],
  [/^test\/stress\/projects\./, 10],
  [/^test\/cli\/args\./, 8],
  [/^test\/syntax\/tree\./, 8],
  [/^test\/runner\/transactions\./, 8],
  [/^test\/django-example\./, 8],
  [/^test\/snapshots\/shard-/, 7],
  [/^test\/distribution\./, 6],
  [/^test\/cli\/output\./, 6],
  [/^test\/stress\/slice\./, 6],
  [/^test\/runner\/(formatter|pool)\./, 5],
];

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const weight = (file: TestSpecification) => {
      const path = relative(file.project.config.root, file.moduleId).split("\\").join("/");
      return LONGEST_FIRST.find(([pattern]) => pattern.test(path))?.[1] ?? 0;
    };
    // vitest's own order (its cached timings, else size) among equals: the sort is stable.
    return (await super.sort(files)).sort((a, b) => weight(b) - weight(a));
  }
}

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Test files run in child processes, as they had to with the native tree-sitter binding (not
    // safe in the worker threads vitest recycles); the WebAssembly parser is loaded per process.
    pool: "forks",
    // vitest's default is one worker fewer than the cores: on a two-core machine (CI's) a single
    // file at a time, while most tests wait on the command lines they start. Two at least.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    sequence: { sequencer: LongestFirst },
  },
});
