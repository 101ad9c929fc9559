import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { codesReference } from "../src/report/docs.js";
import { TRANSFORMS } from "../transforms/index.js";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("has the code reference generated from the transforms' meta (run `npm run docs`)", () => {
    expect(README).toContain(codesReference(TRANSFORMS));
  });

  it("gives exactly the two set-up commands", () => {
    expect(README).toContain("npm install && npx asyncshift examples/\nnpm test\n");
  });

  it("documents every transform and every flag of the run command", () => {
    for (const { meta } of TRANSFORMS) expect(README).toContain(`### ${meta.id}`);
    for (const flag of [
      "--write",
      "--check",
      "--unsafe-fixes",
      "--transform",
      "--django",
      "--django-version",
      "--format",
      "--no-diff",
      "--quiet",
      "--color",
      "--jobs",
      "--diff",
      "--extend-ignore",
      "--report-unused-ignores",
    ])
      expect(README, flag).toContain(flag);
  });
});
