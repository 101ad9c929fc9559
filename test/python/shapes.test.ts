import { describe, expect, it } from "vitest";
import { definitionNamed } from "../../src/python/shapes.js";
import { parsePython } from "../../src/syntax/parse.js";

describe("definitionNamed", () => {
  const source = [
    "def helper():",
    "    return 1",
    "",
    "@decorated",
    "class Helper:",
    "    def helper(self):",
    "        return 2",
    "",
    "def helper():  # a second def of the name: the first one is the answer",
    "    return 3",
    "",
  ].join("\n");

  it("finds the first def or class of a name in a block, through decorators", () => {
    const root = parsePython(source).rootNode;
    const def = definitionNamed(root, "function_definition", "helper");
    expect(def?.startPosition.row).toBe(0);
    const cls = definitionNamed(root, "class_definition", "Helper");
    expect(cls?.type).toBe("class_definition");
    expect(definitionNamed(root, "class_definition", "helper")).toBeUndefined();
    expect(definitionNamed(root, "function_definition", "missing")).toBeUndefined();
  });

  it("answers for each block of the tree on its own (a class body is not the module)", () => {
    const root = parsePython(source).rootNode;
    const body = definitionNamed(root, "class_definition", "Helper")!.childForFieldName("body");
    expect(definitionNamed(body, "function_definition", "helper")?.startPosition.row).toBe(5);
    expect(definitionNamed(root, "function_definition", "helper")?.startPosition.row).toBe(0);
    expect(definitionNamed(null, "function_definition", "helper")).toBeUndefined();
  });
});
