import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type Parser from "tree-sitter";
import Python from "tree-sitter-python";
import { describe, expect, it } from "vitest";
import { parseNative } from "../src/parse.js";
import { copyTree, walkNamed, type SyntaxNode } from "../src/syntax-tree.js";

const root = join(import.meta.dirname, "..");

/** Every snapshot input and example: real code in every shape the transforms meet. */
function corpus(): { name: string; source: string }[] {
  const out: { name: string; source: string }[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith(".py"))
        out.push({ name: path, source: readFileSync(path, "utf8") });
    }
  };
  visit(join(root, "snapshots"));
  visit(join(root, "examples"));
  return out;
}

/** What the copy must agree on with the binding's node, for one node and, through it, its tree. */
function describeNative(node: Parser.SyntaxNode, field: string | null): unknown[] {
  return [
    node.type,
    node.isNamed,
    node.isMissing,
    node.hasError,
    node.startIndex,
    node.endIndex,
    node.startPosition,
    node.endPosition,
    field,
    node.childCount,
  ];
}

function describeCopy(node: SyntaxNode, parent: SyntaxNode | null): unknown[] {
  const field = parent
    ? (ALL_FIELDS.find((name) => parent.childrenForFieldName(name).includes(node)) ?? null)
    : null;
  return [
    node.type,
    node.isNamed,
    node.isMissing,
    node.hasError,
    node.startIndex,
    node.endIndex,
    node.startPosition,
    node.endPosition,
    field,
    node.children.length,
  ];
}

/** Every field name of the grammar. */
const ALL_FIELDS = [
  ...new Set(
    (
      Python as unknown as { nodeTypeInfo: { fields?: Record<string, unknown> }[] }
    ).nodeTypeInfo.flatMap((info) => Object.keys(info.fields ?? {})),
  ),
];

/** Both trees side by side, pre-order, each node with the field its parent names it by. */
function compare(native: Parser.Tree, source: string): void {
  const copy = copyTree(native, source);
  const nativeRows: unknown[][] = [];
  const visitNative = (node: Parser.SyntaxNode, field: string | null) => {
    nativeRows.push(describeNative(node, field ?? null));
    node.children.forEach((child, i) => visitNative(child, node.fieldNameForChild(i)));
  };
  visitNative(native.rootNode, null);
  const copyRows: unknown[][] = [];
  const visitCopy = (node: SyntaxNode) => {
    copyRows.push(describeCopy(node, node.parent));
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

  it("copies every node of every snapshot input and example as the binding sees it", () => {
    expect(files.length).toBeGreaterThan(100);
    for (const { source } of files) compare(parseNative(source), source);
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

  it("answers field, descendant and position queries as the binding does", () => {
    for (const { name, source } of files.slice(0, 60)) {
      const native = parseNative(source);
      const copy = copyTree(native, source);
      for (const fieldName of [
        "name",
        "body",
        "function",
        "arguments",
        "module_name",
        "alias",
        "value",
      ]) {
        const nativeHits = native.rootNode
          .descendantsOfType([
            "call",
            "function_definition",
            "import_from_statement",
            "assignment",
            "aliased_import",
          ])
          .map((n) => n.childForFieldName(fieldName))
          .map((n) => (n ? [n.startIndex, n.endIndex, n.type] : null));
        const copyHits = copy.rootNode
          .descendantsOfType([
            "call",
            "function_definition",
            "import_from_statement",
            "assignment",
            "aliased_import",
          ])
          .map((n) => n.childForFieldName(fieldName))
          .map((n) => (n ? [n.startIndex, n.endIndex, n.type] : null));
        expect(copyHits, `${name}: ${fieldName}`).toEqual(nativeHits);
      }
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
            span(native.rootNode.descendantForIndex(start, end)),
          );
          expect(
            span(copy.rootNode.namedDescendantForIndex(start, end)),
            `${name} @${start}`,
          ).toEqual(span(native.rootNode.namedDescendantForIndex(start, end)));
        }
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
