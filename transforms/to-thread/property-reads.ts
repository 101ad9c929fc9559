import type { SyntaxNode } from "../../src/model/types.js";

/** A property's getter (`@property`, `@cached_property`): reading the attribute runs it. */
const PROPERTY = /(^|\.)(property|cached_property)$/;

/** Is a def of this file decorated `@property` or `@cached_property`? */
export function isPropertyDef(def: SyntaxNode): boolean {
  const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  return (
    decorated?.namedChildren.some(
      (d) => d.type === "decorator" && PROPERTY.test(d.text.slice(1).trim()),
    ) ?? false
  );
}
