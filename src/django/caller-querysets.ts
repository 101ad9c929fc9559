import type { SyntaxNode } from "../model/types.js";
import type { QuerysetProof } from "./proof-types.js";

// orm-human-8 K2 (pulp_ostree `copy_from_storage_to_tmp(self, parent_commit, objs)`, called only as
// `self.copy_from_storage_to_tmp(parent_commit, parent_commit.objs)`): a parameter every caller
// passes a proven queryset or related manager of one model is one. What callers pass is the
// transform's to prove (it knows the calls of a def); the proofs are told per file, here.

type CallerQueryset = (parameter: SyntaxNode) => QuerysetProof | undefined;

/** Tells the file's tree how to prove a parameter a queryset at its callers. */
export function useCallerQuerysets(root: SyntaxNode, proof: CallerQueryset): void {
  root.tree.memoized("callerQuerysets", () => ({ proof })).proof = proof;
}

/** The queryset every caller passes for the parameter `identifier`, if the transform proved one. */
export function querysetFromCallers(identifier: SyntaxNode): QuerysetProof | undefined {
  return identifier.tree
    .memoized<{ proof?: CallerQueryset }>("callerQuerysets", () => ({}))
    .proof?.(identifier);
}
