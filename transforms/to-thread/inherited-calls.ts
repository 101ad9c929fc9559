import { projectTopModules } from "../../src/project/index-lookup.js";
import type { FileSemantics, ProjectFacts, SyntaxNode } from "../../src/model/types.js";
import { classOfMethod, otherMethodsOf } from "./class-attributes.js";
import { isSelfOrCls } from "./call-shapes.js";
import { PROJECT_KEY, type CallFact } from "./loop-hazards.js";

/*
 * `self.transform(tree)` in a subclass of lark's `Transformer`: a library method the class
 * inherits, which calls the class's own methods back (its rule methods: tracecat's evaluator,
 * whose callbacks take a `threading.Lock` in another file, hazard-review-6 V9). The call is the
 * library's (unread, named), and the class's own methods are read as what it may run.
 */

/** Bases that add no behaviour of their own. */
const PLAIN_BASES = /^(object|typing\.(Generic|Protocol)|abc\.ABC)$/;

/** The fact of `self.<m>()` when `m` comes from a library base of the enclosing class. */
export function inheritedCall(
  file: FileSemantics,
  project: ProjectFacts | undefined,
  callee: SyntaxNode,
  method: SyntaxNode | undefined,
  keyOf: (def: SyntaxNode) => string,
): Partial<CallFact> | undefined {
  const cls = method && classOfMethod(method);
  const index = project?.index;
  if (!cls || !index || !isSelfOrCls(callee.childForFieldName("object"), method!)) return undefined;
  const name = callee.childForFieldName("attribute")!.text;
  const base = (cls.childForFieldName("superclasses")?.namedChildren ?? [])
    .map((b) => (b.type === "subscript" ? b.childForFieldName("value") : b))
    .map((b) =>
      b?.type === "identifier" || b?.type === "attribute" ? file.qualifiedName(b) : undefined,
    )
    .find(
      (q) =>
        q !== undefined &&
        q.includes(".") &&
        !PLAIN_BASES.test(q) &&
        !projectTopModules(index).has(q.split(".")[0]),
    );
  if (!base) return undefined;
  const callbacks = otherMethodsOf(cls, method!);
  const className = cls.childForFieldName("name")!.text;
  return {
    receiverMadeBy: base,
    reaches: `${PROJECT_KEY}${base}.${name}`,
    ...(callbacks.length > 0
      ? {
          alternatives: callbacks.map(keyOf),
          maybeWhy: `a method of ${className} that the inherited ${base}.${name}() may call back`,
        }
      : {}),
  };
}
