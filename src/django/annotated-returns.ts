import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { importBindingOf, qualifiedName } from "../python/imports.js";
import { lastSegment } from "../python/lookup.js";
import { bindingsNamed } from "../python/scope.js";
import { syncDefReturning } from "./returning-defs.js";
import { functionsOfModule, methodsNamed } from "../project/index-modules.js";

// orm-review M1: `shop = await factories.make_shop("corner")` where `make_shop` is
// `async def make_shop(name) -> Shop` (or `-> "Shop"`, `Optional[Shop]`): the function's return
// annotation proves a model instance, as a parameter annotation does. Only when the call is
// awaited exactly when the function is async (an un-awaited async def gives a coroutine).

const WRAPPER_DECORATOR = /(?:^|\.)(?:sync_to_async|database_sync_to_async)$/;

/**
 * The instance a called project function is annotated to return: loaded out of sight, as a
 * parameter's is (`fromParameter`), its relations unknown.
 */
export function modelReturnedBy(
  proofs: { modelOfAnnotation(type: SyntaxNode): string | undefined },
  project: ProjectFacts,
  callee: SyntaxNode,
  call: SyntaxNode,
): { model: string; selected: Set<string>; fromParameter: true } | undefined {
  const model = returnedModel(proofs, project, callee, call);
  return model ? { model, selected: new Set(), fromParameter: true } : undefined;
}

function returnedModel(
  proofs: { modelOfAnnotation(type: SyntaxNode): string | undefined },
  project: ProjectFacts,
  callee: SyntaxNode,
  call: SyntaxNode,
): string | undefined {
  const awaited = call.parent?.type === "await";
  // `await sync_to_async(self.get_record_set)()`, `self.get_record_set()`: the sync def's contract.
  const sync = syncDefReturning(awaited ? call.parent! : call)?.childForFieldName("return_type");
  if (sync) return proofs.modelOfAnnotation(sync);
  if (callee.type === "identifier" && !importBindingOf(callee.text, callee)) {
    const def = moduleDef(callee);
    const returns = def?.childForFieldName("return_type");
    return returns && isAsyncDef(def!) === awaited ? proofs.modelOfAnnotation(returns) : undefined;
  }
  const method = classMethodDef(callee);
  if (method) {
    const returns = method.childForFieldName("return_type");
    return returns && isAsyncDef(method) === awaited
      ? proofs.modelOfAnnotation(returns)
      : undefined;
  }
  const qualified = callee.type === "attribute" || callee.type === "identifier";
  const name = qualified ? qualifiedName(callee) : undefined;
  return name
    ? (modelReturnedElsewhere(project, name, awaited) ??
        classMethodReturnedElsewhere(project, name, awaited))
    : undefined;
}

/** Decorators that leave a method's call returning what its body does (besides the wrapper). */
const CLASS_LEVEL = new Set(["staticmethod", "classmethod"]);

/**
 * hazard-review-3 H13: `ConversationAdapters.aget_conversation_by_user(user)`, a
 * `@staticmethod`/`@classmethod` of a module-level class of this file called on the class.
 */
function classMethodDef(callee: SyntaxNode): SyntaxNode | undefined {
  const object = callee.type === "attribute" ? callee.childForFieldName("object") : null;
  if (object?.type !== "identifier" || importBindingOf(object.text, object)) return undefined;
  const bound = bindingsNamed(callee.tree.rootNode, object.text);
  const cls = bound.length === 1 ? bound[0].node.parent : undefined;
  if (cls?.type !== "class_definition") return undefined;
  const name = callee.childForFieldName("attribute")!.text;
  const defs = bindingsNamed(cls, name).map((b) => b.node.parent);
  const def = defs.length === 1 ? defs[0] : undefined;
  if (def?.type !== "function_definition" || def.parent?.type !== "decorated_definition")
    return undefined;
  const decorators = def.parent.namedChildren.slice(0, -1).map((d) => d.namedChildren[0]?.text);
  const classLevel = decorators.some((d) => d && CLASS_LEVEL.has(d));
  const known = decorators.every((d) => !!d && (CLASS_LEVEL.has(d) || WRAPPER_DECORATOR.test(d)));
  return classLevel && known ? def : undefined;
}

