import { describe, expect, it } from "vitest";
import { isAwaitedForm } from "../../src/python/async-forms.js";
import { parsePython } from "../../src/syntax/parse.js";

const defs = (source: string) => {
  const all = parsePython(source).rootNode.descendantsOfType("function_definition");
  return [all[0], all[1]] as const;
};

describe("isAwaitedForm", () => {
  it("accepts the same code with its calls awaited in their a-forms, docstrings aside", () => {
    const [sync, async] = defs(
      [
        "@no_type_check",
        "def get_x(klass, **kw):",
        '    """The row or 404."""',
        "    qs = _get_queryset(klass)",
        "    try:",
        "        return qs.get(**kw)  # the row",
        "    except qs.model.DoesNotExist as ex:",
        "        raise NotFound() from ex",
        "",
        "@no_type_check",
        "async def aget_x(klass, **kw):",
        "    qs = _get_queryset(klass)",
        "    try:",
        "        return await qs.aget(**kw)",
        "    except qs.model.DoesNotExist as ex:",
        "        raise NotFound() from ex",
        "",
      ].join("\n"),
    );
    expect(isAwaitedForm(sync, async)).toBe(true);
  });
  it("refuses other code, other parameters, other decorators, or no awaited call", () => {
    const cases = [
      "def get_x(k):\n    return k.get()\n\nasync def aget_x(k):\n    return await k.filter().afirst()\n",
      "def get_x(k):\n    return k.get()\n\nasync def aget_x(k, d=None):\n    return await k.aget()\n",
      "@cache\ndef get_x(k):\n    return k.get()\n\nasync def aget_x(k):\n    return await k.aget()\n",
      "def get_x(k):\n    return k.get()\n\nasync def aget_x(k):\n    return k.get()\n",
      "def get_x(k):\n    return k.get\n\nasync def aget_x(k):\n    return k.aget\n",
    ];
    for (const source of cases) expect(isAwaitedForm(...defs(source))).toBe(false);
  });
});
