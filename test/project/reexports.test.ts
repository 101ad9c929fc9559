import { describe, expect, it } from "vitest";
import { followReexports, reexportSource } from "../../src/project/reexports.js";
import type { IndexedFunction, ProjectIndex } from "../../src/model/types.js";

const INIT = "shop/api/__init__.py";

function indexOf(functions: Partial<IndexedFunction>[]): ProjectIndex {
  return {
    root: "/p",
    functions: functions.map((f) => ({
      module: "",
      path: "",
      name: "",
      nested: false,
      async: false,
      decorators: [],
      line: 1,
      ...f,
    })),
    calls: [],
    patches: [],
  };
}

describe("reexportSource", () => {
  it("follows relative, absolute, aliased and parenthesised imports", () => {
    const text = [
      '"""Facade."""',
      "from .catalog import list_products  # noqa: F401",
      "from shop.api.perms import (",
      "    may_edit,",
      "    is_staff as staff,  # old name",
      ")",
      "from . import pricing",
    ].join("\n");
    expect(reexportSource(text, "shop.api", INIT, "list_products")).toBe(
      "shop.api.catalog.list_products",
    );
    expect(reexportSource(text, "shop.api", INIT, "may_edit")).toBe("shop.api.perms.may_edit");
    expect(reexportSource(text, "shop.api", INIT, "staff")).toBe("shop.api.perms.is_staff");
    expect(reexportSource(text, "shop.api", INIT, "pricing")).toBe("shop.api.pricing");
    expect(reexportSource(text, "shop.api", INIT, "is_staff")).toBeUndefined();
  });

  it("takes a star import's name only when __all__ lists it, or there is none", () => {
    const text = 'from .skus import *\n\n__all__ = ["get_skus"]\n';
    expect(reexportSource(text, "shop.api", INIT, "get_skus")).toBe("shop.api.skus.get_skus");
    expect(reexportSource(text, "shop.api", INIT, "_token")).toBeUndefined();
    expect(reexportSource("from .skus import *\n", "shop.api", INIT, "x")).toBe("shop.api.skus.x");
  });
});

describe("followReexports", () => {
  const index = indexOf([{ module: "shop.api.catalog", name: "list_products" }]);

  it("follows a chain of packages to where the index lists the function", () => {
    const texts: Record<string, string> = {
      shop: "from .api import list_products\n",
      "shop.api": "from .catalog import list_products\n",
    };
    const textOf = (m: string) =>
      texts[m] === undefined
        ? undefined
        : { text: texts[m], path: `${m.replace(/\./g, "/")}/__init__.py` };
    expect(followReexports(index, "shop", "list_products", textOf)).toEqual({
      module: "shop.api.catalog",
      name: "list_products",
    });
  });

  it("stops on a circle", () => {
    const texts: Record<string, string> = {
      a: "from b import f\n",
      b: "from a import f\n",
    };
    const textOf = (m: string) => ({ text: texts[m] ?? "", path: `${m}/__init__.py` });
    expect(followReexports(index, "a", "f", textOf)).toBeUndefined();
  });
});
