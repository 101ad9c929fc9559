import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Node as NativeNode, Tree as NativeTree } from "web-tree-sitter";
import { describe, expect, it } from "vitest";
import { parseNative } from "../../src/syntax/parse.js";
import { copiesOverExports } from "../../src/syntax/cursor.js";
import { copyTree, sameCopies, walkNamed, type SyntaxNode } from "../../src/syntax/tree.js";

const root = join(import.meta.dirname, "../..");

/**
 * Every snapshot input and example: real code in every shape the transforms meet; `folder` is
 * `snapshots/<transform>` or `examples`.
 */
function corpus(): { name: string; folder: string; source: string }[] {
  const out: { name: string; folder: string; source: string }[] = [];
  const visit = (dir: string, folder: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path, folder);
      else if (entry.name.endsWith(".py"))
        out.push({ name: path, folder, source: readFileSync(path, "utf8") });
    }
  };
  for (const transform of readdirSync(join(root, "snapshots")))
    visit(join(root, "snapshots", transform), `snapshots/${transform}`);
  visit(join(root, "examples"), "examples");
  return out;
}

/** What both trees answer alike, the binding's nodes and the copies. */
interface Described {
  type: string;
  isNamed: boolean;
  isMissing: boolean;
  hasError: boolean;
  startIndex: number;
  endIndex: number;
  startPosition: { row: number; column: number };
  endPosition: { row: number; column: number };
}

/** The lookups both answer alike. */
interface Queryable extends Described {
  childForFieldName(name: string): Queryable | null;
  descendantsOfType(types: string[]): Queryable[];
}

/** What the copy must agree on with the binding's node, for one node and, through it, its tree. */
function nodeRow(node: Described, field: string | null, childCount: number): unknown[] {
  const { type, isNamed, isMissing, hasError, startIndex, endIndex } = node;
  const { startPosition, endPosition } = node;
  return [
    type,
    isNamed,
    isMissing,
    hasError,
    startIndex,
    endIndex,
    startPosition,
    endPosition,
    field,
    childCount,
  ];
}

/** The field the copy's parent names `node` by: the copy keeps field ids, not names, per node. */
function copyFieldOf(node: SyntaxNode): string | null {
  const parent = node.parent;
  return parent
    ? (ALL_FIELDS.find((name) => parent.childrenForFieldName(name).includes(node)) ?? null)
    : null;
}

/** Every field name of the grammar. */
const ALL_FIELDS = [
  ...new Set(
    (
      JSON.parse(
        readFileSync(join(root, "node_modules/tree-sitter-python/src/node-types.json"), "utf8"),
      ) as { fields?: Record<string, unknown> }[]
    ).flatMap((info) => Object.keys(info.fields ?? {})),
  ),
];

/** Both trees side by side, pre-order, each node with the field its parent names it by. */
function compare(native: NativeTree, source: string): void {
  const copy = copyTree(native, source);
  const nativeRows: unknown[][] = [];
  let depth = 0;
  const visitNative = (node: NativeNode, field: string | null, level: number) => {
    nativeRows.push(nodeRow(node, field ?? null, node.childCount));
    depth = Math.max(depth, level);
    node.children.forEach((child, i) => visitNative(child, node.fieldNameForChild(i), level + 1));
  };
  visitNative(native.rootNode, null, 0);
  // Levels below the root of the deepest node: what AS909 is decided on.
  expect(copy.depth).toBe(depth);
  const copyRows: unknown[][] = [];
  const visitCopy = (node: SyntaxNode) => {
    copyRows.push(nodeRow(node, copyFieldOf(node), node.children.length));
    for (const child of node.children) {
      expect(child.parent).toBe(node);
      visitCopy(child);
    }
  };
  visitCopy(copy.rootNode);
  expect(copyRows).toEqual(nativeRows);
}

