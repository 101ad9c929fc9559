import { isTestCode } from "../../src/project/test-case-classes.js";
import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { chainTarget, methodTarget } from "./chains.js";
import { lazyUserIn } from "./lazy-objects.js";
import type { OrmFile } from "./types.js";
import { isThreadInsensitive, wrapperKind } from "./wrappers.js";

// `sync_to_async(helper)(...)` as a chain's first call: what it wraps, and whether that is a def
// of this file (the scan sorts them, see file-facts.ts).

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
  // Channels' wrapper too in test code, where its connection handling is not at stake (P1).
  const kind = wrapperKind(f, ref);
  if (kind !== "sync" && !(kind === "database" && isTestCode(f.file.path, ref))) return undefined;
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
