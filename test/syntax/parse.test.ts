import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/engine/edits.js";
import {
  countSyntaxProblems,
  firstSyntaxProblem,
  parseNative,
  parsePython,
  reparsedAfterEdits,
} from "../../src/syntax/parse.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";

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

describe("Python 2 forms tree-sitter accepts", () => {
  const cases: [string, string, number][] = [
    ['import sys\nprint "total:", 3\n', "print statement", 1],
    ['print >>sys.stderr, "x"\n', "print statement", 0],
    ['exec "x = 1" in scope\n', "exec statement", 0],
    ["try:\n    pass\nexcept ValueError, e:\n    pass\n", "except E, name", 2],
    ["try:\n    pass\nexcept (IOError, OSError), err:\n    pass\n", "except E, name", 2],
    ["try:\n    pass\nexcept ValueError, TypeError as e:\n    pass\n", "except E, name", 2],
    ["if a <> b:\n    pass\n", "<>", 0],
    ['raise ValueError, "bad"\n', "raise E", 0],
    ["mode = 0777\n", "integer literal", 0],
    ["big = 10L\n", "integer literal", 0],
    ["s = `x`\n", "string form", 0],
    ["s = ur'caf\u00e9'\n", "string form", 0],
  ];
  for (const [source, what, line] of cases)
    it(`are syntax problems: ${JSON.stringify(source)}`, () => {
      const problem = firstSyntaxProblem(parsePython(source));
      expect(problem).toMatchObject({ kind: "error", line });
      expect(problem?.python2).toContain(what);
    });

  it("leave Python 3 alone: print() calls, print as a name, except tuples, 0, 0o777, raise from, rb''", () => {
    const source =
      'print("x", file=sys.stderr)\nprint  ("y")\nprint = log\nexec(code)\n# print the value, exec it\n' +
      "try:\n    pass\nexcept (A, B) as e:\n    raise C(e, 1) from e\n" +
      "x = 0 + 00 + 0o777 + 0x1F + 1_000 + 0.5 + 3j\ns = rb'x' + Rb'y' + f'{a!r}'\nok = a != b\n";
    expect(firstSyntaxProblem(parsePython(source))).toBeUndefined();
  });

  it("leave Python 3.14's unparenthesised exception lists alone (PEP 758, hazard-review-3 H9)", () => {
    const source =
      "try:\n    pass\nexcept InvalidSessionTokenException, ExpiredSessionException:\n    pass\n" +
      "try:\n    pass\nexcept KeyError, errors.NotFound, TimeoutError:\n    pass\n";
    expect(firstSyntaxProblem(parsePython(source))).toBeUndefined();
  });
});

describe("reparsedAfterEdits", () => {
  /** A small deterministic generator: the same edits on every run. */
  function random(seed: number): () => number {
    let state = seed;
    return () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
  }

  const SNIPPETS = [
    "await ",
    "",
    "x",
    "(\n    y,\n)",
    "é😀",
    "\r\n",
    "async_to_sync(f)",
    "  # 注释\n",
  ];

  /** Random non-overlapping edits, sorted, as transforms make them. */
  function randomEdits(text: string, next: () => number): Edit[] {
    const edits: Edit[] = [];
    let from = 0;
    for (let k = 0; k < 6 && from < text.length; k++) {
      const start = from + Math.floor(next() * Math.min(200, text.length - from));
      const end = Math.min(text.length, start + Math.floor(next() * 12));
      edits.push({ start, end, text: SNIPPETS[Math.floor(next() * SNIPPETS.length)] });
      from = end + 1;
    }
    return edits;
  }

  const sources = [
    "import asyncio\r\n\r\ndef f(x):\r\n    return asyncio.run(g(x))\r\n",
    "# 😀 中文 é\nclass A:\n    def m(self):\n        return [i async for i in qs]\n",
    'x = {"k": [1, 2, (3, 4)]}\nif x:\n    print(f"{x!r} ü")\nelse:\n    pass\n',
  ];

  it("gives the tree a full parse of the new text gives", () => {
    const next = random(42);
    for (const source of sources) {
      for (let round = 0; round < 60; round++) {
        const edits = randomEdits(source, next);
        const newText = applyEdits(source, edits);
        const incremental = reparsedAfterEdits(parseNative(source), source, newText, edits);
        const full = parseNative(newText);
        expect(incremental.rootNode.toString()).toBe(full.rootNode.toString());
        // Rows and columns too: syntax problems are reported at the binding's positions.
        const spans = (t: typeof full) => {
          const found: unknown[] = [];
          const cursor = t.walk();
          do {
            found.push([cursor.nodeType, cursor.startIndex, cursor.endIndex]);
            found.push([cursor.startPosition, cursor.endPosition]);
          } while (
            cursor.gotoFirstChild() ||
            cursor.gotoNextSibling() ||
            (function up(): boolean {
              while (cursor.gotoParent()) if (cursor.gotoNextSibling()) return true;
              return false;
            })()
          );
          return found;
        };
        expect(spans(incremental)).toEqual(spans(full));
      }
    }
  });
});

// tree-sitter-python 0.25.0 (the newest release, and upstream's grammar) has no rule for PEP 696
// type-parameter defaults: it wraps `T =` in an ERROR node. CPython 3.13 compiles them.
describe("PEP 696 type-parameter defaults", () => {
  const valid: Record<string, string> = {
    class: "class Registry[T = int]:\n    pass\n",
    function: "def first[T = str](items: list[T]) -> T: ...\n",
    "type alias": "type Pairs[K = str, V = int] = dict[K, V]\n",
    "bound and default": "class Cache[T: dict[str, int] = dict[str, int]]:\n    pass\n",
    "constraints and default": "class Cell[T: (int, str) = int, U = T]:\n    pass\n",
    "TypeVarTuple and ParamSpec":
      "class Call[*Ts = *tuple[int, ...], **P = [int, str]]:\n    pass\n",
    "comments, line breaks and a method": [
      "class Repo[",
      "    T = int,  # the row type, é",
      "    U = str,",
      "](Base[T]):",
      "    async def load[R = bytes](self) -> R: ...",
      "",
    ].join("\n"),
    CRLF: "class Box[T = int]:\r\n    value: T\r\n",
  };

  it.each(Object.entries(valid))("a %s is not a syntax problem", (_, source) => {
    expect(firstSyntaxProblem(parseNative(source))).toBeUndefined();
    expect(firstSyntaxProblem(parsePython(source))).toBeUndefined();
    expect(countSyntaxProblems(parseNative(source))).toBe(0);
  });

  const invalid: Record<string, string> = {
    "doubled =": "class R[T = = int]:\n    pass\n",
    "two defaults": "class R[T = int = str]:\n    pass\n",
    "a default with no value": "class R[T = ]:\n    pass\n",
    "a default in a subscript": "x: list[T = int] = []\n",
    "a default in a list": "x = [T = int]\n",
    "a default on an alias's right side": "type A[T] = list[T = int]\n",
    "an error after a default": "class R[T = int]:\n    y = )\n",
  };

  it.each(Object.entries(invalid))("%s is still a syntax problem", (_, source) => {
    expect(firstSyntaxProblem(parseNative(source))).toBeDefined();
    expect(countSyntaxProblems(parsePython(source))).toBeGreaterThan(0);
  });

  it("places the problem after a default where it is", () => {
    const problem = firstSyntaxProblem(parseNative("class R[T = int]:\n    y = )\n"))!;
    expect(problem.line).toBe(1);
  });
});
