import { describe, expect, it } from "vitest";
import { composedEdits, type PassEdits } from "../../src/engine/composed-edits.js";
import { applyEdits } from "../../src/engine/edits.js";
import { transformSource } from "../../src/engine/pipeline.js";
import type { Context, Edit, Transform } from "../../src/model/types.js";

// orm-human-8: in a full run's JSON report, asyncio-run's `async_to_sync, ` inserted into an
// import and native-orm's removal of `, sync_to_async` there (a comma asyncio-run wrote) came
// out as two edits that, applied to the file as read, gave `import async_to_sync, `.

const SOURCE = "from asgiref.sync import sync_to_async\n\nvalue = 1\n";

/** A transform whose one site makes `edits` of the text it reads. */
function editing(id: string, edits: (source: string) => Edit[]): Transform {
  return {
    meta: { id, summary: "test", codes: {}, triggers: ["asgiref"] },
    transform(file) {
      const fix = { applicability: "safe" as const, edits: edits(file.source) };
      return {
        findings: [{ code: "AS100", severity: "info", start: 0, end: 1, message: id, fix }],
      };
    },
  } as Transform;
}

const CTX = {
  options: { unsafeFixes: false, django: false, settings: {} },
  project: { usesDjango: false, usesAsgiref: true, models: {} },
} as unknown as Context;

/** Applies reported edits (1-based lines and columns of `source`) to `source`. */
function applyReported(
  source: string,
  edits: { line: number; column: number; endLine: number; endColumn: number; after: string }[],
): string {
  const lines = source.split("\n");
  const offset = (line: number, column: number) =>
    lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0) + column - 1;
  return applyEdits(
    source,
    edits.map((e) => ({
      start: offset(e.line, e.column),
      end: offset(e.endLine, e.endColumn),
      text: e.after,
    })),
  );
}

describe("the edits a report gives", () => {
  it("are edits of the file as read, also where a later transform edits an earlier one's text", () => {
    const inserting = editing("first", (s) => {
      const at = s.indexOf("sync_to_async");
      return [{ start: at, end: at, text: "async_to_sync, " }];
    });
    const removing = editing("second", (s) => {
      const at = s.indexOf(", sync_to_async");
      return [{ start: at, end: at + ", sync_to_async".length, text: "" }];
    });
    const result = transformSource({
      source: SOURCE,
      path: "app/tasks.py",
      transforms: [inserting, removing],
      ctx: CTX,
    });
    expect(result.output).toBe("from asgiref.sync import async_to_sync\n\nvalue = 1\n");
    expect(applyReported(SOURCE, result.edits)).toBe(result.output);
    expect(result.edits.map((e) => [e.transform, e.before, e.after])).toEqual([
      ["first", "sync_to_async", "async_to_sync"],
    ]);
  });

  it("stay each transform's own where they do not meet", () => {
    const first = editing("first", (s) => [
      { start: s.indexOf("1"), end: s.indexOf("1") + 1, text: "2" },
    ]);
    const second = editing("second", (s) => [
      { start: s.indexOf("value"), end: s.indexOf("value") + 5, text: "total" },
    ]);
    const result = transformSource({
      source: SOURCE,
      path: "app/tasks.py",
      transforms: [first, second],
      ctx: CTX,
    });
    expect(result.edits.map((e) => [e.transform, e.before, e.after])).toEqual([
      ["first", "1", "2"],
      ["second", "value", "total"],
    ]);
  });
});

describe("composedEdits", () => {
  /** A small deterministic generator (mulberry32), so a failure replays. */
  function random(seed: number): () => number {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function randomPass(text: string, next: () => number, id: string): PassEdits {
    const edits: Edit[] = [];
    let at = 0;
    while (at <= text.length && edits.length < 4) {
      const start = at + Math.floor(next() * 4);
      if (start > text.length) break;
      const end = Math.min(text.length, start + Math.floor(next() * 3));
      const words = ["", "x", "ab", ", "];
      edits.push({ start, end, text: words[Math.floor(next() * words.length)] });
      at = end + 1;
    }
    return { id, edits };
  }

  it("gives, applied to the text as read, what the passes give one after another", () => {
    const next = random(25);
    for (let round = 0; round < 2000; round++) {
      const original = "abcdefghij".slice(0, 3 + Math.floor(next() * 8));
      const passes: PassEdits[] = [];
      let text = original;
      for (let p = 0; p < 1 + Math.floor(next() * 3); p++) {
        const pass = randomPass(text, next, `t${p}`);
        passes.push(pass);
        text = applyEdits(text, pass.edits);
      }
      const composed = composedEdits(original, passes);
      expect(applyEdits(original, composed)).toBe(text);
      for (let i = 1; i < composed.length; i++)
        expect(composed[i].start).toBeGreaterThan(composed[i - 1].end);
    }
  });
});
