import type { Binding, SyntaxNode } from "../model/types.js";

// orm-review-4 P13 (strawberry-django `get_current_user`): `@typing.overload` stubs are type
// declarations, not definitions: at run time the last def of the name is the function.

const OVERLOAD = /^@\s*(typing\s*\.\s*|typing_extensions\s*\.\s*)?overload\s*$/;

/** A def decorated `@overload` (`@typing.overload`): a stub the next def replaces. */
export function isOverloadStub(def: SyntaxNode | null | undefined): boolean {
  if (def?.type !== "function_definition" || def.parent?.type !== "decorated_definition")
    return false;
  return def.parent.namedChildren.some((c) => c.type === "decorator" && OVERLOAD.test(c.text));
}

/** The bindings of a name, its overload stubs left out. */
export function withoutOverloads(bound: readonly Binding[]): Binding[] {
  return bound.filter((b) => !isOverloadStub(b.node.parent));
}
