import type { SyntaxNode } from "../model/types.js";
import { positionalArguments } from "./proof-parts.js";
import { qualifiedName } from "../python/imports.js";
import { methodResolutionOrder, ownMethod, type MroClass } from "../python/mro.js";
import { classOfSelf, qualifiedBase } from "./plain-self.js";
import type { InstanceProof, QuerysetProof } from "./proof-types.js";

// orm-human-5 H8b (hakaton-backend): `self.room = await database_sync_to_async(self.get_object)(
// pk=room_pk)` in a djangochannelsrestframework consumer whose body says `queryset =
// Room.objects.all()`. The library's `get_object` filters `self.get_queryset()`, which is
// `self.queryset.all()`, and returns one row of it (DRF's generic views the same): a Room. Proven
// only when no class of the project on the way overrides either method.

/** The library classes that define `get_object` over the `queryset` attribute. */
const GENERIC_CLASSES =
  /^(rest_framework\.(generics\.\w*APIView|viewsets\.(Generic|Model|ReadOnlyModel)ViewSet)|djangochannelsrestframework\.generics\.GenericAsyncAPIConsumer)$/;

/** Library mixins that define neither method (they call them). */
const MIXINS = /^(rest_framework|djangochannelsrestframework)\.mixins\.\w+$/;

/** The methods whose override would change what `get_object` returns. */
const OVERRIDES = ["get_object", "get_queryset"];

/** The value a class body assigns to `name` (`queryset = Room.objects.all()`), if any. */
function classAttribute(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const statement of cls.childForFieldName("body")?.namedChildren ?? []) {
    const assignment =
      statement.type === "expression_statement" ? statement.namedChildren[0] : null;
    if (assignment?.type !== "assignment") continue;
    if (assignment.childForFieldName("left")?.text === name)
      return assignment.childForFieldName("right") ?? undefined;
  }
  return undefined;
}

/** The `queryset` the generic base reads, when the order reaches it past nothing that overrides. */
function genericQueryset(order: readonly MroClass[], cls: SyntaxNode): SyntaxNode | undefined {
  let queryset: SyntaxNode | undefined;
  for (const c of order) {
    if (c.kind === "local") {
      if (OVERRIDES.some((m) => ownMethod(c.node, m))) return undefined;
      queryset ??= classAttribute(c.node, "queryset");
      continue;
    }
    const qualified = qualifiedBase(c, cls);
    if (qualified && GENERIC_CLASSES.test(qualified)) return queryset;
    if (!qualified || !MIXINS.test(qualified)) return undefined;
  }
  return undefined;
}

/**
 * `self.get_object(...)` (called, or wrapped and called) in a method of a DRF generic view or a
 * djangochannelsrestframework generic consumer: an instance of the `queryset` attribute's model,
 * loaded out of sight.
 */
export function genericObjectOf(
  proofs: { querysetOf(expr: SyntaxNode): QuerysetProof | undefined },
  callee: SyntaxNode,
): InstanceProof | undefined {
  if (callee.type !== "attribute" || callee.childForFieldName("attribute")?.text !== "get_object")
    return undefined;
  const self = callee.childForFieldName("object");
  const cls = self && classOfSelf(self);
  const order = cls && methodResolutionOrder(cls);
  const value = order && genericQueryset(order, cls);
  const qs = value && proofs.querysetOf(value);
  return qs && qs.yieldsInstances && qs.model !== ""
    ? { model: qs.model, selected: qs.selected, fromParameter: true }
    : undefined;
}

/**
 * The instance a library shortcut returns: `get_object_or_404(Model or queryset, ...)` (and its
 * `a`-form), or a generic view's `self.get_object(...)`.
 */
export function shortcutObjectOf(
  proofs: {
    querysetOf(expr: SyntaxNode): QuerysetProof | undefined;
    modelClassOf(expr: SyntaxNode): string | undefined;
    instanceOf(expr: SyntaxNode): InstanceProof | undefined;
  },
  callee: SyntaxNode,
  call: SyntaxNode,
): InstanceProof | undefined {
  const generic = genericObjectOf(proofs, callee);
  if (generic) return generic;
  const qualified = qualifiedName(callee);
  // orm-review-6 R13 (Ghostwriter `copy = deepcopy(entry)`): a copy of a proven instance is one
  // of the same model, its loaded relations copied with it.
  if (qualified === "copy.deepcopy" || qualified === "copy.copy") {
    const [original] = positionalArguments(call);
    return original?.type === "identifier" ? proofs.instanceOf(original) : undefined;
  }
  if (!/^django\.shortcuts\.a?get_object_or_404$/.test(qualified ?? "")) return undefined;
  const first = positionalArguments(call)[0];
  const fromModel = first && proofs.modelClassOf(first);
  if (fromModel) return { model: fromModel, selected: new Set() };
  const qs = first && proofs.querysetOf(first);
  return qs && qs.model !== "" ? { model: qs.model, selected: qs.selected } : undefined;
}

/**
 * orm-review-6 R11 (checkmate's lobby consumer): `await sync_to_async(lambda: lobbies[0])()` with
 * `lobbies` a proven queryset: the row at that index, an instance of its model (loaded with what
 * the queryset selects), or IndexError.
 */
export function indexedRowOf(
  proofs: { querysetOf(expr: SyntaxNode): QuerysetProof | undefined },
  value: SyntaxNode,
): InstanceProof | undefined {
  if (value.type === "await") value = value.namedChildren[0] ?? value;
  const wrapper = value.type === "call" ? value.childForFieldName("function") : null;
  const lambda = wrapper?.type === "call" ? positionalArguments(wrapper)[0] : undefined;
  if (lambda?.type !== "lambda" || lambda.childForFieldName("parameters")) return undefined;
  if (!isThreadWrapperCall(wrapper!)) return undefined;
  const body = lambda.childForFieldName("body");
  const index = body?.type === "subscript" ? body.childForFieldName("subscript") : null;
  // A negative index raises on a queryset: only a row counted from the start.
  if (index?.type !== "integer") return undefined;
  const qs = proofs.querysetOf(body!.childForFieldName("value")!);
  return qs && qs.yieldsInstances && qs.model !== ""
    ? { model: qs.model, selected: qs.selected }
    : undefined;
}

function isThreadWrapperCall(wrapper: SyntaxNode): boolean {
  const callee = wrapper.childForFieldName("function");
  const qualified = callee ? qualifiedName(callee) : undefined;
  return (
    qualified === "asgiref.sync.sync_to_async" || qualified === "channels.db.database_sync_to_async"
  );
}
