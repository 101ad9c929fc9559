import { functionKey } from "../../src/model/function-key.js";
import { asyncMethodsNamed } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { indexedFunctionsNamed } from "./cross-calls.js";
import type { CrossCall, OrmFile } from "./types.js";

// orm-human-6 G3 (django-cfg's `await sync_to_async(CentrifugoLog.objects.mark_failed)(
// log_instance=log_entry, ...)`, django-matt's `APIKey.objects.get_valid`): a method of the
// project's manager class, called through a model's manager, is followed as a model's method is
// (model-methods.ts): its twin `amark_failed` is added in the manager class, and the site awaits
// `CentrifugoLog.objects.amark_failed(...)`.

/**
 * `Log.objects.mark_failed` in `sync_to_async(Log.objects.mark_failed)`: `Log` a model of the
 * project whose manager attribute is made of a manager class of the project no other class
 * extends (so `self` in its methods is that manager), which defines `mark_failed` as a plain
 * method (no decorator, not async). Not one of Django's names that has an async form, nor a
 * method that only builds a queryset (a chain: proven as one, not followed).
 */
export function managerMethodTarget(
  f: OrmFile,
  target: SyntaxNode,
): Omit<CrossCall, "call"> | undefined {
  if (target.type !== "attribute") return undefined;
  const manager = target.childForFieldName("object");
  const callee = target.childForFieldName("attribute");
  if (manager?.type !== "attribute" || !callee) return undefined;
  const owner = manager.childForFieldName("object");
  const attribute = manager.childForFieldName("attribute")?.text ?? "";
  const model = owner ? f.proofs.modelClassOf(owner) : undefined;
  const facts = model ? f.ctx.project.models[model] : undefined;
  if (!facts || (attribute !== "objects" && !facts.managers.includes(attribute))) return undefined;
  const name = callee.text;
  if (asyncMethodsNamed(name).length > 0 || asyncMethodsNamed(`a${name}`).length > 0)
    return undefined;
  const cls = facts.selfManagers?.[attribute];
  const chains = facts.chains?.[attribute];
  if (!cls || chains?.methods[name] !== cls || chains.manager.includes(name)) return undefined;
  const found = indexedFunctionsNamed(f.ctx.project.index, name).filter(
    (fn) => fn.className === cls && !fn.nested && !fn.async && fn.decorators.length === 0,
  );
  return found.length === 1
    ? { callee, target: functionKey(found[0].module, name, cls) }
    : undefined;
}

/**
 * orm-review-6 R18 (daiv's `RepositoryCatalog.objects.fresh()`, `objects =
 * RepositoryCatalogQuerySet.as_manager()`): a receiver that is a call of a method of the project's
 * manager or QuerySet class that is no chain method: rooted at a model's manager, but not known to
 * build a queryset only. Said, or undefined.
 */
export function projectMethodReceiver(f: OrmFile, receiver: SyntaxNode): string | undefined {
  const callee = receiver.type === "call" ? receiver.childForFieldName("function") : undefined;
  const base = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const method = callee?.childForFieldName("attribute")?.text ?? "";
  const owner = base ? f.proofs.querysetOf(base)?.chains?.methods[method] : undefined;
  if (!owner) return undefined;
  return `${callee!.text.replace(/\s+/g, "")}() is ${owner}.${method}(), a method of the project behind a model's manager that is not known to only build a queryset (a chain of filter, exclude, annotate, ... on self that calls nothing else of the project): it may run queries`;
}
