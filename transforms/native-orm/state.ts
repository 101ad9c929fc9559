import { DEFAULT_DJANGO_VERSION, OrmProofs } from "../../src/django/orm.js";
import { diagnosticAt } from "../../src/model/diagnostic.js";
import type {
  Context,
  Edit,
  FileSemantics,
  Finding,
  Fix,
  NeededImport,
  SyntaxNode,
  TransformMeta,
  TransformSite,
} from "../../src/model/types.js";
import { BLOCKER_NAMES, CODES, type Blocker, type Code } from "./codes.js";

/** How a region is scanned: the body of a wrapper to convert, or the body of an async def. */
export type ScanMode = "wrapper" | "async";

/** The ORM work at one call or loop, once rewritten. */
export interface Conversion {
  /** The node whose text the rewrite changes (the call, the for statement, ...). */
  node: SyntaxNode;
  edits: Edit[];
  proven: boolean;
  since: string;
  /** An import the rewrite needs (`aget_object_or_404` for `get_object_or_404`). */
  needs?: NeededImport;
  /** The reference the rewrite replaces (`get_object_or_404`): its import may go. */
  replaced?: SyntaxNode;
  /** Whether it must be awaited where it stands (false for loops and comprehensions). */
  awaited: boolean;
}

export interface Problem {
  code: Blocker;
  node: SyntaxNode;
  message: string;
  suggestion?: string;
  /** A note rather than the code's own severity: what may happen, out of sight here. */
  severity?: "info";
  /** It makes the rewrite unsafe (applied with --unsafe-fixes), not impossible. */
  unsafe?: boolean;
}

/** What a region of code holds: ORM work to convert, and what blocks converting it. */
export interface Findings {
  conversions: Conversion[];
  problems: Problem[];
  /** ORM sites with a native form seen, converted or blocked: zero means a plain thread wrapper. */
  ormSites: number;
}

/** Inventory kinds: a wrapper (forms a-e, g), or a sync ORM call written in async def (form f). */
export type SiteKind = "sync_to_async" | "sync-orm-call";

/** One file under conversion: its facts, and the findings and sites found so far. */
export interface OrmFile {
  readonly ctx: Context;
  readonly file: FileSemantics;
  readonly root: SyntaxNode;
  readonly source: string;
  readonly proofs: OrmProofs;
  /** The Django version the rewrites must run on. */
  readonly target: string;
  readonly findings: Finding[];
  /** What `asyncshift report` counts: convertible means rewritten by a safe fix. */
  readonly sites: TransformSite[];
  /** Local names that stand for a wrapper, found on first use. */
  wrapperNames?: Set<string>;
  /** Every comment in the file, found on first use. */
  comments?: SyntaxNode[];
  /** Every wrapper reference of the file, in source order. */
  wrapperRefs?: SyntaxNode[];
  /** The defs decorated by a wrapper, in source order. */
  wrapperDefs?: SyntaxNode[];
  /** Functions reached by chains of calls, scanned once (see chains.ts). */
  chainFunctions?: Map<number, import("./chains.js").ChainFunction>;
  /** Each decorated wrapper's analysis, made once (see sites.ts). */
  decorated?: Map<number, import("./sites.js").DecoratedAnalysis | undefined>;
  /** The file's plan for wrappers that convert through calls (see chain-plan.ts). */
  chainPlan?: import("./chain-plan.js").ChainPlan;
}

export function newOrmFile(file: FileSemantics, ctx: Context): OrmFile {
  return {
    ctx,
    file,
    root: file.root,
    source: file.source,
    proofs: new OrmProofs(ctx.project),
    target: ctx.options.djangoVersion ?? ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION,
    findings: [],
    sites: [],
  };
}

// The codes' severities, read the way every transform's diagnostics are made.
const CODES_META = { codes: CODES } as Pick<TransformMeta, "codes"> as TransformMeta;

export function recordSite(f: OrmFile, kind: SiteKind, node: SyntaxNode, blocker?: Blocker): void {
  f.sites.push({
    kind,
    context: blocker ? "blocked" : "convertible",
    ...(blocker ? { detail: `${blocker} ${BLOCKER_NAMES[blocker]}` } : {}),
    start: node.startIndex,
  });
}

/** A finding at `node`; with a fix, the engine applies it or reports it by its applicability. */
export function report(
  f: OrmFile,
  node: SyntaxNode,
  code: Code,
  message: string,
  suggestion?: string,
  fix?: Fix,
  severity?: Problem["severity"],
): void {
  const diagnostic = diagnosticAt(CODES_META, node, code, message, suggestion);
  f.findings.push({ ...diagnostic, ...(severity ? { severity } : {}), ...(fix ? { fix } : {}) });
}

export function reportProblem(f: OrmFile, p: Problem): void {
  report(f, p.node, p.code, p.message, p.suggestion, undefined, p.severity);
}

/**
 * The fix of a rewrite: its edits, the imports its conversions need, and the references it
 * removes (the wrapper name, a replaced function name) whose imports may go.
 */
export function fixOf(
  applicability: Fix["applicability"],
  edits: Edit[],
  conversions: readonly Conversion[],
  dropped: SyntaxNode[] = [],
): Fix {
  const imports = conversions.flatMap((c) => (c.needs ? [c.needs] : []));
  const replaced = conversions.flatMap((c) => (c.replaced ? [c.replaced] : []));
  const gone = [...dropped, ...replaced];
  return {
    applicability,
    edits,
    ...(imports.length > 0 ? { imports } : {}),
    ...(gone.length > 0 ? { dropped: gone } : {}),
  };
}

/** Every comment in the file, found once. */
export function commentsOf(f: OrmFile): readonly SyntaxNode[] {
  f.comments ??= f.root.descendantsOfType("comment");
  return f.comments;
}

export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}
