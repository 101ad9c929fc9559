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
