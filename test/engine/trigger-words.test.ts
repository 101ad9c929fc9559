import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { holdsAnyTrigger, mayHoldSite } from "../../src/engine/pipeline.js";
import { TRANSFORMS } from "../../transforms/index.js";

const ROOT = new URL("../..", import.meta.url).pathname;

/** Every snapshot input, and texts that hold one trigger word each or none. */
function samples(): string[] {
  const dir = join(ROOT, "snapshots");
  const inputs = readdirSync(dir).flatMap((t) =>
    readdirSync(join(dir, t))
      .filter((f) => f.endsWith(".input.py"))
      .map((f) => readFileSync(join(dir, t, f), "utf8")),
  );
  const words = TRANSFORMS.flatMap((t) => t.meta.triggers);
  return [...inputs, ...words.map((w) => `x = 1\n# ${w}\n`), "x = 1\n", "", "asyn c\nrun_in\n"];
}

describe("holdsAnyTrigger", () => {
  it("says what asking every transform for its trigger words says", () => {
    const holds = holdsAnyTrigger(TRANSFORMS);
    for (const text of samples())
      expect(holds(text)).toBe(TRANSFORMS.some((t) => mayHoldSite(text, t)));
  });

  it("searches a word once, and not a word that holds a shorter one", () => {
    const transform = (triggers: string[]) =>
      ({ meta: { triggers } }) as unknown as (typeof TRANSFORMS)[number];
    const holds = holdsAnyTrigger([
      transform(["asyncio", "async"]),
      transform(["run_in_executor"]),
    ]);
    expect(holds("import asyncio")).toBe(true);
    expect(holds("async def f(): ...")).toBe(true);
    expect(holds("loop.run_in_executor(None, f)")).toBe(true);
    expect(holds("def f(): return 1")).toBe(false);
  });
});
