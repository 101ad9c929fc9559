import { functionsNamed, indexedModule, moduleFunctionsNamed } from "./index-lookup.js";
import type { ProjectIndex } from "../model/types.js";

/**
 * A declared twin the project defines must be an `async def`: to-thread puts `await` before its
 * calls and missing-await takes them for coroutines, so a sync twin (`"billing.fetch" =
 * "billing.fetch_cached"`, both plain defs) would be awaited and raise TypeError at run time. A
 * replacement with `*` names an object's methods (`async_redis_manager.*`), which the index does
 * not list by class: not checked.
 */
export function syncTwinProblem(
  index: ProjectIndex,
  twins: Readonly<Record<string, string>>,
): string | undefined {
  for (const [pattern, replacement] of Object.entries(twins)) {
    if (replacement.includes("*")) continue;
    const name = replacement.slice(replacement.lastIndexOf(".") + 1);
    const written = replacement.slice(0, Math.max(0, replacement.lastIndexOf(".")));
    // As written in the files (`rates.fetch_cached` through `from billing import rates`), or a
    // bare name: every module-level function of the project so named.
    const module = written ? indexedModule(index, written, name) : undefined;
    const defs = module
      ? moduleFunctionsNamed(index, module, name)
      : written
        ? []
        : functionsNamed(index, name).filter((f) => !f.className && !f.nested);
    const sync = defs.find((f) => !f.async);
    if (sync && defs.every((f) => !f.async))
      return `[tool.asyncshift.to-thread.twins]."${pattern}": the twin "${replacement}" is a sync def of the project (${sync.path}:${sync.line}); a twin is awaited where it replaces the call, so it must be an async def`;
  }
  return undefined;
}
