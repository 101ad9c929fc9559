import { afterEach, describe, expect, it } from "vitest";
import { dropKeptTrees, keepTree, keepTreesHere, takeTree } from "../../src/syntax/kept-trees.js";
import { parseNative } from "../../src/syntax/parse.js";
import { copyTree } from "../../src/syntax/tree.js";

afterEach(() => keepTreesHere(false));

/** A source of `lines` statements, its parser's tree and its copy. */
function parsed(lines: number) {
  // Few nodes a character, as in real code (a long string each line).
  const text = Array.from({ length: lines }, (_, k) => `x${k} = "${"a".repeat(60)}"\n`).join("");
  const native = parseNative(text);
  const tree = copyTree(native, text);
  return { text, native, tree, copyBytes: tree.columnBytes + text.length };
}

describe("kept trees", () => {
  it("hands a tree out once, for the very text it was parsed from", () => {
    keepTreesHere(true);
    const a = parsed(10);
    keepTree("a.py", a.text, a.tree, a.native);
    expect(takeTree("a.py", a.text + " ")).toBeUndefined();
    keepTree("a.py", a.text, a.tree, a.native);
    const taken = takeTree("a.py", a.text)!;
    expect(taken.native).toBe(a.native);
    expect(taken.tree.nodeCount).toBe(a.tree.nodeCount);
    expect(takeTree("a.py", a.text)).toBeUndefined();
    taken.native!.delete();
  });

  it("gives up the parser's trees before copies, and keeps what it holds once full", () => {
    const files = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"].map((name) => ({
      name,
      ...parsed(40),
    }));
    const [{ copyBytes, text }] = files;
    // Room for one tree with its parser's tree (20 bytes a character), or for `fit` copies.
    const budget = copyBytes + 20 * text.length;
    const fit = Math.floor(budget / copyBytes);
    expect(fit).toBeGreaterThan(1);
    expect(fit).toBeLessThan(files.length);
    keepTreesHere(true, true, budget);
    const [a] = files;
    keepTree("a", a.text, a.tree, a.native);
    expect(takeTree("a", a.text)?.native).toBe(a.native);
    for (const f of files) keepTree(f.name, f.text, f.tree, f.native);
    // The survey asks again in the same order: the first files are the ones asked for next.
    const taken = files.map((f) => takeTree(f.name, f.text));
    expect(taken.map((t) => t !== undefined)).toEqual(files.map((_, k) => k < fit));
    expect(taken.some((t) => t?.native)).toBe(false);
  });

  it("keeps the copies alone where asked, and nothing once dropped", () => {
    keepTreesHere(true, false);
    const a = parsed(5);
    keepTree("a.py", a.text, a.tree, a.native);
    dropKeptTrees();
    expect(takeTree("a.py", a.text)).toBeUndefined();
    const b = parsed(5);
    keepTree("b.py", b.text, b.tree, b.native);
    expect(takeTree("b.py", b.text)).toEqual({ text: b.text, tree: expect.anything() });
  });
});
