import type { SyntaxNode } from "../model/types.js";
import { asyncMethodFor, type AsyncMethod } from "./api.js";
import type { InstanceProof, OrmProofs, QuerysetProof } from "./proofs.js";

/** What Django offers for `<receiver>.<method>(...)` once the receiver is proven ORM. */
export type OrmCallTwin =
  | {
      receiver: "queryset";
      proof: QuerysetProof;
      /** The native async method, or undefined when Django has none for this method. */
      twin: AsyncMethod | undefined;
      /** The receiver's class is known to have the twin. */
      certain: boolean;
    }
  | { receiver: "instance"; proof: InstanceProof; twin: AsyncMethod | undefined; certain: boolean };

/**
 * The native async twin of the ORM call `<receiver>.<method>(...)`: undefined when the receiver
 * is not proven a queryset, manager or model instance. A related manager (model "") has its own
 * twins (aadd, aset, ...) beside the queryset ones. `check_password` exists on user models only,
 * so its twin is certain only when the model's name says it is a user model.
 */
export function asyncTwinOfOrmCall(
  proofs: OrmProofs,
  receiver: SyntaxNode,
  method: string,
): OrmCallTwin | undefined {
  const queryset = proofs.querysetOf(receiver);
  if (queryset) {
    const twin =
      (queryset.model === "" ? asyncMethodFor("related-manager", method) : undefined) ??
      asyncMethodFor("queryset", method);
    return { receiver: "queryset", proof: queryset, twin, certain: true };
  }
  const instance = proofs.instanceOf(receiver);
  if (!instance) return undefined;
  if (method === "check_password") {
    const twin = asyncMethodFor("user", method);
    return { receiver: "instance", proof: instance, twin, certain: /User/.test(instance.model) };
  }
  return {
    receiver: "instance",
    proof: instance,
    twin: asyncMethodFor("instance", method),
    certain: true,
  };
}
