import { describe, expect, it } from "vitest";
import { parsePython } from "../src/parse.js";
import { walkNamed } from "../src/python/scope.js";
import type { SyntaxNode } from "../src/types.js";

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
    walkNamed(root, (type, _current, cursor) => {
      seen.push(`${type}@${cursor.startIndex}`);
      return true;
    });
    expect(seen).toEqual(recursive(root));
  });

  it("skips children when told, and calls the leave function after them", () => {
    const root = parsePython(SOURCE).rootNode;
    const events: string[] = [];
    walkNamed(root, (type, current) => {
      if (type === "list_comprehension") return false;
      if (type === "with_statement") {
        events.push("enter with");
        return () => events.push("leave with");
      }
      if (type === "identifier") events.push(current().text);
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
