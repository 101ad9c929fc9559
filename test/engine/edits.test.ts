import { describe, expect, it } from "vitest";
import {
  applyEdits,
  offsetBeforeEdits,
  OverlappingEditsError,
  sortedEdits,
} from "../../src/engine/edits.js";

describe("sortedEdits", () => {
  it("orders edits by position", () => {
    const edits = [
      { start: 8, end: 9, text: "c" },
      { start: 0, end: 1, text: "a" },
      { start: 4, end: 4, text: "b" },
    ];
    expect(sortedEdits(edits).map((e) => e.text)).toEqual(["a", "b", "c"]);
  });

  it("collapses identical duplicates (two sites asking for the same import)", () => {
    const edit = { start: 3, end: 3, text: "from asgiref.sync import async_to_sync\n" };
    expect(sortedEdits([edit, { ...edit }])).toHaveLength(1);
  });

  it("throws on overlapping ranges, naming both edits", () => {
    const first = { start: 0, end: 16, text: "" };
    const second = { start: 14, end: 14, text: "\nfrom x import y" };
    expect(() => sortedEdits([second, first])).toThrow(OverlappingEditsError);
    try {
      sortedEdits([second, first]);
    } catch (error) {
      const err = error as OverlappingEditsError;
      expect(err.message).toContain("[0, 16)");
      expect(err.message).toContain("[14, 14)");
      expect(err.message).toContain(JSON.stringify("\nfrom x import y"));
      expect(err.first).toEqual(first);
      expect(err.second).toEqual(second);
    }
  });

  it("throws on two different insertions at one point (their order would be a guess)", () => {
    expect(() =>
      sortedEdits([
        { start: 5, end: 5, text: "a" },
        { start: 5, end: 5, text: "b" },
      ]),
    ).toThrow(/\[5, 5\) -> "a" and \[5, 5\) -> "b"/);
  });

  it("accepts edits that only touch", () => {
    const edits = [
      { start: 0, end: 4, text: "x" },
      { start: 4, end: 6, text: "y" },
      { start: 6, end: 6, text: "z" },
    ];
    expect(sortedEdits(edits)).toHaveLength(3);
  });
});

describe("applyEdits", () => {
  it("replaces, inserts and deletes, leaving every other character alone", () => {
    const source = "asyncio.run(fetch(url))\n";
    const out = applyEdits(source, [
      { start: 0, end: 12, text: "async_to_sync(" },
      { start: 17, end: 17, text: ")" },
      { start: 22, end: 23, text: "" },
    ]);
    expect(out).toBe("async_to_sync(fetch)(url)\n");
  });

  it("works on offsets after emoji and CJK text (UTF-16 indices)", () => {
    const prefix = "# 🚀 同步 café\n";
    const source = `${prefix}asyncio.run(go())\n`;
    const at = source.indexOf("asyncio.run(");
    const out = applyEdits(source, [
      { start: at, end: at + "asyncio.run(".length, text: "await " },
      { start: source.lastIndexOf(")"), end: source.lastIndexOf(")") + 1, text: "" },
    ]);
    expect(out).toBe(`${prefix}await go()\n`);
  });

  it("inserts at the end of a replaced range after the replacement", () => {
    expect(
      applyEdits("abcdef", [
        { start: 0, end: 3, text: "X" },
        { start: 3, end: 3, text: "Y" },
      ]),
    ).toBe("XYdef");
  });

  it("keeps CRLF line breaks", () => {
    const source = "a\r\nb\r\nc\r\n";
    expect(applyEdits(source, [{ start: 3, end: 4, text: "B" }])).toBe("a\r\nB\r\nc\r\n");
  });

  it("returns the source itself when there is nothing to do", () => {
    expect(applyEdits("same", [])).toBe("same");
  });
});

describe("offsetBeforeEdits", () => {
  const source = "0123456789";
  const edits = sortedEdits([
    { start: 2, end: 4, text: "abcd" }, // grows by 2
    { start: 6, end: 8, text: "" }, // shrinks by 2
  ]);
  const after = applyEdits(source, edits); // "01abcd4589"

  it("maps offsets before every edit unchanged", () => {
    expect(offsetBeforeEdits(edits, 0)).toBe(0);
    expect(offsetBeforeEdits(edits, 1)).toBe(1);
  });

  it("maps offsets inside a replacement to the start of the replaced range", () => {
    expect(offsetBeforeEdits(edits, 3)).toBe(2);
    expect(offsetBeforeEdits(edits, 5)).toBe(2);
  });

  it("maps offsets after edits back through their length changes", () => {
    expect(after[6]).toBe("4");
    expect(offsetBeforeEdits(edits, 6)).toBe(4);
    expect(after[8]).toBe("8");
    expect(offsetBeforeEdits(edits, 8)).toBe(8);
    expect(offsetBeforeEdits(edits, after.length)).toBe(source.length);
  });

  it("maps every unchanged character to the same character of the original", () => {
    for (let i = 0; i < after.length; i++) {
      const j = offsetBeforeEdits(edits, i);
      if (!(i >= 2 && i < 6)) expect(source[j]).toBe(after[i]);
    }
  });
});
