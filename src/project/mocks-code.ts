import { ASYNC_METHODS } from "../django/api.js";
import { awaitedCalls, throughName, type AwaitedCall } from "../python/awaited-calls.js";
import { functionsNamed } from "./index-lookup.js";
import { dottedName } from "../python/module-names.js";
import { callsInFile } from "./project-index.js";
import { lastSegment } from "../python/lookup.js";
import type { IndexedFunction, ProjectIndex, ReplacedName } from "../model/types.js";

/*
 * What a module's code no longer calls, read from the code itself (AS920 after `--write`): the
 * run that rewrote it knew from its fixes, the next run knows from what the code awaits now.
 */

/** Django's async method names with the sync method each stands for: `acount` -> `count`. */
const ORM_SYNC_OF: ReadonlyMap<string, string> = new Map(
  ASYNC_METHODS.map((m) => [m.async, m.sync]),
);

/** Does the code still call `name` (`helper(`, `Order.objects.count(`)? */
export function calls(code: string, name: string): boolean {
  const escaped = name.replace(/\./g, "\\s*\\.\\s*");
  return new RegExp(`(?<![\\w.])${escaped}\\s*\\(`).test(code);
}

/** `await Order.objects.acount()` with no `Order.objects.count(` left: Django's async twin. */
function ormTwin(call: AwaitedCall, code: string): ReplacedName | undefined {
  const sync = ORM_SYNC_OF.get(call.method);
  // A model class's manager (`Order.objects`): a name a test can patch, not a local queryset.
  if (!sync || !call.plain || !/^[A-Z]/.test(call.root) || !call.callee.includes("."))
    return undefined;
  const receiver = call.callee.slice(0, call.callee.lastIndexOf("."));
  const local = `${receiver}.${sync}`;
  return calls(code, local)
    ? undefined
    : { qualified: sync, local, by: call.callee, awaited: true };
}

/** The sync function a project twin stands for: `_aprocess_files` -> `_process_files`. */
function syncOfTwin(name: string): string | undefined {
  const found = /^(_*)a(\w+)$/.exec(name);
  return found ? `${found[1]}${found[2]}` : undefined;
}

/**
 * `await services._aprocess_files(...)` with no `_process_files(` left, where the project defines
 * both, the twin `async def` beside the sync one.
 */
function projectTwin(
  index: ProjectIndex,
  call: AwaitedCall,
  code: string,
  module?: string,
): ReplacedName | undefined {
  const sync = call.plain ? syncOfTwin(call.method) : undefined;
  if (!sync) return undefined;
  // `await self._amark_done()`: a method twin of the same class; `await crawl.ais_finished()`
  // a model method's twin, or a module's function; a bare name a module function.
  const method = call.callee === `self.${call.method}`;
  const bare = call.callee === call.method;
  const twins = functionsNamed(index, call.method).filter(
    (f) => f.async && (method ? !!f.className : bare ? !f.className : true),
  );
  // `self._aget` is a method of this module's class, not of a namesake class elsewhere
  // (hazard-review-7 Y2: agno's GitlabTools._aget tied to AgentOSClient._get).
  const defined = twins.find(
    (t) =>
      (!method || module === undefined || t.module === module) &&
      functionsNamed(index, sync).some(
        (f) => !f.async && f.className === t.className && f.module === t.module,
      ),
  );
  const prefix = call.callee.slice(0, call.callee.length - call.method.length);
  if (!defined || calls(code, `${prefix}${sync}`)) return undefined;
  // `_aget_fga` falling back to `_get_fga()` ("so existing tests that patch the sync helper keep
  // working", bisheng): a patch of the sync one still intercepts (hazard-review-5 J19a).
  if (twinCallsSync(index, defined, sync)) return undefined;
  const owner = defined.className ? `${defined.className}.` : "";
  return {
    qualified: `${dottedName(defined.module)}.${owner}${sync}`,
    local: `${prefix}${sync}`,
    by: call.callee,
    awaited: true,
    twin: true,
  };
}

/** Does the twin's own body call the sync function (`self._get_fga()` in `_aget_fga`)? */
function twinCallsSync(index: ProjectIndex, twin: IndexedFunction, sync: string): boolean {
  const within = twin.className ? `${twin.className}.${twin.name}` : twin.name;
  return callsInFile(index, twin.path).some(
    (c) => c.within === within && !c.awaited && lastSegment(c.callee) === sync,
  );
}

/** `async_to_sync(...)` imported from asgiref with no `asyncio.run(` left. */
function asyncioRunGone(code: string): ReplacedName | undefined {
  if (!/\bfrom\s+asgiref\.sync\s+import\b[^\n]*\basync_to_sync\b/.test(code)) return undefined;
  if (!/\basync_to_sync\s*\(/.test(code) || calls(code, "asyncio.run")) return undefined;
  return { qualified: "asyncio.run", local: "asyncio.run", by: "async_to_sync" };
}

/** The names the module's code no longer calls, as its rewrite would have said. */
export function replacedInCode(index: ProjectIndex, code: string, module?: string): ReplacedName[] {
  const found: ReplacedName[] = [];
  for (const call of awaitedCalls(code)) {
    const name = projectTwin(index, call, code, module) ?? ormTwin(call, code);
    if (name) found.push(name);
    // Only Django's async ORM forms, the ones a rewrite writes: the project's own awaits on
    // other objects were there before, and the tests that patch those set them up already.
    const through = ORM_SYNC_OF.has(call.method) ? throughName(call) : undefined;
    if (through) found.push(through);
  }
  const run = asyncioRunGone(code);
  return run ? [...found, run] : found;
}
