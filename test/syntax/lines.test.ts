import { describe, expect, it } from "vitest";
import { lineColumnAt, lineIndexAt, lineStartsOf } from "../../src/syntax/lines.js";

describe("lines", () => {
  const text = "a = 1\r\nb = 'é🙂'\n\nc";
  const starts = lineStartsOf(text);
  it("starts lines after each \\n (a \\r before it is line text)", () => {
    expect(starts).toEqual([0, 7, 17, 18]);
  });
  it("finds the line of an offset, the line start itself included", () => {
    expect([0, 6, 7, 16, 17, 18].map((o) => lineIndexAt(starts, o))).toEqual([0, 0, 1, 1, 2, 3]);
  });
  it("counts columns in characters, not UTF-16 units (an emoji is one column)", () => {
    const after = text.indexOf("'", 12);
    expect(lineColumnAt(text, starts, after)).toEqual({ line: 2, column: 8 });
    expect(lineColumnAt(text, starts, text.length)).toEqual({ line: 4, column: 2 });
  });
});