describe("copyTree", () => {
  const files = corpus();

  it("has the snapshot inputs and examples to copy", () => {
    expect(files.length).toBeGreaterThan(100);
  });

  // One test per folder, each well inside the timeout on a loaded machine (all at once took
  // 63 s at load 18).
  // Each folder's files in parts of at most 400: native-orm's 1,472 took 68 s against the 60 s
  // timeout at load 30.
  const parts = [...new Set(files.map((f) => f.folder))].flatMap((folder) => {
    const inFolder = files.filter((f) => f.folder === folder);
    return Array.from({ length: Math.ceil(inFolder.length / 400) }, (_, k) => ({
      name: `${folder} (part ${k + 1})`,
      sources: inFolder.slice(k * 400, k * 400 + 400).map((f) => f.source),
    }));
  });
  it.each(parts)("copies every node of every file under $name as the binding sees it", (part) => {
    for (const source of part.sources) compare(parseNative(source), source);
  });

  it("copies trees with ERROR and MISSING nodes, errors carried up to the root", () => {
    for (const source of [
      "x = (1,\n",
      "def f(:\n    pass\n",
      "if x\n    y = 1\n",
      "print(é 😀 ])\n",
    ]) {
      const native = parseNative(source);
      expect(native.rootNode.hasError).toBe(true);
      compare(native, source);
    }
  });

  it("copies over the WebAssembly exports as over the binding's TreeCursor", () => {
    // The fast copy keeps the cursor in the binding's transfer buffer (cursor.ts); the binding's
    // own cursor marshals it at every step. Both must give the same columns, on every input and
    // on trees with ERROR and MISSING nodes (whose hasError reads the node through the buffer).
    // The thread's self-check (parse.ts) agreed, so the copies are made over the exports.
    expect(copiesOverExports()).toBe(true);
    const sources = [
      ...files.map((f) => f.source),
      "x = (1,\n",
      "def f(:\n    pass\n",
      "if x\n    y = 1\n",
      "print(é 😀 ])\n",
      "class A:\n    def f(self:\n        return [x for x in\n",
    ];
    const differing: string[] = [];
    for (const source of sources) {
      const native = parseNative(source);
      if (!sameCopies(native, source)) differing.push(source.slice(0, 80));
      native.delete();
    }
    expect(differing).toEqual([]);
  });

  it("copies the token shapes whose ranges it reads from the text", () => {
    for (const source of [
      "",
      "# only a comment\n",
      "\n\n   \n",
      "x = 1\r\ny = [a,\r\n     b]\r\n",
      "if a \\\n   and b:\n\tpass\n",
      "x = 1;\fy = 2\n",
      "é = aé + bé_2 + _x9\nµ = 1\n",
      "x = a if b is not c else d not in e\nx = a is  not b\ny = c not\tin d\n",
      "print >>f, 'x'\nexec 'y'\n",
      "match x:\n    case [1, *_]:\n        pass\n    case {'k': v, **rest}:\n        pass\n",
      "type Alias = list[int]\ndef f[T](x: T) -> T: ...\n",
      'f"{x!r:>{width}} {y=}" rb"\\d" u"é"\n',
      "async def f():\n    async with a as b, c:\n        await (yield)\n",
      "lambda: (yield)\n@decorator\nclass A(B, metaclass=M): x: int = 1\n",
    ]) {
      const native = parseNative(source);
      compare(native, source);
    }
  });

  it("answers field, descendant and position queries as the binding does", () => {
    for (const { name, source } of files.slice(0, 60)) {
      const native = parseNative(source);
      const copy = copyTree(native, source);
      const types = [
        "call",
        "function_definition",
        "import_from_statement",
        "assignment",
        "aliased_import",
      ];
      const fields = ["name", "body", "function", "arguments", "module_name", "alias", "value"];
      const hits = (root: Queryable, field: string) =>
        root
          .descendantsOfType(types)
          .map((n) => n.childForFieldName(field))
          .map((n) => (n ? [n.startIndex, n.endIndex, n.type] : null));
      for (const field of fields)
        expect(hits(copy.rootNode, field), `${name}: ${field}`).toEqual(
          hits(native.rootNode, field),
        );
      // Ranges at every identifier, one character into it, and empty ranges at its edges.
      for (const id of native.rootNode.descendantsOfType("identifier")) {
        for (const [start, end] of [
          [id.startIndex, id.endIndex],
          [id.endIndex - 1, id.endIndex],
          [id.startIndex, id.startIndex],
          [id.endIndex, id.endIndex],
        ]) {
          const span = (n: { startIndex: number; endIndex: number; type: string }) => [
            n.startIndex,
            n.endIndex,
            n.type,
          ];
          expect(span(copy.rootNode.descendantForIndex(start, end)), `${name} @${start}`).toEqual(
            span(native.rootNode.descendantForIndex(start, end)!),
          );
          expect(
            span(copy.rootNode.namedDescendantForIndex(start, end)),
            `${name} @${start}`,
          ).toEqual(span(native.rootNode.namedDescendantForIndex(start, end)!));
        }
      }
    }
  });

  it("finds a large subtree's nodes by type as a pass over every node does", () => {
    // Subtrees over 512 nodes are searched in the tree's nodes by type (from the tree's second
    // such search); each answer, for one type or several (repeated too), must be the pass's: the
    // same nodes, in source order.
    // Inputs joined 25 at a time: large trees, whose classes and defs are subtrees of any size.
    const inputs = corpus();
    const files = Array.from({ length: 30 }, (_, k) => ({
      name: inputs[k * 25]?.name ?? "",
      source: inputs
        .slice(k * 25, k * 25 + 25)
        .map((f) => f.source)
        .join("\n"),
    }));
    const asked = [["call"], ["identifier"], ["comment", "string", "call"], ["call", "call"]];
    for (const { name, source } of files) {
      const copy = copyTree(parseNative(source), source);
      const subtrees = [
        copy.rootNode,
        ...copy.rootNode.descendantsOfType(["class_definition", "function_definition"]),
      ];
      for (const node of subtrees)
        for (const types of asked) {
          const pass: number[] = [];
          walkAll(node, (n) => types.includes(n.type) && pass.push(n.id));
          expect(
            node.descendantsOfType(types).map((n) => n.id),
            `${name} ${node} ${types}`,
          ).toEqual(pass);
        }
    }
  });

  it("gives one object per node, so nodes compare with ===", () => {
    const source = "import asyncio\n\nasyncio.run(main())\n";
    const copy = copyTree(parseNative(source), source);
    const [call] = copy.rootNode.descendantsOfType("call");
    expect(call.childForFieldName("function")!.parent).toBe(call);
    expect(copy.rootNode.descendantsOfType("call")[0]).toBe(call);
    expect(call.text).toBe("asyncio.run(main())");
  });

  it("walks named nodes in pre-order, skipping and leaving as told", () => {
    const source = "def f(a):\n    return [x for x in a]\n";
    const copy = copyTree(parseNative(source), source);
    const seen: string[] = [];
    walkNamed(copy.rootNode, (node) => {
      seen.push(node.type);
      if (node.type === "list_comprehension") return false;
      if (node.type === "function_definition") return () => seen.push("/def");
      return true;
    });
    expect(seen).toEqual([
      "function_definition",
      "identifier",
      "parameters",
      "identifier",
      "block",
      "return_statement",
      "list_comprehension",
      "/def",
    ]);
  });
});

/** `node` and every node below it, named or not, in pre-order. */
function walkAll(node: SyntaxNode, visit: (node: SyntaxNode) => unknown): void {
  visit(node);
  for (const child of node.children) walkAll(child, visit);
}
