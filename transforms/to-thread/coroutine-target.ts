import { functionsNamed } from "../../src/project/index-lookup.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { indexedByKey } from "./project-callees.js";
import { PROJECT_KEY } from "./loop-hazards.js";
import type { FileScan } from "./proofs.js";
import type { SiteResults } from "./results.js";
import { plainCallText } from "./rewrite.js";
import type { Site, Target } from "./sites.js";
import { classOfMethod } from "./class-attributes.js";

/*
 * `await asyncio.to_thread(self.check_bucket_exists, name)` where `check_bucket_exists` is an
 * `async def`: the thread only calls it, which makes a coroutine and returns it unrun. The await
 * gives that coroutine object (always truthy; "coroutine ... was never awaited"), and the body
 * never runs (hazard-review-5 J6, bisheng's MinIO storage, which meant the `_sync` twin). Neither
 * a native replacement nor an unwrap is right: the call is reported as the bug it is.
 */

/** Decorators that keep an `async def` a coroutine function. */
const KEEPS_COROUTINE = new Set(["staticmethod", "classmethod", "abstractmethod", "override"]);

export interface CoroutineDef {
  name: string;
  /** Where it is defined: `app/reports.py:4`, or `line 10` in this file. */
  where: string;
  /** A sync function beside it named for it (`check_bucket_exists_sync`, `sync_check`). */
  syncTwin?: string;
  /** The site is inside this very function (`to_thread(self.f)` in `async def f`). */
  itself: boolean;
}

/** Report a thread site whose function is an `async def` (AS309); true when it did. */
export function coroutineSite(
  scan: FileScan,
  site: Site,
  target: Target,
  wrapper: string,
  out: SiteResults,
): boolean {
  const found = coroutineDef(scan, site, target);
  if (!found) return false;
  const twinText = found.syncTwin && target.fn.text.replace(/\w+$/, found.syncTwin);
  const fix = found.itself
    ? twinText
      ? `pass the sync ${found.syncTwin} instead`
      : "call the sync function meant here, or await the work directly"
    : `await it directly${twinText ? ` (or pass the sync ${found.syncTwin})` : ""}`;
  const suggestion = found.itself
    ? twinText && site.awaited
      ? site.awaited.text.replace(target.fn.text, twinText)
      : undefined
    : `await ${plainCallText(site, target, target.fn.text)}`;
  out.report(
    site.awaited ?? site.call,
    "AS309",
    `${wrapper}() of ${target.fn.text}, an async def (${found.where}): in the thread it only makes the coroutine, which comes back unrun (always truthy, never awaited), so ${found.name}'s body never runs; ${fix}`,
    suggestion,
  );
  return true;
}

export function coroutineDef(scan: FileScan, site: Site, target: Target): CoroutineDef | undefined {
  const fact = scan.functions.callFact(target.fn, target.fn);
  if (!fact.reaches) return undefined;
  const def = scan.functions.defOf(fact.reaches);
  if (def)
    return def.children.some((c) => c.type === "async") ? localDef(scan, site, def) : undefined;
  const index = scan.ctx.project.index;
  const indexed =
    index && fact.reaches.startsWith(PROJECT_KEY) ? indexedByKey(index, fact.reaches) : undefined;
  if (!indexed?.async || indexed.decorators.some((d) => !KEEPS_COROUTINE.has(lastName(d))))
    return undefined;
  const twin = [`${indexed.name}_sync`, `sync_${indexed.name}`].find((n) =>
    functionsNamed(index!, n).some(
      (f) => !f.async && f.module === indexed.module && f.className === indexed.className,
    ),
  );
  return {
    name: indexed.name,
    where: `${indexed.path}:${indexed.line}`,
    itself: false,
    ...(twin ? { syncTwin: twin } : {}),
  };
}

function localDef(scan: FileScan, site: Site, def: SyntaxNode): CoroutineDef | undefined {
  const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  const decorators = decorated?.namedChildren.filter((c) => c.type === "decorator") ?? [];
  if (decorators.some((d) => !KEEPS_COROUTINE.has(lastName(d.text.replace(/^@|\(.*$/gs, "")))))
    return undefined;
  const name = def.childForFieldName("name")!.text;
  const owner = classOfMethod(def)?.childForFieldName("body") ?? scan.file.root;
  const siblings = owner.namedChildren.map((s) =>
    s.type === "decorated_definition" ? s.childForFieldName("definition") : s,
  );
  const twin = [`${name}_sync`, `sync_${name}`].find((n) =>
    siblings.some(
      (s) =>
        s?.type === "function_definition" &&
        s.childForFieldName("name")?.text === n &&
        !s.children.some((c) => c.type === "async"),
    ),
  );
  const itself = site.call.startIndex > def.startIndex && site.call.endIndex <= def.endIndex;
  return {
    name,
    where: `line ${def.startPosition.row + 1}`,
    itself,
    ...(twin ? { syncTwin: twin } : {}),
  };
}

function lastName(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf(".") + 1).trim();
}
