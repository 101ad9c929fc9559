import { describe, expect, it } from "vitest";
import { inCode, matchesAtTopLevel } from "../../src/syntax/top-level.js";

const CALL = /ForeignKey\(/;

describe("matchesAtTopLevel", () => {
  it.each([
    ["an assignment in a class body", "class A(Model):\n    owner = ForeignKey(User)\n", true],
    ["a call in a list", "ops = [\n    ('owner', ForeignKey(User)),\n]\n", false],
    ["a call in an argument list", "f(field=ForeignKey(User))\n", false],
    ["a docstring", 'class A:\n    """owner = ForeignKey(User)"""\n', false],
    ["a comment", "# owner = ForeignKey(User)\nx = 1\n", false],
    ["a string holding a bracket before it", 'x = "("\nowner = ForeignKey(User)\n', true],
    ["an escaped quote", "x = 'it\\'s ('\nowner = ForeignKey(User)\n", true],
    ["a raw string ending in a backslash-quote pair", "x = r'\\'('\nowner = ForeignKey(U)\n", true],
    ["a triple-quoted string over lines", "x = '''a\n(\n'''\nowner = ForeignKey(U)\n", true],
    ["no match", "owner = CharField()\n", false],
  ])("%s", (_, source, expected) => {
    expect(matchesAtTopLevel(source, CALL)).toBe(expected);
  });

  it.each([
    ["brackets that do not close", "ops = [\n    ForeignKey(User)\n"],
    ["a string that does not end", "x = 'open\nops = [ForeignKey(User)]\n"],
    ["a def inside brackets (the reading went wrong)", "ops = [ForeignKey(U)\ndef f():\n  ]\n"],
    ["a closing bracket with none open", "]\nops = [ForeignKey(User)]\n"],
  ])("says true when it cannot be sure: %s", (_, source) => {
    expect(matchesAtTopLevel(source, CALL)).toBe(true);
  });
});

describe("inCode", () => {
  it("tells code from strings and comments", () => {
    const source = 'a = 1  # b\nc = "d"\n"""\ne\n"""\nf\n';
    const at = (s: string) => source.indexOf(s);
    expect(inCode(source, [at("a"), at("b"), at("c"), at("d"), at("e"), at("f")])).toEqual([
      true,
      false,
      true,
      false,
      false,
      true,
    ]);
  });

  it("answers undefined for a string that does not end", () => {
    expect(inCode("x = '''\nclass A(B):\n", [8])).toBeUndefined();
  });
});
