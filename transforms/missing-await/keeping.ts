import type { SyntaxNode } from "../../src/model/types.js";

/**
 * Decorators that keep an `async def` a coroutine function. Any other one may make it something
 * else (`@async_to_sync`, `@property`, a task decorator): not certain.
 */
const KEEPING_DECORATORS = new Set([
  "staticmethod",
  "classmethod",
  "abstractmethod",
  "abc.abstractmethod",
  "override",
  "typing.override",
  "typing_extensions.override",
]);

export function keepsCoroutine(decorators: readonly string[]): boolean {
  return decorators.every((d) => KEEPING_DECORATORS.has(d.replace(/\s+/g, "")));
}

/**
 * Does the def's own body yield (an async generator: calling it makes an async iterator, which
 * is not awaitable)? Nested defs and lambdas are their own.
 */
export function yields(def: SyntaxNode): boolean {
  const visit = (node: SyntaxNode): boolean =>
    node.type === "yield" ||
    node.namedChildren.some(
      (c) => c.type !== "function_definition" && c.type !== "lambda" && visit(c),
    );
  return visit(def.childForFieldName("body")!);
}

/** A def's decorators as the index writes them: without `@` and arguments, outermost first. */
export function decoratorNamesOf(def: SyntaxNode): string[] {
  const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  return (decorated?.namedChildren ?? [])
    .filter((c) => c.type === "decorator")
    .map((d) => d.text.slice(1).replace(/\(.*$/s, "").trim());
}
