import { nativeFor, noNativeMessage, type FileScan } from "./proofs.js";
import { replacedCall, targetGone, type SiteResults } from "./results.js";
import { plainCallText, rewriteEdits } from "./rewrite.js";
import type { Site, Target } from "./sites.js";
import { replaceListSite } from "./list-queryset.js";
import { reindented } from "./reindent.js";

/**
 * `--to-thread native`: the thread replaced by the native call when one is known (time.sleep, a
 * proven ORM call, a declared twin); otherwise the site is reported with the reason.
 */
export function replaceSite(
  scan: FileScan,
  site: Site,
  target: Target,
  wrapper: string,
  out: SiteResults,
): void {
  if (replaceListSite(scan, site, target, wrapper, out)) return;
  const native = nativeFor(scan, target.fn, site);
  if (native === undefined) {
    out.report(site.call, "AS301", noNativeMessage(scan, target.fn, wrapper));
    return;
  }
  if ("problem" in native) {
    out.report(site.call, native.code, native.problem, native.suggestion);
    return;
  }
  const suggestion = (site.awaited ? "await " : "") + plainCallText(site, target, native.callee);
  if (!site.awaited && (site.kind === "executor" || !native.coroutine)) {
    out.report(
      site.call,
      "AS305",
      `${wrapper}() is not awaited on the spot: replacing it would change when the call runs; left alone`,
      suggestion,
    );
    return;
  }
  const siteEdits = rewriteEdits(scan.source, site, target, site.call.startIndex, native.callee);
  if ("problem" in siteEdits) {
    out.report(
      site.call,
      "AS303",
      `cannot replace ${wrapper}(${target.fn.text}, ...) by its native equivalent: ${siteEdits.problem}; rewrite by hand`,
      suggestion,
    );
    return;
  }
  const edits = out.holdsOtherSite(site)
    ? siteEdits
    : reindented(
        scan.source,
        scan.file.root,
        site.call.startIndex,
        site.call.endIndex,
        native.callee,
        siteEdits,
      );
  const rewrite = {
    node: site.call,
    code: "AS306" as const,
    message: `${wrapper}(${target.fn.text}, ...) replaced by its native async equivalent ${native.callee}(...)`,
    suggestion,
    replaces: replacedCall(scan.file, target.fn, native.callee),
  };
  out.accept(site, edits, targetGone(target, !native.keepsFunction), rewrite, native);
}
