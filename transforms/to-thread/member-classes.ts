import type { SyntaxNode } from "../../src/model/types.js";
import { moduleClass } from "./receivers.js";
import type { CallableReader } from "./returned-callables.js";

/**
 * `h.map` with `h: Holder`, a class of this file whose methods assign `self.map = SafeMap()`:
 * the class of the attribute, as `self.map` reads inside Holder (hazard-review-9 Z18: a property
 * of `SafeMap` read through `h.map.closed` was not followed).
 */
export function memberClass(
  reader: CallableReader,
  value: SyntaxNode,
  at: SyntaxNode,
): string | undefined {
  const object = value.type === "attribute" ? value.childForFieldName("object") : null;
  const name = value.childForFieldName("attribute")?.text;
  if (!object || !name || object.text === "self") return undefined;
  const owner = reader.madeBy(object, at);
  const cls = owner && !owner.includes(".") ? moduleClass(reader.file, owner) : undefined;
  const assigned = cls
    ?.descendantsOfType("assignment")
    .map((a) => a.childForFieldName("left"))
    .find((left) => left?.type === "attribute" && left.text === `self.${name}`);
  return assigned ? reader.madeBy(assigned, assigned) : undefined;
}
