import { lastSegment } from "../../src/python/lookup.js";
import { FindingsReporter } from "../../src/model/findings.js";
import type {
  CodeDoc,
  Edit,
  FileSemantics,
  Fix,
  ImportBinding,
  ReplacedName,
  SyntaxNode,
} from "../../src/model/types.js";
import type { Native } from "./proofs.js";
import { leftmostIdentifier, type Site, type Target } from "./sites.js";

export type ThreadCode =
  "AS301" | "AS302" | "AS303" | "AS304" | "AS305" | "AS306" | "AS307" | "AS308" | "AS309";

/** A rewrite of a site: the finding that names it, and whether it is reported once applied. */
export interface Rewrite {
  node: SyntaxNode;
  code: ThreadCode;
  message: string;
  suggestion?: string;
  /** Reported even when applied (an unwrapped call blocks the loop again: AS302). */
  reported?: boolean;
  /** Applied only with --unsafe-fixes (the check could not follow all the call reaches). */
  unsafe?: boolean;
  /** The sync call the rewrite stops making (`requests.post` now `await client.post`). */
  replaces?: ReplacedName;
}

/**
 * What one run over a file gathers: findings (rewrites and diagnostics) under to-thread's codes,
 * and inventory sites; it knows every site of the file, to keep their rewrites apart.
 */
export class SiteResults extends FindingsReporter<ThreadCode> {
  private readonly siteRanges: { start: number; end: number }[];

  constructor(codes: Readonly<Record<ThreadCode, CodeDoc>>, sites: Site[]) {
    super(codes);
    // Plain numbers: a tree-sitter node's positions are read through the native binding.
    this.siteRanges = sites.map((s) => ({ start: s.call.startIndex, end: s.call.endIndex }));
  }

  inventory(site: Site, context: string, detail: string): void {
    this.sites.push({ kind: "to_thread", context, detail, start: site.call.startIndex });
  }

  /** Does another site lie inside this one (its lines are that site's to move)? */
  holdsOtherSite(site: Site): boolean {
    const { startIndex: start, endIndex: end } = site.call;
    return this.siteRanges.some((o) => o.start > start && o.end <= end);
  }

  /**
   * Accept a site's edits unless they rewrite another site's text (a wrapper inside a merged
   * argument list): the inner one is rewritten first, the outer one on the next run.
   */
  accept(
    site: Site,
    siteEdits: Edit[],
    siteGone: SyntaxNode[],
    rewrite: Rewrite,
    native?: Native,
  ): boolean {
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
    const fix: Fix = {
      applicability: rewrite.unsafe ? "unsafe" : "safe",
      edits: siteEdits,
      dropped: droppedReferences([...site.gone, ...siteGone], native?.uses),
      ...(native?.addAsyncio ? { imports: [{ module: "asyncio", at: site.call }] } : {}),
      replaces: [threadWrapperGone(site.call), ...(rewrite.replaces ? [rewrite.replaces] : [])],
    };
    this.report(rewrite.node, rewrite.code, rewrite.message, rewrite.suggestion, fix);
    if (rewrite.reported) this.findings[this.findings.length - 1].reportWhenApplied = true;
    return true;
  }
}

/**
 * The sync call a native or twin callee replaces (`requests.post` -> `http.post`, awaited): a
 * test that mocks it no longer intercepts the module's call. Only a plain dotted name a test
 * could patch.
 */
export function replacedCall(
  file: FileSemantics,
  fn: SyntaxNode,
  callee: string,
): ReplacedName | undefined {
  const local = fn.text.replace(/\s+/g, "");
  if (local === callee || !/^[A-Za-z_][\w.]*$/.test(local)) return undefined;
  const qualified =
    fn.type === "identifier" || fn.type === "attribute" ? file.qualifiedName(fn) : undefined;
  return { qualified: qualified ?? local, local, by: callee, awaited: true };
}

/** Identifiers of the target that the rewrite drops: the partial's callee, and the function when replaced. */
export function targetGone(target: Target, replaced: boolean): SyntaxNode[] {
  const dropped: (SyntaxNode | undefined)[] = [];
  if (target.shape === "partial")
    dropped.push(leftmostIdentifier(target.inner!.childForFieldName("function")!));
  if (replaced) dropped.push(leftmostIdentifier(target.fn));
  return dropped.filter((n) => n !== undefined);
}

/**
 * The references a rewrite removes, less those through the import its new callee uses
 * (`asyncio.to_thread(time.sleep, 1)` -> `asyncio.sleep(1)`: `asyncio` stays in use).
 */
function droppedReferences(references: SyntaxNode[], uses?: ImportBinding): SyntaxNode[] {
  if (!uses) return references;
  return references.filter((r) => !(r.type === "identifier" && r.text === uses.local));
}

/**
 * The thread wrapper a rewrite removes (`asyncio.to_thread`): a test that patches it no longer
 * intercepts anything. `by` is empty: the wrapped call now runs itself.
 */
function threadWrapperGone(call: SyntaxNode): ReplacedName {
  const local = call.childForFieldName("function")!.text.replace(/\s+/g, "");
  const method = lastSegment(local);
  return { qualified: method === "to_thread" ? "asyncio.to_thread" : method, local, by: "" };
}
