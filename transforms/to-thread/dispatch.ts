import type { FileSemantics, ProjectFacts, SyntaxNode } from "../../src/model/types.js";
import { mayDeriveFrom } from "../../src/project/class-tree.js";
import { likelyLocalMethod } from "../../src/python/mro.js";
import { isTestModule, methodKey } from "./alternatives.js";
import { classOfMethod, otherMethodsOf } from "./class-attributes.js";

/*
 * `getattr(self, func_name)(data)`: a method of the instance picked by name at run time
 * (hazard-review-5 J3, jumpserver's `ToolsWebsocket.run_func`, whose `run_*` methods query the
 * ORM). The check reads the methods it may pick; a `getattr` of another object is a value of
 * unknown class, not proven. Before, the call of its result counted as known and clean.
 */

/** The methods `getattr(self, ...)` may give, "unknown" for another object's, else undefined. */
export function getattrDispatch(
  file: FileSemantics,
  callee: SyntaxNode,
  method: SyntaxNode | undefined,
): SyntaxNode[] | "unknown" | undefined {
  const fn = callee.type === "call" ? callee.childForFieldName("function") : null;
  if (fn?.type !== "identifier" || fn.text !== "getattr") return undefined;
  // A local `getattr` of the project's own is not the builtin.
  if (file.visibleBindings(fn, "getattr").length > 0) return undefined;
  const args = (callee.childForFieldName("arguments")?.namedChildren ?? []).filter(
    (a) => a.type !== "comment",
  );
  const cls = method ? classOfMethod(method) : undefined;
  if (!cls || !["self", "cls"].includes(args[0]?.text ?? "")) return "unknown";
  const name = args[1];
  // `getattr(self, "run_import")`: that method.
  if (name?.type === "string" && !name.text.includes("{")) {
    const named = likelyLocalMethod(cls, name.text.slice(1, -1).replace(/^["']+|["']+$/g, ""));
    return named ? [named] : "unknown";
  }
  // Any method of the class but the one dispatching and the dunders.
  return otherMethodsOf(cls, method!);
}

/** `_PROVIDERS.get(site)` / `_PROVIDERS[site]`: the defs a module-level dict of defs maps to. */
export function dictDispatch(
  file: FileSemantics,
  value: SyntaxNode,
  functionNamed: (name: string) => SyntaxNode | undefined,
): SyntaxNode[] | undefined {
  const fn = value.type === "call" ? value.childForFieldName("function") : null;
  const dict =
    value.type === "subscript"
      ? value.childForFieldName("value")
      : fn?.type === "attribute" && fn.childForFieldName("attribute")?.text === "get"
        ? fn.childForFieldName("object")
        : null;
  if (dict?.type !== "identifier") return undefined;
  const bindings = file.bindingsNamed(file.root, dict.text);
  const site = bindings.length === 1 ? bindings[0].node.parent : undefined;
  const literal = site?.type === "assignment" ? site.childForFieldName("right") : null;
  if (literal?.type !== "dictionary") return undefined;
  const defs: SyntaxNode[] = [];
  for (const pair of literal.namedChildren) {
    if (pair.type === "comment") continue;
    const target = pair.type === "pair" ? pair.childForFieldName("value") : null;
    const def = target?.type === "identifier" ? functionNamed(target.text) : undefined;
    if (!def) return undefined;
    defs.push(def);
  }
  return defs;
}

/**
 * What a call of `callee` runs when it is a value: the defs a dispatch dict gives, "unknown"
 * (a parameter, a variable), or "known" (a builtin, a def, a class, an import).
 */
export function valueCall(
  file: FileSemantics,
  callee: SyntaxNode,
  at: SyntaxNode,
  resolve: (callee: SyntaxNode, at: SyntaxNode) => SyntaxNode | undefined,
  functionNamed: (name: string) => SyntaxNode | undefined,
): SyntaxNode[] | "unknown" | "known" {
  if (callee.type === "subscript") return dictDispatch(file, callee, functionNamed) ?? "unknown";
  if (callee.type !== "identifier" || resolve(callee, at)) return "known";
  if (file.qualifiedName(callee)) return "known";
  const bindings = file.visibleBindings(at, callee.text);
  if (bindings.length === 0) return "known";
  const defs: SyntaxNode[] = [];
  for (const binding of bindings) {
    const node = binding.node.parent;
    if (node?.type === "class_definition" || node?.type === "function_definition") return "known";
    const right = node?.type === "assignment" ? node.childForFieldName("right") : null;
    const found = right ? dictDispatch(file, right, functionNamed) : undefined;
    if (!found) return "unknown";
    defs.push(...found);
  }
  return defs;
}

/** More methods than this picked by name are not read one by one (the lookup refuses anyway). */
const MAX_PICKED = 200;

/**
 * The methods `getattr(self, name)` may pick in `cls`: its own (by `keyOf`, read in this file)
 * and those of the project's subclasses of it, outside the tests (crewAI's flows define their
 * steps in subclasses of `Flow`, whose `_methods` holds them: hazard-review-8 Y18f).
 */
export function methodsPickedByName(
  project: ProjectFacts | undefined,
  cls: SyntaxNode,
  keyOf: (def: SyntaxNode) => string,
): string[] {
  const own = otherMethodsOf(cls, cls).map(keyOf);
  const name = cls.childForFieldName("name")?.text;
  const index = project?.index;
  if (!name || !index || !project.subclassHeads) return own;
  const inherited = index.functions.filter(
    (f) =>
      f.className !== undefined &&
      f.className !== name &&
      !f.nested &&
      !/^__\w+__$/.test(f.name) &&
      !isTestModule(f.path) &&
      mayDeriveFrom(project, f.className, name),
  );
  return inherited.length > MAX_PICKED ? own : [...own, ...inherited.map(methodKey)];
}
