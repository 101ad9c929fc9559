import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";

/**
 * The class a method call's receiver is, when that is certain (hazard-review-3 H10:
 * tasking-manager's services are classes of `@staticmethod async def`, called
 * `MessageService.notify_team(...)` and tested `if not UserService.has_user_accepted_license(...)`):
 * the class itself named (`MessageService.m`), or a name bound once in the function to a call of
 * it (`svc = MessageService()` then `svc.m`). A class of this file is its node; an imported one its
 * qualified name (`pkg.messages.MessageService`), for the index to say what it defines.
 */
export type ReceiverClass =
  | { kind: "local"; cls: SyntaxNode; instance: boolean }
  | { kind: "imported"; qualified: string; instance: boolean };

export function receiverClass(
  file: FileSemantics,
  receiver: SyntaxNode,
  instance = false,
): ReceiverClass | undefined {
  // `self.onvif`, set from `onvif: OnvifController` in `__init__` (hazard-review-4 K6).
  const held = receiver.type === "attribute" ? selfAttributeType(file, receiver) : undefined;
  if (held?.type === "identifier") return receiverClass(file, held, true);
  if (receiver.type !== "identifier") return undefined;
  for (let scope = file.enclosingScope(receiver); ; scope = file.enclosingScope(scope)) {
    if (scope.type === "class_definition") continue;
    const bindings = file.bindingsNamed(scope, receiver.text);
    if (bindings.length > 0) return fromBindings(file, receiver, bindings, scope, instance);
    if (scope.type === "module") return undefined;
  }
}

function fromBindings(
  file: FileSemantics,
  receiver: SyntaxNode,
  bindings: ReturnType<FileSemantics["bindingsNamed"]>,
  scope: SyntaxNode,
  instance: boolean,
): ReceiverClass | undefined {
  if (bindings.every((b) => b.kind === "import")) {
    const qualified = file.qualifiedName(receiver);
    return qualified ? { kind: "imported", qualified, instance } : undefined;
  }
  if (bindings.length !== 1) return undefined;
  const parent = bindings[0].node.parent;
  if (scope.type === "module")
    return parent?.type === "class_definition"
      ? { kind: "local", cls: parent, instance }
      : undefined;
  // `svc = MessageService()` in the function: an instance of that class, bound once.
  if (instance || parent?.type !== "assignment") return undefined;
  if (parent.childForFieldName("left")?.id !== bindings[0].node.id) return undefined;
  const right = parent.childForFieldName("right");
  const ctor = right?.type === "call" ? right.childForFieldName("function") : undefined;
  return ctor ? receiverClass(file, ctor, true) : undefined;
}

/**
 * What the class says `self.<attr>` holds, when every place agrees: a class-level annotation
 * (`onvif: OnvifController`), an annotated assignment, a parameter annotation the assigned name
 * has (`def __init__(self, onvif: OnvifController): self.onvif = onvif`: frigate's autotracker),
 * or the class a call makes (`self.onvif = OnvifController()`, a name with a capital). The
 * annotation's node, or the class's name; undefined when a place says nothing or disagrees.
 */
export function selfAttributeType(
  file: FileSemantics,
  receiver: SyntaxNode,
): SyntaxNode | undefined {
  const object = receiver.childForFieldName("object");
  if (object?.type !== "identifier" || object.text !== "self") return undefined;
  const attr = receiver.childForFieldName("attribute")!.text;
  const method = file.enclosingFunction(receiver);
  const cls = method ? file.enclosingClass(method) : undefined;
  const body = cls?.childForFieldName("body");
  if (!cls || !body) return undefined;
  const found: SyntaxNode[] = [];
  for (const assignment of cls.descendantsOfType("assignment")) {
    const left = assignment.childForFieldName("left");
    const annotated = assignment.childForFieldName("type");
    const classLevel = left?.type === "identifier" && assignment.parent?.parent?.id === body.id;
    if (classLevel && left.text === attr && annotated) found.push(annotated);
    if (left?.type !== "attribute" || left.text.replace(/\s+/g, "") !== `self.${attr}`) continue;
    const type = annotated ?? assignedType(file, assignment);
    if (!type) return undefined;
    found.push(type);
  }
  const texts = new Set(found.map((t) => t.text));
  return texts.size === 1 ? found[0] : undefined;
}

/** `self.x = param` (the parameter's annotation) or `self.x = Class(...)` (the class's name). */
function assignedType(file: FileSemantics, assignment: SyntaxNode): SyntaxNode | undefined {
  const right = assignment.childForFieldName("right");
  const fn = file.enclosingFunction(assignment);
  if (right?.type === "call") {
    const ctor = right.childForFieldName("function");
    return ctor?.type === "identifier" && /^[A-Z]/.test(ctor.text) ? ctor : undefined;
  }
  if (right?.type !== "identifier" || !fn) return undefined;
  const bindings = file.bindingsNamed(fn, right.text);
  const parameter = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const typed =
    parameter?.type === "typed_parameter" || parameter?.type === "typed_default_parameter";
  return typed ? (parameter!.childForFieldName("type") ?? undefined) : undefined;
}
