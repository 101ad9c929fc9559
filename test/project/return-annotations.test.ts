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
      "def now_ist() -> _dt.datetime:",
      "def labels() -> list[str]:",
      "class Repo:",
      "    def get(self) -> Shop:",
    ].join("\n");
    // Plain classes in lower case too (orm-review-5 Q20): `-> int`, `-> _dt.datetime`.
    expect(returnedClassesIn(source)).toEqual({
      make_shop: "Shop",
      find: "Shop",
      load: "Shop",
      maybe: "Shop",
      count: "int",
      now_ist: "datetime",
      // orm-review-6 R3: builtin containers, with whether their items are plain scalars.
      many: "list[]",
      labels: "list[scalars]",
      "Repo.get": "Shop",
    });
  });

  it("reads methods as Class.method, never giving one to a class that ended above it", () => {
    const source = [
      "class ConversationAdapters:",
      "    @staticmethod",
      "    async def aget_conversation_by_user(",
      "        user, conversation_id=None",
      "    ) -> Optional[Conversation]:",
      "        ...",
      "",
      "    # a comment at the class's indentation",
      "    @classmethod",
      '    async def aget_default_agent(cls) -> "Agent":',
      "        ...",
      "",
      "",
      "def helper():",
      "    def inner() -> Agent:",
      "        ...",
    ].join("\n");
    expect(returnedClassesIn(source)).toEqual({
      "ConversationAdapters.aget_conversation_by_user": "Conversation",
      "ConversationAdapters.aget_default_agent": "Agent",
    });
  });

  it("gives each method the last class above it, in a file of several classes", () => {
    // Code at column 0 between a head and a def ends the class for every def below it, until
    // the next head (each def is judged against its own head, whatever the defs before it).
    const source = [
      "class A:",
      "    def one(self) -> Shop:",
      "        ...",
      "X = 1",
      "    def stray(self) -> Shop:",
      "        ...",
      "class B(Base):",
      '    """Doc',
      'ending at column 0."""',
      "    def two(self) -> Shop:",
      "        ...",
      "class C:",
      "",
      "    # comment",
      "    def three(self) -> Agent:",
      "        ...",
      "    def four(self) -> Optional[Order]:",
      "        ...",
    ].join("\n");
    expect(returnedClassesIn(source)).toEqual({
      "A.one": "Shop",
      "C.three": "Agent",
      "C.four": "Order",
    });
  });

  it("is undefined for a file with no return annotation", () => {
    expect(returnedClassesIn("def f(x):\n    return x\n")).toBeUndefined();
  });
});

describe("factory_boy results (orm-review M7)", () => {
  it("a function returning a factory's result returns its Meta.model; others are not read", () => {
    const source = [
      "import factory",
      "from asgiref.sync import sync_to_async",
      "from factory.django import DjangoModelFactory",
      "",
      "",
      "class ShopFactory(DjangoModelFactory):",
      '    name = factory.Sequence(lambda n: f"Shop {n}")',
      "",
      "    class Meta:",
      '        model = "shop.Shop"',
      "",
      "",
      "@sync_to_async",
      "def create_shop(**kwargs):",
      '    """Create a shop."""',
      "    shop = ShopFactory.create(**kwargs)",
      "    shop.save()",
      "    return shop",
      "",
      "",
      "def build_shop():",
      "    return ShopFactory.build()",
      "",
      "",
      "def nothing():",
      "    ShopFactory.create()",
      "",
      "",
      "@sync_to_async",
      "def two_kinds(flag):",
      "    if flag:",
      "        return ShopFactory()",
      "    return None",
    ].join("\n");
    expect(returnedClassesIn(source)).toEqual({ create_shop: "Shop", build_shop: "Shop" });
  });
});
