import { DEFAULT_DJANGO_VERSION, OrmProofs } from "../../src/django/orm.js";
import type { ImportBinding } from "../../src/python/imports.js";
import { diagnosticAt } from "../../src/model/diagnostic.js";
import type {
  Context,
  Diagnostic,
  Edit,
  ParsedFile,
  SyntaxNode,
  TransformMeta,
  TransformSite,
} from "../../src/model/types.js";
import { BLOCKER_NAMES, CODES, type Code } from "./codes.js";

/** How a region is scanned: the body of a wrapper to convert, or the body of an async def. */
export type ScanMode = "wrapper" | "async";

/** An import a rewrite needs at module level (`aget_object_or_404` for `get_object_or_404`). */
export interface NeededImport {
  module: string;
  name: string;
  replaces?: ImportBinding;
  reference: SyntaxNode;
}

/** The ORM work at one call or loop, once rewritten. */
export interface Conversion {
  /** The node whose text the rewrite changes (the call, the for statement, ...). */
  node: SyntaxNode;
  edits: Edit[];
  proven: boolean;
  since: string;
  /** A module-level import the rewrite needs. */
  needs?: NeededImport;
  /** Whether it must be awaited where it stands (false for loops and comprehensions). */
  awaited: boolean;
}

export interface Problem {
  code: Code;
  node: SyntaxNode;
  message: string;
  suggestion?: string;
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

/** One file under conversion: its facts, and the edits, diagnostics and sites found so far. */
export interface OrmFile {
  readonly ctx: Context;
  readonly root: SyntaxNode;
  readonly source: string;
  readonly proofs: OrmProofs;
  /** The Django version the rewrites must run on. */
  readonly target: string;
  readonly edits: Edit[];
  readonly diagnostics: Diagnostic[];
  /** Identifiers whose uses the rewrites remove (sync_to_async, get_object_or_404, ...). */
  readonly removed: Set<number>;
  readonly removedBindings: Map<number, ImportBinding>;
  readonly needed: NeededImport[];
  /** What `asyncshift report` counts: convertible means rewritten with the options given. */
  readonly sites: TransformSite[];
  /** Local names that stand for a wrapper, found on first use. */
  wrapperNames?: Set<string>;
  /** Every comment in the file, found on first use. */
  comments?: SyntaxNode[];
}

export function newOrmFile(file: ParsedFile, ctx: Context): OrmFile {
  return {
    ctx,
    root: file.tree.rootNode,
    source: file.source,
    proofs: new OrmProofs(ctx.project),
    target: ctx.options.djangoVersion ?? ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION,
    edits: [],
    diagnostics: [],
    removed: new Set(),
    removedBindings: new Map(),
    needed: [],
    sites: [],
  };
}

// The codes' severities, read the way every transform's diagnostics are made.
const CODES_META: Pick<TransformMeta, "codes"> = { codes: CODES };

export function recordSite(f: OrmFile, kind: SiteKind, node: SyntaxNode, blocker?: Code): void {
  f.sites.push({
    kind,
    context: blocker ? "blocked" : "convertible",
    ...(blocker ? { detail: `${blocker} ${BLOCKER_NAMES[blocker]}` } : {}),
    start: node.startIndex,
  });
}

export function report(
  f: OrmFile,
  node: SyntaxNode,
  code: Code,
  message: string,
  suggestion?: string,
): void {
  f.diagnostics.push(diagnosticAt(CODES_META as TransformMeta, node, code, message, suggestion));
}

export function reportProblem(f: OrmFile, p: Problem): void {
  report(f, p.node, p.code, p.message, p.suggestion);
}

/** Every comment in the file, found once. */
export function commentsOf(f: OrmFile): readonly SyntaxNode[] {
  f.comments ??= f.root.descendantsOfType("comment");
  return f.comments;
}

export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}
