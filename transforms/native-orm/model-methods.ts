import { functionKey } from "../../src/model/function-key.js";
import { asyncMethodsNamed } from "../../src/django/orm.js";
import type { CrossCall } from "./types.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { indexedFunctionsNamed } from "./cross-calls.js";
import type { OrmFile } from "./types.js";

// orm-review M5 (ArchiveBox `crawl_service.py`): `await sync_to_async(crawl.is_finished)()` where
// `crawl` is a proven instance of a project model and `Crawl.is_finished` is a plain method of the
// model whose body is ORM work. The method is followed as a project helper is: its twin
// `ais_finished` is added beside it in the model's class, and the site awaits it.

/**
 * `crawl.is_finished` in `sync_to_async(crawl.is_finished)`, when `crawl` is proven an instance of
 * a model of the project whose own class body defines `is_finished` as a plain `self` method (no
 * decorator, not async), no project subclass of the model overrides it, and its twin would not be
 * a name Django's Model already has (`asave`, `adelete`, `arefresh_from_db`).
 */
export function modelMethodTarget(
  f: OrmFile,
  target: SyntaxNode,
): Omit<CrossCall, "call"> | undefined {
  if (target.type !== "attribute") return undefined;
  const receiver = target.childForFieldName("object");
  const callee = target.childForFieldName("attribute");
  // orm-human-8 K13, K9: also `self.experiment` (an instance a plain class holds) and
  // `self.session.participant`, read where they stand before and after: only the method moves.
  const named = receiver?.type === "identifier" || receiver?.type === "attribute";
  if (!named || receiver.text === "self" || !callee) return undefined;
  const name = callee.text;
  // Django's own Model methods (save, delete, ...) and their twins are the conversions' business.
  if (asyncMethodsNamed(name).length > 0 || asyncMethodsNamed(`a${name}`).length > 0)
    return undefined;
  const instance = f.proofs.instanceOf(receiver);
  // A method reading only its own columns is in-memory-call.ts's: called, or kept when a column
  // may be deferred (its twin would read it on the event loop).
  if (!instance || f.ctx.project.models[instance.model]?.inMemoryMethods?.includes(name))
    return undefined;
  const found = definingMethods(f, instance.model, name);
  if (found.length !== 1 || overriddenBelow(f, instance.model, name)) return undefined;
  // A model's method is its API beyond the calls the index sees (templates, admin, serializers
  // name it in strings): it keeps its sync form and gains a twin, in its file or another.
  return { callee, target: functionKey(found[0].module, name, instance.model) };
}

/** The index's plain methods `name` of classes named `model`. */
function definingMethods(f: OrmFile, model: string, name: string) {
  return indexedFunctionsNamed(f.ctx.project.index, name).filter(
    (fn) => fn.className === model && !fn.nested && !fn.async && fn.decorators.length === 0,
  );
}

/** Whether a project subclass of `model` (an instance annotated `Crawl` may be one) defines it. */
function overriddenBelow(f: OrmFile, model: string, name: string): boolean {
  const models = f.ctx.project.models;
  const seen = new Set<string>();
  const below = [...(models[model]?.subclasses ?? [])];
  while (below.length > 0) {
    const sub = below.pop()!;
    if (seen.has(sub)) continue;
    seen.add(sub);
    below.push(...(models[sub]?.subclasses ?? []));
  }
  return indexedFunctionsNamed(f.ctx.project.index, name).some(
    (fn) => fn.className !== undefined && seen.has(fn.className),
  );
}
