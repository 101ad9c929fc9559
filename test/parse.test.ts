import { describe, expect, it } from "vitest";
import { countSyntaxProblems, firstSyntaxProblem, parsePython } from "../src/parse.js";
import type { SyntaxNode } from "../src/types.js";

function calls(source: string): SyntaxNode[] {
  return parsePython(source).rootNode.descendantsOfType("call");
}

describe("parsePython offsets", () => {
  // Each prefix puts multi-byte UTF-8 (and, for emoji, UTF-16 surrogate pairs) before the site.
  const prefixes: Record<string, string> = {
    emoji: '"""🚀🎉 launch 👋🏽"""\n',
    cjk: "# 同步任务: 日本語のコメント\n",
    accented: 'café = "naïve façade Zoë ñandú"\n',
    mixed: 'x = "😀 中文 é"; y = "🦤"\n',
  };

  it.each(Object.entries(prefixes))("node offsets slice the right text after %s", (_, prefix) => {
    const source = `${prefix}def sync_café():\n    return asyncio.run(fetch("ü😀", 1))\n`;
    const [outer, inner] = calls(source);
    expect(source.slice(outer.startIndex, outer.endIndex)).toBe('asyncio.run(fetch("ü😀", 1))');
    expect(source.slice(inner.startIndex, inner.endIndex)).toBe('fetch("ü😀", 1)');
    expect(outer.text).toBe(source.slice(outer.startIndex, outer.endIndex));
  });

  it("reports rows and columns of the line holding the site", () => {
    const source = '# 注释 🎉\nvalue = "é"; asyncio.run(main())\n';
    const [call] = calls(source);
    expect(call.startPosition.row).toBe(1);
    const line = source.split("\n")[1];
    expect(line.slice(call.startPosition.column)).toMatch(/^asyncio\.run/);
  });

  it("handles text larger than one parser chunk", () => {
    const filler = "# 填充 😀 ".repeat(10_000) + "\n";
    const source = `${filler}asyncio.run(main())\n`;
    const [call] = calls(source);
    expect(source.slice(call.startIndex, call.endIndex)).toBe("asyncio.run(main())");
  });

  it("keeps CRLF line breaks out of node text", () => {
    const source = "import asyncio\r\n\r\ndef f():\r\n    asyncio.run(g())\r\n";
    const [call] = calls(source);
    expect(call.text).toBe("asyncio.run(g())");
    expect(call.startPosition.row).toBe(3);
  });
});

describe("firstSyntaxProblem", () => {
  it("is undefined for a clean file", () => {
    const tree = parsePython("def f():\n    return 1\n");
    expect(firstSyntaxProblem(tree)).toBeUndefined();
    expect(countSyntaxProblems(tree)).toBe(0);
  });

  it("names an ERROR node and its line", () => {
    const tree = parsePython("x = 1\ny = )\n");
    const problem = firstSyntaxProblem(tree);
    expect(problem).toMatchObject({ kind: "error", line: 1 });
    expect(countSyntaxProblems(tree)).toBeGreaterThan(0);
  });

  it("names a MISSING node and what was expected", () => {
    const source = "x = 1\nfor item in :\n    pass\n";
    const problem = firstSyntaxProblem(parsePython(source));
    expect(problem).toMatchObject({ kind: "missing", expected: "identifier", line: 1, column: 11 });
    expect(source.slice(problem!.start)).toMatch(/^ :/);
  });

  it("gives the first problem in source order", () => {
    const source = "# 😀\ndef f(:\n    pass\nz = (\n";
    const problem = firstSyntaxProblem(parsePython(source))!;
    expect(problem.line).toBe(1);
    expect(
      source.slice(problem.start).startsWith(source.split("\n")[1].slice(problem.column)),
    ).toBe(true);
  });
});
