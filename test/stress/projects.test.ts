// The part of `npm run stress` in `npm test`: write groups in a git repository, a monorepo, many
// files (see test/helpers/stress.ts).
import { beforeAll, describe, expect, it } from "vitest";
import {
  groupStress,
  manyFilesStress,
  // @ts-expect-error: a plain ESM script without type declarations
} from "../../scripts/stress.mjs";
// @ts-expect-error: a plain ESM script without type declarations
import { projectStress } from "../../scripts/stress-projects.mjs";
import { requireBuild, type Outcome } from "../helpers/stress.js";

beforeAll(requireBuild);

describe("stress (subset of npm run stress)", () => {
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

  it("one folder of 1,500 files under ulimit -n 128: no descriptor exhaustion", () => {
    const { problems, figures } = manyFilesStress({ count: 1500, fdLimit: 128 }) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
  }, 120_000);
});
