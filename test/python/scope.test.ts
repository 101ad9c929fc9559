import { describe, expect, it } from "vitest";
import { parsePython } from "../../src/syntax/parse.js";
import {
  bindingsInScope,
  enclosingClass,
  enclosingDef,
  enclosingFunction,
  enclosingScope,
  freshName,
  isNameReference,
  referencesInScope,
} from "../../src/python/scope.js";
import {
  decoratorCallee,
  decorators,
  isAsyncFunction,
  isUnderMainGuard,
  stringLiteralValue,
} from "../../src/python/shapes.js";
import type { SyntaxNode } from "../../src/model/types.js";

function root(source: string): SyntaxNode {
  return parsePython(source).rootNode;
}

/** The call whose text starts with `prefix`. */
function callStarting(node: SyntaxNode, prefix: string): SyntaxNode {
  const found = node.descendantsOfType("call").find((c) => c.text.startsWith(prefix));
  if (!found) throw new Error(`no call ${prefix}`);
  return found;
}

function defNamed(node: SyntaxNode, name: string): SyntaxNode {
  const found = node
    .descendantsOfType("function_definition")
    .find((d) => d.childForFieldName("name")?.text === name);
  if (!found) throw new Error(`no def ${name}`);
  return found;
}

describe("enclosing function, def, class and scope", () => {
  const tree = root(
    [
      "class Svc:",
      "    @app.task(bind=True)",
      "    async def go(self):",
      "        def inner():",
      "            return f(lambda: g())",
      "        return h()",
      "",
      "top()",
      "",
    ].join("\n"),
  );

  it("finds the nearest def, async or not", () => {
    const f = callStarting(tree, "f(");
    expect(enclosingDef(f)?.childForFieldName("name")?.text).toBe("inner");
    expect(isAsyncFunction(enclosingDef(f)!)).toBe(false);
    const h = callStarting(tree, "h(");
    expect(enclosingDef(h)?.childForFieldName("name")?.text).toBe("go");
    expect(isAsyncFunction(enclosingDef(h)!)).toBe(true);
  });

  it("counts a lambda as a function but not as a def", () => {
    const g = callStarting(tree, "g(");
    expect(enclosingFunction(g)?.type).toBe("lambda");
    expect(enclosingDef(g)?.childForFieldName("name")?.text).toBe("inner");
    expect(enclosingScope(g).type).toBe("lambda");
  });

  it("finds the class, and nothing at module level", () => {
    expect(enclosingClass(callStarting(tree, "h("))?.childForFieldName("name")?.text).toBe("Svc");
    const top = callStarting(tree, "top(");
    expect(enclosingFunction(top)).toBeUndefined();
    expect(enclosingClass(top)).toBeUndefined();
    expect(enclosingScope(top).type).toBe("module");
  });

  it("lists decorators and their callees", () => {
    const go = defNamed(tree, "go");
    const [decorator] = decorators(go);
    expect(decorator.text).toBe("@app.task(bind=True)");
    expect(decoratorCallee(decorator)?.text).toBe("app.task");
    expect(decorators(defNamed(tree, "inner"))).toEqual([]);
  });
});

describe("isUnderMainGuard", () => {
  const tree = root(
    [
      "def main():",
      "    run(a())",
      "",
      'if __name__ == "__main__":',
      "    run(b())",
      "    if debug:",
      "        run(c())",
      "else:",
      "    run(d())",
      "",
      "if '__main__' == __name__:",
      "    run(e())",
      "",
      'if __name__ == f"__main__":',
      "    run(f())",
      "",
      'if __name__ != "__main__":',
      "    run(g())",
      "",
    ].join("\n"),
  );
  const guarded = (arg: string) => isUnderMainGuard(callStarting(tree, `run(${arg}`));

  it("is true in the guard's body, nested blocks included, either operand order", () => {
    expect(guarded("b")).toBe(true);
    expect(guarded("c")).toBe(true);
    expect(guarded("e")).toBe(true);
  });

  it("is false elsewhere: functions, the else branch, other comparisons", () => {
    expect(guarded("a")).toBe(false);
    expect(guarded("d")).toBe(false);
    expect(guarded("f")).toBe(false);
    expect(guarded("g")).toBe(false);
  });
});

