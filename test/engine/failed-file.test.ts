import { describe, expect, it } from "vitest";
import { transformSource } from "../../src/engine/pipeline.js";
import type { Context, Transform } from "../../src/model/types.js";

// orm-review S3: a file whose rewrite would not parse (AS901) kept its other findings but lost
// every site it had rewritten: each must stay accounted for, as not applied.

const SOURCE = "import asyncio\n\nfirst = 1\nsecond = 2\nthird = 3\n";

/** Rewrites `first` well, `second` into text that does not parse, and explains `third`. */
const halfBroken: Transform = {
  meta: { id: "half-broken", summary: "test", codes: {}, triggers: ["asyncio"] },
  transform(file) {
    const at = (word: string) => file.source.indexOf(word);
    const site = (word: string, text: string) => ({
      code: "AS100",
      severity: "info" as const,
      start: at(word),
      end: at(word) + word.length,
      message: `${word} rewritten`,
      fix: {
        applicability: "safe" as const,
        edits: [{ start: at(word), end: at(word) + word.length, text }],
      },
    });
    return {
      findings: [
        site("first", "primary"),
        site("second", "second = ("),
        {
          code: "AS101",
          severity: "warning",
          start: at("third"),
          end: at("third") + 5,
          message: "third kept",
        },
      ],
    };
  },
};

const CTX: Context = {
  options: { unsafeFixes: false, django: false, settings: {} },
  project: { usesDjango: false, usesAsgiref: false, models: {} },
} as unknown as Context;

describe("a file whose rewrite would not parse", () => {
  it("is left unchanged, and every site it rewrote is reported as not applied (AS901)", () => {
    const result = transformSource({
      source: SOURCE,
      path: "app/numbers.py",
      transforms: [halfBroken],
      ctx: CTX,
    });
    expect(result.status).toBe("failed");
    expect(result.output).toBe(SOURCE);
    const byLine = result.diagnostics.map((d) => [d.code, d.line, d.message]);
    expect(byLine).toContainEqual(["AS101", 5, "third kept"]);
    expect(byLine).toContainEqual([
      "AS100",
      3,
      "first rewritten; not applied: AS901 left the file unchanged",
    ]);
    expect(byLine).toContainEqual([
      "AS100",
      4,
      "second rewritten; not applied: AS901 left the file unchanged",
    ]);
    const refused = result.diagnostics.find((d) => d.code === "AS901")!;
    expect(refused.message).toContain("each site it rewrote is reported as not applied");
  });
});
