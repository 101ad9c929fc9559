import type { FileScan } from "./proofs.js";
import { ormNative } from "./proofs.js";
import { targetGone, type SiteResults } from "./results.js";
import { plainCallText, rewriteEdits } from "./rewrite.js";
import { reindented } from "./reindent.js";
import { isPrimary, type Site, type Target } from "./sites.js";
import { loopHazard, callHazard, type LoopHazard } from "./loop-hazards.js";

/** What the loop-hazard check found for the function a site runs, and whether it could look. */
function loopCheck(
  scan: FileScan,
  target: Target,
): { hazard?: LoopHazard & { direct?: boolean }; checked: boolean } {
  const functions = scan.functions;
  const fact = functions.callFact(target.fn, target.fn);
  const reason = callHazard(fact);
  if (reason) return { hazard: { reason, via: [], direct: true }, checked: true };
  const facts = fact.reaches ? functions.lookup(fact.reaches) : undefined;
  if (!facts) return { checked: false };
  const hazard = loopHazard(facts, functions.lookup, new Set([fact.reaches!]));
  return hazard ? { hazard, checked: true } : { checked: true };
}

/**
 * `--to-thread unwrap`: `await asyncio.to_thread(fn, a)` -> `fn(a)`, each unwrapped site reported
 * (AS302: the call blocks the loop again); refused where the call must stay off the loop.
 */
export function unwrapSite(
  scan: FileScan,
  site: Site,
  target: Target,
  wrapper: string,
  out: SiteResults,
): void {
  const fnText = target.fn.text;
  if (!site.awaited) {
    out.report(
      site.call,
      "AS305",
      `${wrapper}() is not awaited on the spot (kept for gather, a task or later): unwrapping it would change when and where the call runs; left alone`,
    );
    return;
  }
  // A sync ORM call in async def raises SynchronousOnlyOperation: never unwrap one.
  const orm = ormNative(target.fn, scan);
  if (orm) {
    const native = "callee" in orm ? plainCallText(site, target, orm.callee) : undefined;
    out.report(
      site.awaited,
      "AS303",
      `cannot unwrap: ${fnText} is a Django ORM call, which raises SynchronousOnlyOperation in async def; ` +
        (native ? "use the native async method" : "keep it in its thread"),
      native ? `await ${native}` : undefined,
    );
    return;
  }
  const check = loopCheck(scan, target);
  if (check.hazard) {
    const { reason, via, direct } = check.hazard;
    const who = direct
      ? "the call would run on the event loop, where it"
      : fnText + via.map((name) => ` through ${name}()`).join("");
    out.report(site.awaited, "AS307", `cannot unwrap: ${who} ${reason}; it stays in its thread`);
    return;
  }
  const callee = isPrimary(target.fn) ? fnText : `(${fnText})`;
  const siteEdits = rewriteEdits(scan.source, site, target, site.awaited.startIndex, callee);
  const suggestion = plainCallText(site, target, callee);
  if ("problem" in siteEdits) {
    out.report(
      site.awaited,
      "AS303",
      `cannot unwrap: ${siteEdits.problem}; rewrite by hand`,
      suggestion,
    );
    return;
  }
  const edits = out.holdsOtherSite(site)
    ? siteEdits
    : reindented(
        scan.source,
        scan.file.root,
        site.awaited.startIndex,
        site.call.endIndex,
        callee,
        siteEdits,
      );
  out.accept(site, edits, targetGone(target, false), {
    node: site.awaited,
    code: "AS302",
    message:
      `unwrapped ${wrapper}(): ${fnText}(...) now runs on the event loop and blocks it until it returns` +
      (check.checked
        ? ""
        : `; ${fnText} is not a function of this file, so it was not checked for calls that cannot run on the loop (asyncio.run, waits on the loop or on other threads)`),
    reported: true,
  });
}
