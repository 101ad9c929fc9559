import { functionKey } from "../../src/model/function-key.js";
import { dottedName } from "../../src/python/module-names.js";
import type { IndexedFunction } from "../../src/model/types.js";
import { projectPlan } from "./cross-calls.js";
import type { Blocker } from "./codes.js";
import type { OrmFile } from "./types.js";

// orm-review-4 P13 (strawberry-django `sync_to_async(resolve_model_nodes)` after `from
// strawberry_django.relay import resolve_model_nodes`, a plain top-level re-export of the
// package): the kept wrapper was said to go through "a re-export the chain did not follow (an
// import inside a block, or an assignment)", though the survey had followed it and found no ORM
// work. What the survey did is said.

/**
 * Why `written` (`sync_to_async(resolve_model_nodes)`) is kept when `module` does not define
 * `name` but a module below it does (`defining`): the survey followed the package's re-export
 * and found no ORM work down it, or nothing followed it (the import is not one at the start of
 * a line of the package's `__init__.py`, or the run did not survey the wrapper).
 */
export function reexportReason(
  f: OrmFile,
  written: string,
  stored: string,
  module: string,
  name: string,
  defining: readonly IndexedFunction[],
): { code: Blocker | "AS215"; message: string } {
  const from = defining
    .map((fn) => `${dottedName(fn.module)} (${fn.path}:${fn.line})`)
    .join(" or ");
  const followed = projectPlan(f)?.reexports?.[functionKey(module, name)];
  if (followed)
    return {
      code: "AS215",
      message: `${written} runs ${name}(), which the package ${dottedName(module)} re-exports from ${from}: the project survey followed it, and its calls reach no Django ORM work it found${stored}: it stays a thread wrapper`,
    };
  return {
    code: "AS208",
    message: `${written} kept${stored}: ${dottedName(module)} does not define ${name}: it takes it from ${from}, a re-export the chain did not follow (it follows a \`from .module import name\` at the start of a line of the package's __init__.py, not one inside a block nor an assignment): import ${name} from ${dottedName(defining[0].module)} to have it followed, or give it an async form by hand if it does ORM work`,
  };
}
