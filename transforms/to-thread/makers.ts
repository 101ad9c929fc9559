import { modulePaths, projectTopModules } from "../../src/project/index-lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { classNamed } from "./receivers.js";
import { workerPools } from "../../src/python/thread-waits.js";
import { returnedClass, type CallableReader } from "./returned-callables.js";

/** concurrent.futures' pools, whose `submit` gives a Future. */
const FUTURES_POOLS = workerPools({ onlyFutures: true, submodules: true });

/**
 * What a call of `fn` makes: a class's instance, a library factory's product (`redis.from_url`,
 * known by its maker), or what a project function's return annotation names.
 */
export function callMaker(
  reader: CallableReader,
  fn: SyntaxNode,
  call: SyntaxNode,
): string | undefined {
  // `_POOL.submit(f, x)` on a concurrent.futures pool: a Future, whose `result()` waits (Z24).
  const pool = fn.type === "attribute" ? fn.childForFieldName("object") : null;
  if (fn.childForFieldName("attribute")?.text === "submit" && pool) {
    const made = reader.madeBy(pool, call);
    if (made && FUTURES_POOLS.has(made)) return "concurrent.futures.Future";
  }
  const named = classNamed(reader.file, fn);
  const index = reader.project?.index;
  const projectFunction =
    named !== undefined &&
    /^[a-z_]/.test(named.slice(named.lastIndexOf(".") + 1)) &&
    index !== undefined &&
    projectTopModules(index).has(named.split(".")[0]);
  if (named && !projectFunction) return named;
  // `Memory.from_config(...)`: an alternate constructor makes its class.
  const parts = named?.split(".") ?? [];
  if (parts.length > 1 && /^from_/.test(parts.at(-1)!) && /^[A-Z]/.test(parts.at(-2)!))
    return parts.slice(0, -1).join(".");
  // `TYPES.get(k)` of a project module's dict (neither a module's function nor a class's): a
  // value of unknown class, not one named for the method (hazard-review-6 V20).
  const owner = named?.slice(0, named.lastIndexOf(".")) ?? "";
  const ofValue =
    projectFunction &&
    modulePaths(index!, owner).length === 0 &&
    !/^[A-Z][a-z]/.test(owner.slice(owner.lastIndexOf(".") + 1));
  return returnedClass(reader, fn, call) ?? (ofValue ? undefined : named);
}
