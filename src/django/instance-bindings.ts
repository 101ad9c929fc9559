import type { ProjectFacts, SyntaxNode } from "../model/types.js";
import { modelReturnedBy } from "./annotated-returns.js";
import { indexedRowOf, shortcutObjectOf } from "./generic-objects.js";
import {
  awaitedValue,
  bindingSite,
  callThroughWrapper,
  modelSelfProof,
  passedFields,
  unpackedItem,
} from "./proof-parts.js";
import type { InstanceProof } from "./proof-types.js";
import {
  instanceFromHelper,
  listedQueryset,
  relatedInstance,
  unpackedFromHelper,
} from "./returned-values.js";
import type { ValueAsker } from "./returned-values.js";
import { DJANGO_USER, USER_CREATING } from "./user-model.js";

// The instance half of the proofs (proofs.ts, which caches their answers by name): what one
// binding of a name holds, and what a call returns, as model instances.

/** Terminal calls that return one model instance (`get_or_create`: a tuple whose first item is). */
const INSTANCE_RETURNING = new Set(["get", "create", "first", "last", "latest", "earliest"]);
const INSTANCE_TUPLE_RETURNING = new Set(["get_or_create", "update_or_create"]);

/** What the instance proofs ask of the rest of the proofs, and the hooks the transform tells them. */
export interface InstanceAsker extends ValueAsker {
  modelClassOf(expr: SyntaxNode): string | undefined;
  modelOfAnnotation(type: SyntaxNode): string | undefined;
  parameterFromCallers?: (parameter: SyntaxNode) => InstanceProof | undefined;
  returnedByProject?: (callee: SyntaxNode, call: SyntaxNode) => InstanceProof | undefined;
}

/** What one binding of a name (a parameter, a loop target, an assignment's target) holds. */
export function instanceBoundBy(
  asker: InstanceAsker,
  project: ProjectFacts,
  bound: SyntaxNode,
): InstanceProof | undefined {
  const site = bindingSite(bound);
  if (!site) return undefined;
  switch (site.type) {
    case "parameters":
      return modelSelfProof(project, site, bound) ?? asker.parameterFromCallers?.(bound);
    case "typed_parameter":
    case "typed_default_parameter": {
      const name =
        site.type === "typed_parameter" ? site.namedChildren[0] : site.childForFieldName("name");
      if (name?.id !== bound.id) return undefined;
      const type = site.childForFieldName("type");
      const model = type ? asker.modelOfAnnotation(type) : undefined;
      return model ? { model, selected: new Set(), fromParameter: true } : undefined;
    }
    case "for_statement":
    case "for_in_clause": {
      if (site.childForFieldName("left")?.id !== bound.id) return undefined;
      const iterable = site.childForFieldName("right");
      // A queryset, or a list of its instances (`await sync_to_async(list)(qs)`).
      const qs = iterable
        ? (asker.querysetOf(iterable) ?? listedQueryset(asker, iterable))
        : undefined;
      const model = qs?.model || qs?.relatedModel;
      if (!qs || !qs.yieldsInstances || !model) return undefined;
      return { model, selected: qs.selected };
    }
    case "assignment": {
      const left = site.childForFieldName("left");
      let value = site.childForFieldName("right");
      if (!left || !value) return undefined;
      value = awaitedValue(value);
      const returned =
        left.id === bound.id ? instanceReturnedBy(asker, project, value, false) : undefined;
      // `cell: ScriptCell = await sync_to_async(load)()`: annotated, loaded out of sight.
      const type = left.id === bound.id && !returned ? site.childForFieldName("type") : null;
      const annotated = type ? asker.modelOfAnnotation(type) : undefined;
      if (annotated) return { model: annotated, selected: new Set(), fromParameter: true };
      if (left.id === bound.id) return returned ?? relatedInstance(project, value, asker);
      // `obj, created = Model.objects.get_or_create(...)`
      const unpacked = left.type === "pattern_list" || left.type === "tuple_pattern";
      const at = unpacked ? left.namedChildren.findIndex((n) => n.id === bound.id) : -1;
      if (at === 0 && left.namedChildren.length === 2) {
        const pair = instanceReturnedBy(asker, project, value, true);
        if (pair) return pair;
      }
      if (at < 0) return undefined;
      const item = unpackedItem(value, at, left.namedChildren.length);
      return item
        ? instanceReturnedBy(asker, project, item, false)
        : unpackedFromHelper(asker, site, at, left.namedChildren.length);
    }
  }
  return undefined;
}

/** The instance a call returns: a terminal ORM call, `Model(...)`, `get_object_or_404(...)`. */
export function instanceReturnedBy(
  asker: InstanceAsker,
  project: ProjectFacts,
  value: SyntaxNode,
  asPair: boolean,
): InstanceProof | undefined {
  const row = asPair ? undefined : indexedRowOf(asker, value);
  if (row) return row;
  const unwrapped = callThroughWrapper(value);
  if (!unwrapped) return undefined;
  const { callee } = unwrapped;
  value = unwrapped.call;
  if (!asPair) {
    const model = asker.modelClassOf(callee);
    if (model) return { model, selected: passedFields(value, new Set(), "create") };
    // `await get_attachment(pk)`, a def of this file returning `Attachment.objects.get(...)`:
    // what it loads (its select_related) counts before its return annotation (orm-review-5 Q21).
    const helper = instanceFromHelper(asker, value.parent?.type === "await" ? value.parent : value);
    const returned = modelReturnedBy(asker, project, callee, value);
    if (helper && (!returned || returned.model === helper.model)) return helper;
    if (returned) return returned;
    const shortcut =
      shortcutObjectOf(asker, callee, value) ?? asker.returnedByProject?.(callee, value);
    if (shortcut) return shortcut;
  }
  if (callee.type !== "attribute") return undefined;
  const method = (callee.childForFieldName("attribute")?.text ?? "").replace(/^a(?=[a-z])/, "");
  const named = callee.childForFieldName("attribute")?.text ?? "";
  const isTerminal = (set: Set<string>) =>
    set.has(named) || (named.startsWith("a") && set.has(method));
  const made = !asPair && USER_CREATING.has(method); // G11: Django's create_user's saved user
  if (!made && !isTerminal(asPair ? INSTANCE_TUPLE_RETURNING : INSTANCE_RETURNING)) return;
  const receiver = callee.childForFieldName("object");
  const qs = receiver ? asker.querysetOf(receiver) : undefined;
  const model = qs?.model || qs?.relatedModel; // orm-review-7 S7: `sub.products.first()`
  if (!qs?.yieldsInstances || !model || (made && model !== DJANGO_USER)) return;
  return { model, selected: passedFields(value, qs.selected, method) };
}
