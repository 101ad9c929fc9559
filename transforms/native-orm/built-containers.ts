import type { SyntaxNode } from "../../src/model/types.js";
import { assignedValues } from "../../src/python/scope.js";
import type { OrmFile } from "./types.js";

/** Containers Python builds, whatever their items: their methods are their own. */
const CONTAINERS = new Set([
  "dictionary",
  "list",
  "set",
  "dictionary_comprehension",
  "list_comprehension",
  "set_comprehension",
]);

/**
 * orm-review-9 R3 (codecov `results = {r.pk: r for r in queryset}` then `results.get(key)`): a
 * name every binding of which is a dict, list or set display or comprehension holds that
 * container (`get`, `count`, `update` are dict's and list's), whatever its items are.
 */
export function isBuiltContainer(f: OrmFile, receiver: SyntaxNode): boolean {
  if (receiver.type !== "identifier") return false;
  const values = assignedValues(f.file.visibleBindings(receiver, receiver.text));
  return !!values && values.every((v) => CONTAINERS.has(v.type));
}
