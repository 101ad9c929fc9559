import { describe, expect, it } from "vitest";
import { lineStartsOf, matchesAtLineStarts } from "../../src/python/line-keywords.js";

const CLASS_HEAD = /^([ \t]*)class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)/gm;
const FROM_IMPORT = /^[ \t]*from[ \t]+([\w.]+)[ \t]+import[ \t]+(\([^)]*\)|[^\n]*)/gm;

const TEXTS = [
  "class A(B):\n    class C(D, E):\n        pass\n",
  // A base list spanning lines that holds another head: one match, as matchAll finds.
  "class A(\nclass B(C)\n",
  // `^` holds after CR, LINE SEPARATOR and PARAGRAPH SEPARATOR too.
  "x = 1\rclass A(B): pass\u2028class C(D): pass\u2029\t class E(F): pass",
  'classify(x)\nx = "class G(H)"\n# class I(J)\nclass  class K(L)\nclass M(N)',
  "from a import (b,\n  c)\nfrom d import e  # from f import g\n  from h.i import j as k\n",
  "",
];

describe("matchesAtLineStarts", () => {
  it("finds what matchAll finds, at the lines opening with the keyword", () => {
    for (const text of TEXTS)
      for (const [keyword, pattern] of [
        ["class", CLASS_HEAD],
        ["from", FROM_IMPORT],
      ] as const) {
        const expected = [...text.matchAll(pattern)].map((m) => [m.index, ...m]);
        const found = matchesAtLineStarts(text, keyword, pattern).map((m) => [m.index, ...m]);
        expect(found).toEqual(expected);
      }
  });

  it("tries the pattern at the lines opening with any of the keywords, in order", () => {
    const def = /^[ \t]+(?:async[ \t]+)?def[ \t]+(\w+)/gm;
    const text = "class A:\n    async def b(self):\n        pass\n    def c(self):\n  async x\n";
    const found = matchesAtLineStarts(text, ["def", "async"], def).map((m) => [m.index, ...m]);
    expect(found).toEqual([...text.matchAll(def)].map((m) => [m.index, ...m]));
    expect(found.map((m) => m[2])).toEqual(["b", "c"]);
  });

  it("lists the starts of the lines whose first word begins with the keyword", () => {
    expect(lineStartsOf("class A:\n  class B:\nx.class_\n\tclassy = 1\n", "class")).toEqual([
      0, 9, 29,
    ]);
  });
});
