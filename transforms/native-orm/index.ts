import type {
  Context,
  FileSemantics,
  TransformMeta,
  TransformResult,
} from "../../src/model/types.js";
import { planFileChains } from "./chain-plan.js";
import { CODES } from "./codes.js";
import { scanFile } from "./file-facts.js";
import { reportSites } from "./report-sites.js";
import { findSites } from "./sites.js";
import { newOrmFile } from "./state.js";
import { relatedManagerNames } from "./related-chains.js";

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
  if (Object.keys(ctx.project.models).some((name) => source.includes(name))) return true;
  // orm-human-9 H3: `self.scope["user"].messages.filter(...)`, a related manager's name alone.
  for (const name of relatedManagerNames(ctx.project))
    if (source.includes(`.${name}.`)) return true;
  return false;
}

/** Before the parse: every site is a wrapper, whose name is spelled, or a sync ORM call. */
export function mayHoldSite(source: string, ctx: Context): boolean {
  return source.includes("sync_to_async") || mayHoldSyncOrmCalls(source, ctx);
}

/**
 * The file in four stages, each built from the one before and never changed after: its sites
 * (wrapper references, decorated defs, async bodies), the scan of what they reach (per-file facts),
 * the chain plan (which wrappers convert through calls, which functions convert in place or gain a
 * twin), then the rewrite and report of each site.
 */
export function transform(file: FileSemantics, ctx: Context): TransformResult {
  // No Django: the runner skips the transform and says so once (meta.needsDjango); a project
  // with only asgiref reaches here and has no ORM to convert.
  if (!ctx.options.django && !ctx.project.usesDjango) return { findings: [], sites: [] };
  const f = newOrmFile(file, ctx);
  const sites = findSites(f, mayHoldSyncOrmCalls(f.source, ctx));
  const scanned = scanFile(f, sites);
  const chains = planFileChains(scanned);
  reportSites(scanned, chains);
  return f.out.result();
}
