import type Parser from "tree-sitter";

import type { SyntaxNode, SyntaxTree as Tree } from "../syntax/tree.js";

export type { SyntaxNode, Tree };
/** The binding's own tree: parsed and re-parsed by the pipeline, copied before transforms read it. */
export type NativeTree = Parser.Tree;

/** Replace source[start, end) with text. Offsets are JavaScript string indices (UTF-16). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

export type Severity = "error" | "warning" | "info";

/** What a transform reports at a site it found. Offsets index the text the transform was given. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** The code a user should write instead, when one is known. */
  suggestion?: string;
}

/** One diagnostic code: its default severity and the documentation `asyncshift explain` prints. */
export interface CodeDoc {
  severity: Severity;
  title: string;
  explanation: string;
  before?: string;
  after?: string;
}

export interface TransformMeta {
  id: string;
  summary: string;
  codes: Record<string, CodeDoc>;
  /** Oldest Django version the rewrites need, if any. */
  minDjango?: string;
  /** A file that contains none of these words cannot hold a site: it is not parsed for this transform. */
  triggers: string[];
  /** Files this transform does not touch, as globs relative to the project root. */
  defaultSkip?: string[];
  /** The transform only makes sense in a project that uses Django or asgiref. */
  needsDjango?: boolean;
}

export interface ParsedFile {
  path: string;
  source: string;
  tree: Tree;
}

export interface ModelFacts {
  /** Manager attribute names the model declares, beyond `objects`. */
  managers: string[];
  /** ForeignKey and OneToOneField attribute names. */
  relations: string[];
  /** ManyToManyField attribute names (their related managers have aadd, aremove, ...). */
  manyToMany?: string[];
}

/** What the pre-pass learned about the whole project. Plain data: it crosses worker threads. */
export interface ProjectFacts {
  usesDjango: boolean;
  usesAsgiref: boolean;
  /** Where the Django evidence came from, for the "did nothing" message. */
  djangoEvidence?: string;
  /** "X.Y" from a pin or lower bound in a dependency file. */
  djangoVersion?: string;
  models: Record<string, ModelFacts>;
}

export type ToThreadMode = "native" | "unwrap";

/** The options a transform may read. */
export interface TransformOptions {
  unsafeFixes: boolean;
  /** Treat the project as a Django project whatever detection says. */
  django: boolean;
  /** Target Django version "X.Y". */
  djangoVersion?: string;
  toThreadMode: ToThreadMode;
  /** Async twins: sync callee pattern -> async callee pattern, `*` one attribute name. */
  twins: Record<string, string>;
}

export interface Context {
  options: TransformOptions;
  project: ProjectFacts;
}

/**
 * A place a transform recognised, rewritten or not: what `asyncshift report` counts, so the
 * inventory and the rewrite share one detection. Offsets index the text the transform was given.
 */
export interface TransformSite {
  /** What was found, e.g. "asyncio.run", "sync_to_async", "sync-orm-call", "to_thread". */
  kind: string;
  /** How the transform classified it, e.g. "sync", "async", "entry-point", "blocked", "twin". */
  context: string;
  /** A short qualifier: the blocker that prevents a rewrite, the callee, ... */
  detail?: string;
  start: number;
}

export interface TransformResult {
  edits: Edit[];
  diagnostics: Diagnostic[];
  /** Every site found, for the inventory; optional, ignored by the rewrite pipeline. */
  sites?: TransformSite[];
}

export interface Transform {
  meta: TransformMeta;
  /**
   * A finer text test than the trigger words, made before the parse once the project is known:
   * false only when the transform would find nothing in the text (no edit, no diagnostic, no
   * site for the inventory). A file rarely holds a site even when it holds a trigger word.
   */
  mayHoldSite?(source: string, ctx: Context): boolean;
  transform(file: ParsedFile, ctx: Context): TransformResult;
}

/** Something said once per run, not per file (a transform that did nothing, and why). */
export interface Notice {
  transform?: string;
  message: string;
}