describe("bindingsInScope", () => {
  it("lists what a function binds, by kind, nested scopes excluded", () => {
    const tree = root(
      [
        "def f(a, b=1, *args, c: int = 2, **kw):",
        "    import asyncio",
        "    from x import y as z",
        "    run = 1",
        "    p, (q, *r) = t",
        "    for i in range(3): pass",
        "    with open(p) as fh: pass",
        "    if (n := 3): pass",
        "    global G",
        "    def inner(): hidden = 1",
        "    class K: pass",
        "    [w for w in t]",
        "    obj.attr = 1",
        "",
      ].join("\n"),
    );
    const bindings = bindingsInScope(defNamed(tree, "f"));
    const byKind = (kind: string) => bindings.filter((b) => b.kind === kind).map((b) => b.name);
    expect(byKind("parameter")).toEqual(["a", "b", "args", "c", "kw"]);
    expect(byKind("import")).toEqual(["asyncio", "z"]);
    expect(byKind("definition")).toEqual(["inner", "K"]);
    expect(byKind("global")).toEqual(["G"]);
    const assigned = byKind("assignment");
    for (const name of ["run", "p", "q", "r", "i", "fh", "n"]) expect(assigned).toContain(name);
    for (const name of ["hidden", "w", "obj", "attr"])
      expect(bindings.map((b) => b.name)).not.toContain(name);
  });
});

describe("referencesInScope", () => {
  const source = [
    "import asyncio",
    "",
    "def uses():",
    "    return asyncio.sleep(0)",
    "",
    "def param(asyncio=asyncio):",
    "    return asyncio.gather()",
    "",
    "def local():",
    "    asyncio = Fake()",
    "    return asyncio.run()",
    "",
    "def declared_global():",
    "    global asyncio",
    "    return asyncio.wait()",
    "",
    "class C:",
    "    asyncio = 1",
    "    def method(self):",
    "        return asyncio.shield(x)",
    "",
    "nums = [asyncio.sleep(i) for i in range(3)]",
    "obj.asyncio = 2",
    "call(asyncio=3)",
    "",
  ].join("\n");
  const tree = root(source);
  const refs = referencesInScope(tree, "asyncio").map((r) => r.parent!.text);

  it("finds reads in the scope and in nested scopes that do not rebind the name", () => {
    expect(refs).toContain("asyncio.sleep");
    expect(refs).toContain("asyncio.wait");
    expect(refs).toContain("asyncio.shield");
    expect(refs.filter((r) => r === "asyncio.sleep")).toHaveLength(2);
  });

  it("counts a default value, which runs in the outer scope", () => {
    expect(refs).toContain("asyncio=asyncio");
  });

  it("skips functions that rebind the name, attribute names and keyword names", () => {
    expect(refs).not.toContain("asyncio.gather");
    expect(refs).not.toContain("asyncio.run");
    expect(refs).not.toContain("obj.asyncio");
    expect(refs).not.toContain("asyncio=3");
  });

  it("tells reads from other identifiers", () => {
    const ids = tree.descendantsOfType("identifier").filter((n) => n.text === "asyncio");
    const importName = ids[0];
    expect(isNameReference(importName)).toBe(false);
    const attrName = ids.find((n) => n.parent?.text === "obj.asyncio")!;
    expect(isNameReference(attrName)).toBe(false);
  });
});

describe("small helpers", () => {
  it("reads plain string literals only", () => {
    const strings = root('a = "x"\nb = f"x"\nc = b"x"\nd = \'__main__\'\n').descendantsOfType(
      "string",
    );
    expect(strings.map(stringLiteralValue)).toEqual(["x", undefined, undefined, "__main__"]);
  });

  it("picks a fresh name", () => {
    const tree = root("item = 1\nitem1 = 2\nx = 3\n");
    expect(freshName(tree, ["x", "y"])).toBe("y");
    expect(freshName(tree, ["item"])).toBe("item2");
  });
});
