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
