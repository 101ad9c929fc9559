import { isAsyncFunction } from "../../src/python/shapes.js";
import type { OrmFile, OrmSites } from "./types.js";
import { decoratedByWrapper, wrapperReferences } from "./wrappers.js";

// Stage 1, the sites: where in the file a rewrite may be needed. a, b, c, d, g: a wrapper
// reference (`sync_to_async(...)(...)`, a stored wrapper); e: a def decorated by a wrapper; f: an
// async def whose body may call the sync ORM.

/** The file's sites; `asyncBodies`: whether the text may hold sync ORM calls in an async def. */
export function findSites(f: OrmFile, asyncBodies: boolean): OrmSites {
  const refs = wrapperReferences(f);
  return {
    refs,
    decoratedDefs: decoratedByWrapper(refs),
    asyncDefs: asyncBodies
      ? f.root.descendantsOfType("function_definition").filter(isAsyncFunction)
      : [],
  };
}

/** No sites: a file the survey asks only for some of its functions. */
export const NO_SITES: OrmSites = { refs: [], decoratedDefs: [], asyncDefs: [] };
