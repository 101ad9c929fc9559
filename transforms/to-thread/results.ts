import { diagnosticAt } from "../../src/model/diagnostic.js";
import type {
  Diagnostic,
  Edit,
  SyntaxNode,
  TransformMeta,
  TransformSite,
} from "../../src/model/types.js";
import type { Native } from "./proofs.js";
import { leftmostIdentifier, type Site, type Target } from "./sites.js";

export type ThreadCode = "AS301" | "AS302" | "AS303" | "AS304" | "AS305";

/** What one run over a file gathers: edits, diagnostics, inventory sites, import needs. */
export class SiteResults {
  readonly edits: Edit[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly found: TransformSite[] = [];
  /** Identifiers the rewrites removed, for finding imports left unused. */
  readonly gone: SyntaxNode[] = [];
  /** Import bindings a new callee uses: kept even when the sites' own references go. */
  readonly kept = new Set<number>();
  addAsyncio = false;
  private readonly siteRanges: { start: number; end: number }[];

  constructor(
    private readonly meta: TransformMeta,
    sites: Site[],
  ) {
    // Plain numbers: a tree-sitter node's positions are read through the native binding.
    this.siteRanges = sites.map((s) => ({ start: s.call.startIndex, end: s.call.endIndex }));
  }

  report(node: SyntaxNode, code: ThreadCode, message: string, suggestion?: string): void {
    this.diagnostics.push(diagnosticAt(this.meta, node, code, message, suggestion));
  }

  inventory(site: Site, context: string, detail: string): void {
    this.found.push({ kind: "to_thread", context, detail, start: site.call.startIndex });
  }

  /**
   * Accept a site's edits unless they rewrite another site's text (a wrapper inside a merged
   * argument list): the inner one is rewritten first, the outer one on the next run.
   */
  accept(site: Site, siteEdits: Edit[], siteGone: SyntaxNode[], native?: Native): boolean {
    const self = site.call.startIndex;
    const clash = this.siteRanges.some(
      (o) => o.start !== self && siteEdits.some((e) => e.start <= o.start && o.end <= e.end),
    );
    if (clash) {
      this.report(
        site.call,
        "AS303",
        "this thread call holds another one rewritten in this run: run asyncshift again",
      );
      return false;
    }
    this.edits.push(...siteEdits);
    this.gone.push(...site.gone, ...siteGone);
    if (native?.uses) this.kept.add(native.uses.item.id);
    if (native?.addAsyncio) this.addAsyncio = true;
    return true;
  }
}

/** Identifiers of the target that the rewrite drops: the partial's callee, and the function when replaced. */
export function targetGone(target: Target, replaced: boolean): SyntaxNode[] {
  const dropped: (SyntaxNode | undefined)[] = [];
  if (target.shape === "partial")
    dropped.push(leftmostIdentifier(target.inner!.childForFieldName("function")!));
  if (replaced) dropped.push(leftmostIdentifier(target.fn));
  return dropped.filter((n) => n !== undefined);
}
