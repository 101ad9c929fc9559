import type {
  Context,
  FileSemantics,
  TransformMeta,
  TransformResult,
} from "../../src/model/types.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import { CODES } from "./codes.js";
import { asyncBody, decoratedWrapper, wrapperCall } from "./sites.js";
import { newOrmFile } from "./state.js";
import { decoratedByWrapper, wrapperReferences } from "./wrappers.js";
import { projectTwins } from "./cross-wrapper.js";
import { accountForSites } from "./accounting.js";

export { survey } from "./project-chains.js";

export const meta: TransformMeta = {
  id: "native-orm",
  summary:
    "sync_to_async wrappers and sync ORM calls inside async def -> Django's native async ORM (aget, acreate, asave, async for, ...)",
  needsDjango: true,
  siteKinds: [
    {
      kind: "sync_to_async",
      group: "sync_to_async",
      columns: [
        { context: "convertible", header: "conv" },
        { context: "blocked", header: "blocked" },
        { context: "kept", header: "kept" },
        { context: "silent", header: "silent" },
      ],
    },
    { kind: "sync-orm-call", group: "ORM", columns: [{ context: "*", header: "sync" }] },
  ],
  minDjango: "4.1",
  // Every site is a sync_to_async wrapper or sits inside an async def.
  triggers: ["sync_to_async", "async def"],
  defaultSkip: ["**/migrations/**"],
  codes: CODES,
};

// `.objects`, with what Python allows between the dot and the name (spaces, a backslash line
// continuation, comments inside brackets); the bare word is common in prose.
const OBJECTS_MANAGER = /\.(?:\s|\\|#[^\n]*\n)*objects\b/;

/**
 * Can the text hold a sync ORM call in an async def? Every such call sits in an async def, and its
 * proof names a model class: one the pre-pass found, one imported from a `models` module, a
 * manager (`.objects`), get_user_model(), or django's own shortcuts.
 */
function mayHoldSyncOrmCalls(source: string, ctx: Context): boolean {
  if (!source.includes("async")) return false;
  if (/models|_default_manager|get_user_model|django/.test(source)) return true;
  if (OBJECTS_MANAGER.test(source)) return true;
  return Object.keys(ctx.project.models).some((name) => source.includes(name));
}

/** Before the parse: every site is a wrapper, whose name is spelled, or a sync ORM call. */
export function mayHoldSite(source: string, ctx: Context): boolean {
  return source.includes("sync_to_async") || mayHoldSyncOrmCalls(source, ctx);
}

export function transform(file: FileSemantics, ctx: Context): TransformResult {
  // No Django: the runner skips the transform and says so once (meta.needsDjango); a project
  // with only asgiref reaches here and has no ORM to convert.
  if (!ctx.options.django && !ctx.project.usesDjango) return { findings: [], sites: [] };
  const f = newOrmFile(file, ctx);
  const refs = wrapperReferences(f);
  f.wrapperRefs = refs;
  f.wrapperDefs = decoratedByWrapper(refs);
  for (const def of f.wrapperDefs) decoratedWrapper(f, def);
  for (const ref of refs) wrapperCall(f, ref);
  projectTwins(f);
  accountForSites(f);
  if (mayHoldSyncOrmCalls(f.source, ctx))
    for (const def of f.root.descendantsOfType("function_definition"))
      if (isAsyncFunction(def)) asyncBody(f, def);
  return f.out.result();
}
