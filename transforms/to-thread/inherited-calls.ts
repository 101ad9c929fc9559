import { projectTopModules } from "../../src/project/index-lookup.js";
import { absoluteName } from "../../src/python/relative-imports.js";
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
  const bases = (cls.childForFieldName("superclasses")?.namedChildren ?? [])
    .map((b) => (b.type === "subscript" ? b.childForFieldName("value") : b))
    .map((b) =>
      b?.type === "identifier" || b?.type === "attribute" ? file.qualifiedName(b) : undefined,
    )
    .map((q) => q && absoluteName(q, file.module, file.path))
    .filter((q): q is string => q !== undefined && q.includes(".") && !PLAIN_BASES.test(q));
  const ours = (q: string) => projectTopModules(index).has(q.split(".")[0]);
  const base = bases.find((q) => !ours(q));
  // `self.chunk_document(doc)` inherited from the project's `Reader` in another file: its
  // method, which the survey reads (through the bases it inherits from: hazard-review-7 Y6,
  // agno's readers, whose chunking reaches a model's retry sleep and a client lock).
  const projectBases = bases.filter(ours).map((q) => `${PROJECT_KEY}${q}.${name}`);
  if (!base || projectBases.length > 0)
    return projectBases.length > 0
      ? {
          reaches: projectBases[0],
          ...(projectBases.length > 1
            ? {
                alternatives: projectBases.slice(1),
                maybeWhy: `a method another base of ${cls.childForFieldName("name")!.text} may give`,
              }
            : {}),
        }
      : undefined;
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
