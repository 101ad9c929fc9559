import type { ImportBinding, ProjectFacts, SyntaxNode } from "../model/types.js";
import { importedClassLookup, mayDeriveFrom } from "../project/class-tree.js";
import { methodsNamed } from "../project/index-modules.js";
import { resolveMethod } from "../python/mro.js";
import type { QuerysetProof } from "./proof-types.js";

// orm-human-6 G7 (django-matt's `DeleteView._get_instance`: `queryset = self.get_queryset(None)`,
// where `get_queryset` is `APIView`'s, a base imported from `views/base.py` and annotated `->
// models.QuerySet`): the queryset a method of an imported base is annotated to return, as the
// same method of a base of this file is (returning-defs.ts). The pre-pass keeps each method's
// annotated class by `Class.method` (src/project/return-annotations.ts); the annotation is the
// method's contract, which an override in a subclass is held to as well.

/** `self.get_queryset(...)`, called as it is (a sync method): the queryset its annotation promises. */
export function inheritedQuerysetReturn(
  project: ProjectFacts,
  call: SyntaxNode,
): QuerysetProof | undefined {
  const index = project.index;
  const callee = call.type === "call" ? call.childForFieldName("function") : undefined;
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const name = callee?.childForFieldName("attribute")?.text;
  if (!index || receiver?.type !== "identifier" || receiver.text !== "self" || !name) return;
  if (call.parent?.type === "await") return undefined;
  const cls = selfClassOf(receiver);
  const classOf = (binding: ImportBinding) => {
    const dot = binding.qualified.lastIndexOf(".");
    const module = binding.qualified.slice(0, dot).replace(/^\.+/, "");
    const found = methodsNamed(index, binding.qualified.slice(dot + 1), name).filter(
      (fn) => !fn.nested && (fn.module === module || fn.module.endsWith(`.${module}`)),
    );
    return found.length === 1 ? found[0] : undefined;
  };
  const passes = (binding: ImportBinding) =>
    importedClassLookup(project, binding.qualified, name).kind === "passes";
  const found = cls && resolveMethod(cls, name, (b) => !!classOf(b), passes);
  const fn = found?.kind === "imported" ? classOf(found.binding) : undefined;
  if (!fn?.className || fn.async || fn.decorators.length > 0) return undefined;
  const returned = Object.entries(project.returnedClasses ?? {}).find(
    ([path]) => path === fn.path || path.endsWith(`/${fn.path}`),
  )?.[1][`${fn.className}.${name}`];
  if (!returned || !isQuerysetClass(project, returned)) return undefined;
  return { model: "", selected: new Set(), locksRows: false, yieldsInstances: false };
}

/** Django's `QuerySet`, or a class of the project deriving from it (`PostQuerySet`). */
function isQuerysetClass(project: ProjectFacts, name: string): boolean {
  if (name === "QuerySet") return true;
  return !!project.subclassHeads?.[name] && mayDeriveFrom(project, name, "QuerySet");
}

/** The class whose method's first parameter `self` is. */
function selfClassOf(self: SyntaxNode): SyntaxNode | undefined {
  let method = self.parent;
  while (method && method.type !== "function_definition") method = method.parent;
  if (method?.childForFieldName("parameters")?.namedChildren[0]?.text !== "self") return undefined;
  const holder = method.parent?.type === "decorated_definition" ? method.parent : method;
  const cls = holder.parent?.parent;
  return cls?.type === "class_definition" ? cls : undefined;
}
