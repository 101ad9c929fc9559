import type { SyntaxNode } from "../../src/model/types.js";
import { classOfMethod } from "./class-attributes.js";
import { enclosingDef, moduleClass } from "./receivers.js";
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

/**
 * The method whose `self` a name means at `at`: the enclosing def, or, inside a def nested in a
 * method (a decorator's `wrapper` returned by `limit(self, fn)`), the method it closes over, when
 * no def on the way takes a parameter of that name (hazard-review-9 Z17).
 */
export function methodOfSelf(name: string, at: SyntaxNode): SyntaxNode | undefined {
  for (let def = enclosingDef(at); def; def = enclosingDef(def)) {
    if (classOfMethod(def)) return def;
    const parameters = def.childForFieldName("parameters")?.namedChildren ?? [];
    const names = parameters.map((p) =>
      p.type === "identifier" ? p.text : (p.childForFieldName("name") ?? p.namedChildren[0])?.text,
    );
    if (names.includes(name)) return undefined;
  }
  return undefined;
}
