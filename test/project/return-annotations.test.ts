import { describe, expect, it } from "vitest";
import { returnedClassesIn } from "../../src/project/return-annotations.js";

describe("returned classes (orm-review M1)", () => {
  it("reads module-level defs annotated with one class, in the forms a project writes", () => {
    const source = [
      "async def make_shop(name: str, tags=dict(), size=(1, 2)) -> Shop:",
      "    ...",
      "def find(",
      "    name: str,",
      '    extra: "list[int]" = [],',
      ') -> Optional["Shop"]:',
      "    ...",
      'def load(pk) -> "shop.models.Shop":',
      "def maybe(pk) -> Shop | None:  # a comment",
      "def many(pk) -> list[Shop]:",
      "def count(pk) -> int:",
      "class Repo:",
      "    def get(self) -> Shop:",
    ].join("\n");
    expect(returnedClassesIn(source)).toEqual({
      make_shop: "Shop",
      find: "Shop",
      load: "Shop",
      maybe: "Shop",
    });
  });

  it("is undefined for a file with no return annotation", () => {
    expect(returnedClassesIn("def f(x):\n    return x\n")).toBeUndefined();
  });
});
