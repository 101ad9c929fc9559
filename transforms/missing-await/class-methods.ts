import { resolveMethod } from "../../src/python/mro.js";
import type { SyntaxNode } from "../../src/model/types.js";

/*
 * `MessageService.notify_team(...)` and `svc = MessageService(); svc.notify_team(...)`: a method
 * of a class of this file (class-receivers.ts finds it), called on the class or on an instance
 * the function made from it (hazard-review-3 H10). Across files the survey reads the class
 * (typed.ts).
 */

/**
 * The def `attribute` runs on the class or its instance, when this file holds it all the way
 * (resolveMethod), and the instance cannot hold its own (`self.<attribute> = ...`).
 */
export function classMethodDef(
  cls: SyntaxNode,
  attribute: string,
  instance: boolean,
): SyntaxNode | undefined {
  const resolved = resolveMethod(cls, attribute);
  if (resolved?.kind !== "local") return undefined;
  if (instance && assignsOnSelf(cls, attribute)) return undefined;
  if (instance && assignsOnSelf(resolved.cls, attribute)) return undefined;
  return resolved.def;
}

/** Does a method of the class assign `self.<attribute>` (the instance's own, over the method)? */
export function assignsOnSelf(cls: SyntaxNode, attribute: string): boolean {
  const targets = [
    ...cls.descendantsOfType("assignment").map((a) => a.childForFieldName("left")),
    ...cls.descendantsOfType("augmented_assignment").map((a) => a.childForFieldName("left")),
  ];
  return targets.some(
    (t) =>
      t?.type === "attribute" &&
      t.childForFieldName("object")?.text === "self" &&
      t.childForFieldName("attribute")?.text === attribute,
  );
}
