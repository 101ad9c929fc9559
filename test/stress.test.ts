// Issue 7, the part of `npm run stress` that fits in `npm test` (at most about a minute on two
// cores): a slice of the stdlib that holds the odd files (intentional syntax errors, bad coding
// cookies, not UTF-8) plus examples/, kills during --write, write groups in a git repository
// (kills inside a group, the recovery run, concurrent runs, leftovers), a monorepo whose services
// share module names with helpers named other than by calls, a folder of 1,500 files under a low
// descriptor limit, the tree copy checked node by node against the binding, and the transforms'
// text tests checked against the transforms. `npm run stress` runs the same checks on the whole
// stdlib, with more kills and 50,000 files.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  corpusStress,
  groupStress,
  killStress,
  manyFilesStress,
  prefilterStress,
  treeCopyStress,
  // @ts-expect-error: a plain ESM script without type declarations
} from "../scripts/stress.mjs";
// @ts-expect-error: a plain ESM script without type declarations
import { projectStress } from "../scripts/stress-projects.mjs";

const ROOT = new URL("..", import.meta.url).pathname;

interface Outcome {
  problems: string[];
  figures: Record<string, unknown>;
}

/** asyncio (most sites), lib2to3's test data (syntax errors on purpose), odd encodings. */
function subset(rel: string): boolean {
  if (rel === "" || rel === "test" || rel === "lib2to3" || rel === "lib2to3/tests") return true;
  return /^(asyncio|lib2to3\/tests\/data|test\/encoded_modules|test\/tokenizedata)(\/|$)/.test(rel);
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/src/cli/main.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
});

describe("stress (subset of npm run stress)", () => {
  it("stdlib slice + examples: changed files compile, the rest byte-identical, second run 0 edits", () => {
    const { problems, figures } = corpusStress({ keep: subset }) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
    expect(figures.compileFailures).toBe(0);
    expect(figures.secondRunEdits).toBe(0);
    expect(figures.filesChanged as number).toBeGreaterThan(0);
    // The odd files were met and reported, not crashed on.
    const byCode = figures.diagnosticsByCode as Record<string, number>;
    expect(byCode.AS902).toBeGreaterThan(0);
  }, 120_000);

  it("killed during --write: every file wholly old or wholly new; finishing equals an uninterrupted run", async () => {
    const { problems, figures } = (await killStress({ copies: 8, kills: 2, seed: 7 })) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
  }, 120_000);

  it("write groups in a git repository: kills inside groups, the recovery run, concurrent runs, no leftovers", async () => {
    const { problems, figures } = (await groupStress({
      packages: 8,
      kills: 2,
      concurrent: 2,
      seed: 7,
    })) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
  }, 120_000);

  it("a monorepo whose services share module names, helpers named other than by calls", () => {
    const { problems, figures } = projectStress({ services: 2 }) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
    expect(figures.atomicServicesUntouched).toBe(1);
  }, 120_000);

  it("stdlib slice: every node of the JavaScript tree copy agrees with the binding", async () => {
    const { problems, figures } = (await treeCopyStress({ keep: subset })) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
    expect(figures.nodes as number).toBeGreaterThan(100_000);
  }, 120_000);

  it("stdlib slice: where a transform's text test turns a file down, the transform finds nothing", async () => {
    const { problems, figures } = (await prefilterStress({ keep: subset })) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
    expect(figures.turnedDown as number).toBeGreaterThan(0);
  }, 120_000);

  it("one folder of 1,500 files under ulimit -n 128: no descriptor exhaustion", () => {
    const { problems, figures } = manyFilesStress({ count: 1500, fdLimit: 128 }) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
  }, 120_000);
});
