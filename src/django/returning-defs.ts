import type { SyntaxNode } from "../model/types.js";
import { importBindingOf } from "../python/imports.js";
import { resolveMethod } from "../python/mro.js";
import { bindingsNamed } from "../python/scope.js";
import { decorators } from "../python/shapes.js";
import { isThreadWrapper } from "./thread-wrappers.js";

// orm-review-3 N4 (b3lb `NodeRequest.filter_recordings() -> QuerySet[Record]`,
// `get_record_set_by_nonce() -> Union[RecordSet, None]`): the value a call gives is what the def
// it runs is annotated to return, whether the call is direct (`self.filter_recordings(...)`,
// `_filtered(qs)`) or through a thread wrapper (`await sync_to_async(self.filter_recordings)(...)`
// returns what the sync def returns). The annotation is the def's contract, as a parameter's is:
// an override in a subclass is held to it too.

/**
 * The sync def whose return annotation gives `value`: `f(...)` / `self.m(...)` called directly,
 * or `await sync_to_async(f)(...)` / `await sync_to_async(self.m)(...)`. A def of this module or a
 * method of the class the call is made in (along its bases in this file), not async, and not
 * decorated (a decorator may return anything).
 */
export function syncDefReturning(value: SyntaxNode): SyntaxNode | undefined {
  let call = value;
  let wrapped = false;
  if (call.type === "await") {
    const inner = call.namedChildren[0];
    const wrapper = inner?.type === "call" ? inner.childForFieldName("function") : undefined;
    if (wrapper?.type !== "call") return undefined;
    const fn = wrapper.childForFieldName("function");
    if (!fn || !isThreadWrapper(fn)) return undefined;
    const target = wrapper.childForFieldName("arguments")?.namedChildren[0];
    if (!target) return undefined;
    call = target;
    wrapped = true;
  } else if (call.type === "call") {
    call = call.childForFieldName("function")!;
  } else return undefined;
  if (!wrapped && call.parent?.parent?.type === "await") return undefined;
  const def = call.type === "identifier" ? moduleDef(call) : selfMethodDef(call);
  if (!def || def.children.some((c) => c.type === "async")) return undefined;
  return decorators(def).length === 0 ? def : undefined;
}

/** The module-level def a name of this module is bound to, once. */
function moduleDef(callee: SyntaxNode): SyntaxNode | undefined {
  if (importBindingOf(callee.text, callee)) return undefined;
  const bound = bindingsNamed(callee.tree.rootNode, callee.text);
  const def = bound.length === 1 ? bound[0].node.parent : undefined;
  return def?.type === "function_definition" ? def : undefined;
}

/** `self.m` in a method of a class: the def `m` that resolves to, when this file shows it. */
export function selfMethodDef(callee: SyntaxNode): SyntaxNode | undefined {
  if (callee.type !== "attribute") return undefined;
  const receiver = callee.childForFieldName("object");
  const name = callee.childForFieldName("attribute")?.text;
  if (receiver?.type !== "identifier" || receiver.text !== "self" || !name) return undefined;
  let method = callee.parent;
  while (method && method.type !== "function_definition") method = method.parent;
  if (method?.childForFieldName("parameters")?.namedChildren[0]?.text !== "self") return undefined;
  const holder = method.parent?.type === "decorated_definition" ? method.parent : method;
  const cls = holder.parent?.parent;
  if (cls?.type !== "class_definition") return undefined;
  const found = resolveMethod(cls, name);
  return found?.kind === "local" ? found.def : undefined;
}
