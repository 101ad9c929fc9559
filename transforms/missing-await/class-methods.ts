import { resolveMethod } from "../../src/python/mro.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * `MessageService.notify_team(...)` and `svc = MessageService(); svc.notify_team(...)`: a method
 * of a class of this file, called on the class or on an instance the function made from it
 * (tasking-manager's services are classes of `@staticmethod async def`, hazard-review-3 H10).
 * Across files the survey reads the class (typed.ts).
 */

/** A module-level class of this file that `name` names at `at`, when it names only that. */
function localClass(file: FileSemantics, name: SyntaxNode): SyntaxNode | undefined {
  if (name.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(name, name.text);
  if (bindings.length !== 1) return undefined;
  const cls = bindings[0].node.parent;
  return cls?.type === "class_definition" && cls.parent?.type === "module" ? cls : undefined;
}

/**
 * The class `receiver` is, or an instance of: a class named directly, or a name bound once in
 * the function, to `Class(...)`.
 */
export function receiverClass(
  file: FileSemantics,
  receiver: SyntaxNode,
): { cls: SyntaxNode; instance: boolean } | undefined {
  if (receiver.type !== "identifier") return undefined;
  const direct = localClass(file, receiver);
  if (direct) return { cls: direct, instance: false };
  const fn = file.enclosingFunction(receiver);
  const made = fn ? constructorOf(file, fn, receiver.text) : undefined;
  const cls = made && localClass(file, made);
  return cls ? { cls, instance: true } : undefined;
}

/** `svc = Class(...)`, the name's only binding in `fn`: the callee named (`Class`). */
export function constructorOf(
  file: FileSemantics,
  fn: SyntaxNode,
  name: string,
): SyntaxNode | undefined {
  const bindings = file.bindingsNamed(fn, name);
  if (bindings.length !== 1) return undefined;
  const assignment = bindings[0].node.parent;
  if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.text !== name)
    return undefined;
  const value = assignment.childForFieldName("right");
  const callee = value?.type === "call" ? value.childForFieldName("function") : undefined;
  return callee?.type === "identifier" ? callee : undefined;
}

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
