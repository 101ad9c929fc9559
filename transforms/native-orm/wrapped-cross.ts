import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { chainTarget, methodTarget, reachesOtherFiles } from "./chains.js";
import { chainKey, crossTargetOf, inheritedTarget } from "./cross-calls.js";
import { lazyUserIn } from "./lazy-objects.js";
import type { OrmFile, WrappedCross } from "./types.js";
import { isThreadInsensitive, wrapperKind } from "./wrappers.js";

// `sync_to_async(helper)(...)` as a chain's first call: found the same way by the survey and by
// the rewrite, so that the n-th of a file is the same wrapper for both.

/**
 * `sync_to_async(helper)(...)` (asgiref's, awaited or not, one positional argument, no comment
 * inside): the outer call, the wrapper call and `helper`.
 */
export function wrappedHelper(
  f: OrmFile,
  ref: SyntaxNode,
): { outer: SyntaxNode; wrap: SyntaxNode; target: SyntaxNode } | undefined {
  const wrap = ref.parent;
  if (wrap?.type !== "call" || wrap.childForFieldName("function")?.id !== ref.id) return undefined;
  if (wrapperKind(f, ref) !== "sync") return undefined;
  const outer = wrap.parent;
  if (outer?.type !== "call" || outer.childForFieldName("function")?.id !== wrap.id)
    return undefined;
  const wrapped = callArguments(wrap).filter((a) => a.type !== "keyword_argument");
  const target = wrapped.length === 1 ? wrapped[0] : undefined;
  if (!target || wrap.descendantsOfType("comment").length > 0) return undefined;
  // Parallel threads the native methods would make serial: left to the wrapper's own report.
  if (isThreadInsensitive(wrap)) return undefined;
  // A lazy request.user handed to the helper would be used on the loop: left to the wrapper.
  const lazy = (arg: SyntaxNode) =>
    lazyUserIn(f, arg)?.parent?.type === "attribute" ? undefined : lazyUserIn(f, arg);
  if (callArguments(outer).some(lazy)) return undefined;
  return { outer, wrap, target };
}

/**
 * `helper` in `sync_to_async(helper)` as a def of this file, or `self._count` as a method of the
 * class: the def, and the name a twin renames.
 */
export function localTarget(
  f: OrmFile,
  target: SyntaxNode,
): { def: SyntaxNode; callee: SyntaxNode } | undefined {
  const def = chainTarget(f, target);
  if (def) return { def, callee: target };
  const method = methodTarget(f, target);
  return method ? { def: method, callee: target.childForFieldName("attribute")! } : undefined;
}

/** The file's `sync_to_async(helper)(...)` whose chain reaches another file, in source order. */
export function wrappedCrossCalls(f: OrmFile): WrappedCross[] {
  f.wrappedCross ??= (f.wrapperRefs ?? []).flatMap((ref) => {
    const w = wrappedHelper(f, ref);
    if (!w) return [];
    const local = localTarget(f, w.target);
    if (local) {
      const { def, callee } = local;
      const call = { call: w.outer, callee, def };
      if (!reachesOtherFiles(f, [call], [])) return [];
      return [{ call: w.outer, wrap: w.wrap, callee, helper: w.target, target: chainKey(f, def) }];
    }
    // `sync_to_async(self.helper)` of a mixin or base imported from another module too.
    const cross = crossTargetOf(f, w.target) ?? inheritedTarget(f, w.target);
    return cross ? [{ call: w.outer, wrap: w.wrap, helper: w.target, ...cross }] : [];
  });
  return f.wrappedCross;
}
