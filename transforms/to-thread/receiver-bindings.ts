import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { classBodyAssignments, classOfMethod } from "./class-attributes.js";
import { getattrLiteral } from "./call-shapes.js";
import { enclosingDef } from "./receivers.js";

/* The statements that bind a receiver, for what made it (callees.ts's madeBy). */

/**
 * The statements binding `receiver` at `at`: a name's in its def or the module, `self.<name>`'s
 * (or `getattr(self, "<name>")`'s, hazard-review-7 Y15) in the class (set in no method: the class
 * attribute, a class-level lock all instances share); undefined for another receiver.
 */
export function receiverBindings(
  file: FileSemantics,
  receiver: SyntaxNode,
  at: SyntaxNode,
): (SyntaxNode | null)[] | undefined {
  if (receiver.type === "identifier") {
    // The def's, an enclosing def's (a decorator's `lock`, Y13), then the module's.
    const scopes: SyntaxNode[] = [];
    for (let d = enclosingDef(at); d; d = enclosingDef(d)) scopes.push(d);
    for (const scope of [...scopes, file.root]) {
      const bindings = file.bindingsNamed(scope, receiver.text);
      if (bindings.length > 0) return bindings.map((b) => b.node.parent);
    }
    return undefined;
  }
  const literal = getattrLiteral(receiver);
  const object = literal?.object ?? receiver.childForFieldName("object");
  if ((receiver.type !== "attribute" && !literal) || object?.text !== "self") return undefined;
  const method = enclosingDef(at);
  const cls = method && classOfMethod(method);
  if (!cls) return undefined;
  const name = literal?.name ?? receiver.childForFieldName("attribute")!.text;
  const assignments: (SyntaxNode | null)[] = cls
    .descendantsOfType("assignment")
    .filter((a) => a.childForFieldName("left")?.text === `self.${name}`);
  if (assignments.length === 0) assignments.push(...classBodyAssignments(cls, name));
  return assignments;
}

/**
 * What a container call hands back that the file wrote: `locks.setdefault(key, threading.Lock())`
 * is the default when the key is new (and a value set the same way otherwise); the value of
 * `_LOCKS[name]` with `_LOCKS = {"pdf": threading.Lock(), ...}`, each of its values (Y15).
 */
export function storedValue(file: FileSemantics, value: SyntaxNode): SyntaxNode[] | undefined {
  if (value.type === "call") {
    const fn = value.childForFieldName("function");
    const args = (value.childForFieldName("arguments")?.namedChildren ?? []).filter(
      (a) => a.type !== "comment",
    );
    const method = fn?.type === "attribute" ? fn.childForFieldName("attribute")?.text : undefined;
    return method === "setdefault" && args.length === 2 && args[1].type !== "keyword_argument"
      ? [args[1]]
      : undefined;
  }
  const container = value.type === "subscript" ? value.childForFieldName("value") : null;
  if (container?.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(container, container.text);
  const statement = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const literal = statement?.type === "assignment" ? statement.childForFieldName("right") : null;
  if (literal?.type !== "dictionary") return undefined;
  const values = literal.namedChildren
    .filter((p) => p.type !== "comment")
    .map((p) => (p.type === "pair" ? p.childForFieldName("value") : null));
  return values.length > 0 && values.every((v) => v !== null)
    ? (values as SyntaxNode[])
    : undefined;
}