/** `pkg.adapters.ConversationAdapters.aget_conversation_by_user`: a class-level method there. */
function classMethodReturnedElsewhere(
  project: ProjectFacts,
  qualified: string,
  awaited: boolean,
): string | undefined {
  const returned = project.returnedClasses;
  const parts = qualified.split(".");
  if (!returned || !project.index || parts.length < 3) return undefined;
  const [cls, name] = parts.slice(-2);
  const module = parts.slice(0, -2).join(".");
  const key = `${cls}.${name}`;
  // From the index's maps (a scan of every function per call was 6% of the dense corpus).
  const found = methodsNamed(project.index, cls, name).filter(
    (fn) => fn.module === module && !fn.nested,
  );
  const path = found.length === 1 ? found[0].path : undefined;
  const facts = path ? Object.keys(returned).find((p) => samePath(p, path)) : undefined;
  if (!facts || !Object.hasOwn(returned[facts], key)) return undefined;
  const { decorators, async } = found[0];
  if (!decorators.some((d) => CLASS_LEVEL.has(d))) return undefined;
  if (!decorators.every((d) => CLASS_LEVEL.has(d) || WRAPPER_DECORATOR.test(d))) return undefined;
  if ((async || decorators.some((d) => WRAPPER_DECORATOR.test(d))) !== awaited) return undefined;
  const model = returned[facts][key];
  return project.models[model] ? model : undefined;
}

/** A function of another module, through the index and the pre-pass's annotated returns. */
function modelReturnedElsewhere(
  project: ProjectFacts,
  qualified: string,
  awaited: boolean,
): string | undefined {
  const model = classReturnedElsewhere(project, qualified, awaited);
  return model && project.models[model] ? model : undefined;
}

/**
 * The class a function of another module of the project is annotated to return (`Shop`, or a
 * plain one such as `datetime`, orm-review-5 Q20), found through the index: undecorated but for
 * a thread wrapper, called awaited exactly when that gives its value.
 */
export function classReturnedElsewhere(
  project: ProjectFacts,
  qualified: string,
  awaited: boolean,
): string | undefined {
  const returned = project.returnedClasses;
  if (!returned || !project.index) return undefined;
  const name = lastSegment(qualified);
  const module = qualified.slice(0, -name.length - 1);
  const paths = pathsReturning(returned).get(name);
  if (!paths) return undefined;
  const found = functionsOfModule(project.index, module).filter(
    (fn) =>
      fn.name === name &&
      fn.className === undefined &&
      !fn.nested &&
      paths.some((p) => samePath(p, fn.path)),
  );
  if (found.length !== 1) return undefined;
  const [fn] = found;
  // A decorator other than the thread wrapper may return anything.
  if (!fn.decorators.every((d) => WRAPPER_DECORATOR.test(d))) return undefined;
  if ((fn.async || fn.decorators.length > 0) !== awaited) return undefined;
  return returned[paths.find((p) => samePath(p, fn.path))!][name];
}

const byName = new WeakMap<object, Map<string, string[]>>();

/**
 * The paths whose functions of each name have a return annotation, in the facts' order: made once
 * per project facts (a filter of every path per call was 2% of the dense corpus).
 */
function pathsReturning(returned: Record<string, Record<string, string>>): Map<string, string[]> {
  let paths = byName.get(returned);
  if (paths) return paths;
  byName.set(returned, (paths = new Map()));
  for (const [path, names] of Object.entries(returned))
    for (const name of Object.keys(names)) {
      const list = paths.get(name);
      if (list) list.push(path);
      else paths.set(name, [path]);
    }
  return paths;
}

/** The module-level def a name of this module is bound to, once; decorated only by a wrapper. */
function moduleDef(callee: SyntaxNode): SyntaxNode | undefined {
  const bound = bindingsNamed(callee.tree.rootNode, callee.text);
  const def = bound.length === 1 ? bound[0].node.parent : undefined;
  if (def?.type !== "function_definition") return undefined;
  const statement = def.parent?.type === "decorated_definition" ? def.parent : def;
  if (statement.parent?.type !== "module") return undefined;
  const decorators = statement.id === def.id ? [] : statement.namedChildren.slice(0, -1);
  const wrapped = decorators.every((d) => {
    const expr = d.namedChildren[0];
    const q = expr ? qualifiedName(expr) : undefined;
    return !!q && WRAPPER_DECORATOR.test(q);
  });
  return wrapped ? def : undefined;
}

/** `async def`, or a def a thread wrapper decorates (calling it gives an awaitable too). */
function isAsyncDef(def: SyntaxNode): boolean {
  return (
    def.children.some((c) => c.type === "async") || def.parent?.type === "decorated_definition"
  );
}

/** The facts' paths are the run's (from where it started), the index's from the project root. */
function samePath(factsPath: string, rootPath: string): boolean {
  return factsPath === rootPath || factsPath.endsWith(`/${rootPath}`);
}
