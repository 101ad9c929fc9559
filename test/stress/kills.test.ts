// The part of `npm run stress` in `npm test`: kills during --write (see test/helpers/stress.ts).
import { beforeAll, describe, expect, it } from "vitest";
import {
  killStress,
  // @ts-expect-error: a plain ESM script without type declarations
} from "../../scripts/stress.mjs";
import { requireBuild, type Outcome } from "../helpers/stress.js";

beforeAll(requireBuild);

describe("stress (subset of npm run stress)", () => {
  it("killed during --write: every file wholly old or wholly new; finishing equals an uninterrupted run", async () => {
    const { problems, figures } = (await killStress({ copies: 8, kills: 2, seed: 7 })) as Outcome;
    console.log(JSON.stringify(figures));
    expect(problems).toEqual([]);
  }, 120_000);
});
