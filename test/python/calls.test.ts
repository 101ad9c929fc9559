import { describe, expect, it } from "vitest";
import { callArguments, chainRoot } from "../../src/python/calls.js";
import { parsePython } from "../../src/syntax/parse.js";

const callIn = (source: string) => parsePython(source).rootNode.descendantsOfType("call")[0];

describe("calls", () => {
  it("lists arguments without the comments between them", () => {
    const call = callIn("f(\n    a,  # the first\n    b=2,\n    *rest,\n)\n");
    expect(callArguments(call).map((a) => a.text)).toEqual(["a", "b=2", "*rest"]);
  });
  it("takes a bare generator argument as the one argument", () => {
    expect(callArguments(callIn("sum(x for x in xs)\n")).map((a) => a.type)).toEqual([
      "generator_expression",
    ]);
  });
  it("finds the name an attribute chain starts from, none for a call result", () => {
    const chain = callIn("client.repos.refresh()\n").childForFieldName("function")!;
    expect(chainRoot(chain)?.text).toBe("client");
    const fromCall = callIn("make().repos.refresh()\n").childForFieldName("function")!;
    expect(chainRoot(fromCall)).toBeUndefined();
  });
});
