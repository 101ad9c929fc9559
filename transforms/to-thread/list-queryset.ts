import { DEFAULT_DJANGO_VERSION, versionAtLeast } from "../../src/django/orm.js";
import type { SyntaxNode } from "../../src/model/types.js";
import type { FileScan } from "./proofs.js";
import { targetGone, type SiteResults } from "./results.js";
import { argumentsOf, commentsOf, type Site, type Target } from "./sites.js";

// `await asyncio.to_thread(list, qs)` and `run_in_executor(None, lambda: list(qs))` evaluate a
// queryset in a thread: Django 4.1+ iterates it natively, `[obj async for obj in qs]`.

/** The queryset argument of `list` in the target: `(list, qs)` or `lambda: list(qs)`. */
function listedQueryset(site: Site, target: Target): SyntaxNode | undefined {
  if (target.shape === "direct") {
    const rest = site.args.slice(site.fnIndex + 1);
    return rest.length === 1 && rest[0].type !== "keyword_argument" ? rest[0] : undefined;
  }
  if (target.shape !== "lambda") return undefined;
  const args = argumentsOf(target.inner!);
  return args.length === 1 && args[0].type !== "keyword_argument" ? args[0] : undefined;
}

/**
 * The site rewritten as an async comprehension over its proven queryset, or reported; false when
 * the target is not `list` of a proven queryset (the caller goes on as for any function).
 */
export function replaceListSite(
  scan: FileScan,
  site: Site,
  target: Target,
  wrapper: string,
  out: SiteResults,
): boolean {
  if (target.fn.type !== "identifier" || target.fn.text !== "list") return false;
  if (!scan.file.isBuiltin("list", target.fn)) return false;
  const qsNode = listedQueryset(site, target);
  const qs = qsNode ? scan.proofs.querysetOf(qsNode) : undefined;
  if (!qsNode || !qs || qs.model === "") return false;
  const name = scan.file.freshName(scan.file.enclosingDef(site.call) ?? scan.file.root, [
    "obj",
    "item",
    "row",
  ]);
  const comprehension = `[${name} async for ${name} in ${qsNode.text}]`;
  const version =
    scan.ctx.options.djangoVersion ?? scan.ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION;
  const stays = (code: "AS301" | "AS303" | "AS305", why: string) => {
    out.report(site.call, code, `${wrapper}(list, ${qsNode.text}): ${why}`, comprehension);
    return true;
  };
  if (qs.locksRows)
    return stays(
      "AS301",
      "select_for_update() needs the transaction the thread holds; it stays in its thread",
    );
  if (!versionAtLeast(version, "4.1"))
    return stays(
      "AS301",
      `async iteration of a queryset needs Django 4.1 (target: ${version}); it stays in its thread`,
    );
  if (!site.awaited)
    return stays(
      "AS305",
      "not awaited on the spot: an async comprehension runs where it is written; left alone",
    );
  const comments = [...commentsOf(site.call), ...(target.inner ? commentsOf(target.inner) : [])];
  if (comments.some((c) => c.startIndex < qsNode.startIndex || c.startIndex >= qsNode.endIndex))
    return stays(
      "AS303",
      "a comment inside the wrapper's arguments would be lost; rewrite by hand",
    );
  const edits = [
    { start: site.awaited.startIndex, end: site.awaited.endIndex, text: comprehension },
  ];
  const rewrite = {
    node: site.call,
    code: "AS306" as const,
    message: `${wrapper}(list, ...) replaced by async iteration of the queryset: ${comprehension}`,
    suggestion: comprehension,
  };
  out.accept(site, edits, targetGone(target, true), rewrite);
  return true;
}
