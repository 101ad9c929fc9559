// The part of `npm run stress` in `npm test`: the stdlib slice (the corpus run, the tree copy, the
// text tests; see test/helpers/stress.ts).
import { beforeAll, describe, expect, it } from "vitest";
import {
  corpusStress,
  treeCopyStress,
  prefilterStress,
  // @ts-expect-error: a plain ESM script without type declarations
} from "../../scripts/stress.mjs";
import { requireBuild, subset, type Outcome } from "../helpers/stress.js";

beforeAll(requireBuild);

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
});
