import { describe, expect, it } from "vitest";
import { parsePython } from "../../src/syntax/parse.js";
import { walkNamed } from "../../src/syntax/tree.js";
import type { SyntaxNode } from "../../src/model/types.js";

/** Named descendants in pre-order, the way a recursive walk over namedChildren lists them. */
function recursive(node: SyntaxNode, out: string[] = []): string[] {
  for (const child of node.namedChildren) {
    out.push(`${child.type}@${child.startIndex}`);
    recursive(child, out);
  }
  return out;
}

const SOURCE = `# 日本語 🎉
async def f(x):
    with transaction.atomic():
        y = [a for a in x]
    return await g(y, k="🎉")
`;

describe("walkNamed", () => {
  it("visits the named nodes below a node in the order a recursive walk does", () => {
    const root = parsePython(SOURCE).rootNode;
    const seen: string[] = [];
    walkNamed(root, (node) => {
      seen.push(`${node.type}@${node.startIndex}`);
      return true;
    });
    expect(seen).toEqual(recursive(root));
  });

  it("skips children when told, and calls the leave function after them", () => {
    const root = parsePython(SOURCE).rootNode;
    const events: string[] = [];
    walkNamed(root, (node) => {
      if (node.type === "list_comprehension") return false;
      if (node.type === "with_statement") {
        events.push("enter with");
        return () => events.push("leave with");
      }
      if (node.type === "identifier") events.push(node.text);
      return true;
    });
    expect(events).toEqual([
      "f",
      "x",
      "enter with",
      "transaction",
      "atomic",
      "y",
      "leave with",
      "g",
      "y",
      "k",
    ]);
  });
});
