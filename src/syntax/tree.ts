import type { Tree as ParserTree } from "web-tree-sitter";
import { copyCursor } from "./cursor.js";
import { typesWithFields } from "./grammar.js";
import { lineIndexAt, lineStartsOf } from "./lines.js";
import { workCounts } from "./work-counts.js";

/*
 * A JavaScript copy of a tree-sitter tree, made in one TreeCursor pass. Every step through the
 * binding's own node objects is a native call that makes a new object (`parent` even descends from
 * the root again), and the transforms take many such steps per node: profiles put them at most of
 * a run on files full of sites. Here the tree is a few typed arrays in pre-order, and a node is
 * a small object made the first time it is asked for; it answers the subset of tree-sitter's
 * SyntaxNode API the transforms use, with the same meaning.
 */

const NO_FIELD = 0;
const ERROR_TYPE_ID = 0xffff;

// Per grammar symbol, learnt from the cursor the first time a symbol is met (the same in every
// tree, as the one grammar is loaded once per thread).
const typeNames: string[] = [];
const typeIsNamed: boolean[] = [];
typeNames[ERROR_TYPE_ID] = "ERROR";
typeIsNamed[ERROR_TYPE_ID] = true;
/**
 * The parser's own tree (web-tree-sitter's, in the WebAssembly heap): parsed and re-parsed by the
 * pipeline, copied before transforms read it.
 */
export type NativeTree = ParserTree;

/** Replace source[start, end) with text. Offsets are JavaScript string indices (UTF-16). */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** 1 when the type names any of its children (then its children's fields are read). */
const typeHasFields = new Uint8Array(ERROR_TYPE_ID + 1);
/** The text of a keyword or punctuation type: the text of every token of that type. */
const typeTokens: (string | undefined)[] = [];
/** Symbols by type name: a keyword and a node type may share one (`type`, `print`). */
const typeIdsByName = new Map<string, number[]>([["ERROR", [ERROR_TYPE_ID]]]);
/** The grammar's `identifier` symbol, once met. */
let identifierTypeId = -1;
const fieldNames: string[] = [];
const fieldIds = new Map<string, number>();

/** Node types of the Python grammar that name any of their children (node-types.json). */
const TYPES_WITH_FIELDS: ReadonlySet<string> = typesWithFields();

export interface Point {
  row: number;
  column: number;
}

/** Typed columns, one entry per node in pre-order. */
class Columns {
  readonly type: Uint16Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly parent: Int32Array;
  /** Index just past the node's last descendant: its subtree is [i, after[i]). */
  readonly after: Int32Array;
  readonly field: Uint16Array;
  readonly missing: Uint8Array;
  /** The binding's `hasError` (only ever 1 in a tree with an ERROR or MISSING node). */
  readonly error: Uint8Array;

  constructor(size: number) {
    this.type = new Uint16Array(size);
    this.start = new Int32Array(size);
    this.end = new Int32Array(size);
    this.parent = new Int32Array(size);
    this.after = new Int32Array(size);
    this.field = new Uint16Array(size);
    this.missing = new Uint8Array(size);
    this.error = new Uint8Array(size);
  }
}

export class SyntaxTree {
  private readonly nodes: (SyntaxNode | undefined)[];
  private lineStarts: number[] | undefined;
  readonly rootNode: SyntaxNode;

  constructor(
    /** The text the tree was parsed from. */
    readonly source: string,
    /** @internal */ readonly columns: Columns,
    /** Levels below the root of the deepest node. */
    readonly depth: number,
  ) {
    this.nodes = new Array<SyntaxNode | undefined>(this.nodeCount);
    this.rootNode = this.node(0)!;
  }

  get nodeCount(): number {
    return this.columns.type.length;
  }

  /** What the columns hold, in bytes. */
  get columnBytes(): number {
    return Object.values(this.columns).reduce(
      (sum: number, column: ArrayBufferView) => sum + column.byteLength,
      0,
    );
  }

  /**
   * The same tree without what reading it made (its nodes' objects, its memos and index), as a
   * fresh copy would be, for the price of the columns alone: a tree kept for a later pass
   * (kept-trees.ts) holds no more memory than that, and no answer made for the pass before.
   */
  bare(): SyntaxTree {
    return new SyntaxTree(this.source, this.columns, this.depth);
  }

  private readonly memo = new Map<string, unknown>();

  /**
   * A value computed once for this tree and kept with it (name lookups ask for a scope's bindings
   * once per reference: without memoising, a large file costs time quadratic in its length).
   * Trees never change once parsed, so nothing is ever stale; the values go with the tree.
   */
  memoized<T>(key: string, make: () => T): T {
    let value = this.memo.get(key) as T | undefined;
    if (value === undefined) this.memo.set(key, (value = make()));
    return value;
  }

  /** Large searches by type made so far; the second builds the index (see nodesByType). */
  private largeSearches = 0;
  private byType: NodesByType | undefined;

  /**
   * @internal Each type's nodes by pre-order index, or undefined until a second large search
   * asks: a tree searched once is not worth it. One array of every node's index grouped by type
   * (4 bytes a node), each group ascending.
   */
  nodesByType(): NodesByType | undefined {
    if (this.byType || ++this.largeSearches < 2) return this.byType;
    const { type } = this.columns;
    let top = 0;
    for (let i = 0; i < type.length; i++) if (type[i] > top) top = type[i];
    // A counting sort in typed arrays (a map per node costs more than the searches it saves).
    const from = new Int32Array(top + 2);
    for (let i = 0; i < type.length; i++) from[type[i] + 1]++;
    for (let t = 1; t < from.length; t++) from[t] += from[t - 1];
    const to = from.slice();
    const nodes = new Int32Array(type.length);
    for (let i = 0; i < type.length; i++) nodes[to[type[i]]++] = i;
    return (this.byType = { nodes, from });
  }

  /** The node at pre-order index `index` (its `id`); one object per node. */
  node(index: number): SyntaxNode | null {
    if (index < 0) return null;
    return (this.nodes[index] ??= new SyntaxNode(this, index));
  }

  /** @internal */
  pointAt(offset: number): Point {
    this.lineStarts ??= lineStartsOf(this.source);
    const row = lineIndexAt(this.lineStarts, offset);
    return { row, column: offset - this.lineStarts[row] };
  }
}

export class SyntaxNode {
  constructor(
    readonly tree: SyntaxTree,
    /** Pre-order index in its tree: unique within the tree, and ordered as the source is. */
    readonly id: number,
  ) {}

  get type(): string {
    return typeNames[this.tree.columns.type[this.id]];
  }
  get isNamed(): boolean {
    return typeIsNamed[this.tree.columns.type[this.id]];
  }
  get isMissing(): boolean {
    return this.tree.columns.missing[this.id] === 1;
  }
  get hasError(): boolean {
    return this.tree.columns.error[this.id] === 1;
  }
  get startIndex(): number {
    return this.tree.columns.start[this.id];
  }
  get endIndex(): number {
    return this.tree.columns.end[this.id];
  }
  get text(): string {
    const { columns, source } = this.tree;
    return source.slice(columns.start[this.id], columns.end[this.id]);
  }
  get startPosition(): Point {
    return this.tree.pointAt(this.startIndex);
  }
  get endPosition(): Point {
    return this.tree.pointAt(this.endIndex);
  }
  get parent(): SyntaxNode | null {
    return this.tree.node(this.tree.columns.parent[this.id]);
  }
  get firstChild(): SyntaxNode | null {
    return this.id + 1 < this.tree.columns.after[this.id] ? this.tree.node(this.id + 1) : null;
  }
  get children(): SyntaxNode[] {
    const { columns } = this.tree;
    const out: SyntaxNode[] = [];
    for (let i = this.id + 1, end = columns.after[this.id]; i < end; i = columns.after[i])
      out.push(this.tree.node(i)!);
    return out;
  }
  get namedChildren(): SyntaxNode[] {
    const { columns } = this.tree;
    const out: SyntaxNode[] = [];
    for (let i = this.id + 1, end = columns.after[this.id]; i < end; i = columns.after[i])
      if (typeIsNamed[columns.type[i]]) out.push(this.tree.node(i)!);
    return out;
  }

  childForFieldName(name: string): SyntaxNode | null {
    const field = fieldIds.get(name);
    if (field === undefined) return null;
    const { columns } = this.tree;
    for (let i = this.id + 1, end = columns.after[this.id]; i < end; i = columns.after[i])
      if (columns.field[i] === field) return this.tree.node(i);
    return null;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    const field = fieldIds.get(name);
    const out: SyntaxNode[] = [];
    if (field === undefined) return out;
    const { columns } = this.tree;
    for (let i = this.id + 1, end = columns.after[this.id]; i < end; i = columns.after[i])
      if (columns.field[i] === field) out.push(this.tree.node(i)!);
    return out;
  }

  /** This node and every node below it whose type is one of `types`, in source order. */
  descendantsOfType(types: string | readonly string[]): SyntaxNode[] {
    const wanted = (typeof types === "string" ? [types] : types).flatMap(
      (name) => typeIdsByName.get(name) ?? [],
    );
    const { columns } = this.tree;
    const end = columns.after[this.id];
    const out: SyntaxNode[] = [];
    // A large subtree is searched in the tree's nodes by type (made once per tree): the
    // transforms ask the root for a type again and again, each a pass over every node.
    const byType = end - this.id > INDEXED_SEARCH ? this.tree.nodesByType() : undefined;
    if (byType) {
      const { nodes, from } = byType;
      for (const type of new Set(wanted)) {
        if (type + 1 >= from.length) continue;
        const last = from[type + 1];
        for (let k = firstAtOrAfter(nodes, from[type], last, this.id); k < last; k++) {
          if (nodes[k] >= end) break;
          out.push(this.tree.node(nodes[k])!);
        }
      }
      // Pre-order indices are source order, as the pass below gives them.
      return wanted.length > 1 ? out.sort((a, b) => a.id - b.id) : out;
    }
    for (let i = this.id; i < end; i++)
      if (wanted.includes(columns.type[i])) out.push(this.tree.node(i)!);
    return out;
  }

  /** The smallest node below this one that spans [start, end), as tree-sitter finds it. */
  descendantForIndex(start: number, end = start): SyntaxNode {
    return this.descendantSpanning(start, end, false);
  }

  /** The smallest named node below this one that spans [start, end). */
  namedDescendantForIndex(start: number, end = start): SyntaxNode {
    return this.descendantSpanning(start, end, true);
  }

  private descendantSpanning(start: number, end: number, namedOnly: boolean): SyntaxNode {
    const { columns } = this.tree;
    let node = this.id;
    let found = this.id;
    for (let descended = true; descended;) {
      descended = false;
      for (let i = node + 1; i < columns.after[node]; i = columns.after[i]) {
        const childStart = columns.start[i];
        const childEnd = columns.end[i];
        if (childEnd < end) continue;
        if (childEnd <= start && childStart !== childEnd) continue;
        if (start < childStart) break;
        node = i;
        if (!namedOnly || typeIsNamed[columns.type[i]]) found = i;
        descended = true;
        break;
      }
    }
    return this.tree.node(found)!;
  }

  toString(): string {
    return `(${this.type} ${this.startIndex}-${this.endIndex})`;
  }
}

/** Subtrees of more nodes than this may be searched by type through SyntaxTree.nodesByType. */
const INDEXED_SEARCH = 512;

/** A tree's nodes grouped by type: type `t`'s are `nodes[from[t], from[t + 1])`, ascending. */
interface NodesByType {
  nodes: Int32Array;
  from: Int32Array;
}

/** The first position in [low, high) of ascending `sorted` holding `value` or more (else high). */
function firstAtOrAfter(sorted: Int32Array, low: number, high: number, value: number): number {
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * What `walkNamed` does below a node it entered: walk its children (true), skip them (false), or
 * walk them and then call the function returned.
 */
export type WalkStep = boolean | (() => void);

/** A pre-order walk over the named nodes below `node` (not `node` itself), in source order. */
export function walkNamed(node: SyntaxNode, enter: (node: SyntaxNode) => WalkStep): void {
  const { tree } = node;
  const { columns } = tree;
  // Functions to call when leaving a node, with the index just past its subtree.
  const leaving: { after: number; leave: () => void }[] = [];
  for (let i = node.id + 1, end = columns.after[node.id]; i < end;) {
    while (leaving.length > 0 && leaving[leaving.length - 1].after <= i) leaving.pop()!.leave();
    const step = typeIsNamed[columns.type[i]] ? enter(tree.node(i)!) : false;
    if (step === false) {
      i = columns.after[i];
      continue;
    }
    if (typeof step === "function") leaving.push({ after: columns.after[i], leave: step });
    i++;
  }
  while (leaving.length > 0) leaving.pop()!.leave();
}

/**
 * The JavaScript copy of `native`, parsed from `source`, in one cursor pass. Each cursor read is a
 * native call, so the pass reads only what it cannot know: a node's field only under node types
 * that have fields, and the range of a keyword, punctuation or ASCII identifier token not at all
 * when only whitespace separates it from where the previous token ends (the text gives it).
 * `viaBinding`: step through the binding's own TreeCursor (see cursor.ts; for the tests).
 */
export function copyTree(native: NativeTree, source: string, viaBinding = false): SyntaxTree {
  const root = native.rootNode;
  const columns = new Columns(root.descendantCount);
  workCounts.copies++;
  workCounts.copiedNodes += columns.type.length;
  const withErrors = root.hasError;
  const { types, fields } = native.language;
  const cursor = copyCursor(native, viaBinding);
  // Index of the parent of the node the cursor is on, at each depth.
  const parents: number[] = [-1];
  let depth = 0;
  // Where the node the cursor is on may start: its parent's start, or its previous sibling's end.
  let from = 0;
  let count = 0;
  try {
    for (;;) {
      const i = count++;
      const typeId = cursor.typeId();
      if (typeNames[typeId] === undefined) learnType(typeId, types[typeId], cursor.isNamed());
      const parent = parents[parents.length - 1];
      columns.type[i] = typeId;
      columns.parent[i] = parent;
      // A token whose range the text gives is a leaf: no child to look for either.
      const leaf = withErrors ? -1 : tokenStart(source, from, typeId);
      if (leaf >= 0) {
        columns.start[i] = leaf;
        columns.end[i] = typeTokens[typeId]
          ? leaf + typeTokens[typeId].length
          : identifierEnd(source, leaf);
      } else {
        columns.start[i] = cursor.startIndex();
        columns.end[i] = cursor.endIndex();
      }
      if (parent >= 0 && typeHasFields[columns.type[parent]])
        columns.field[i] = fieldIdAt(cursor.fieldId(), fields);
      // Error trees are rare (the pipeline leaves them alone): asked node by node, as the binding
      // answers (an ERROR node around skipped text alone does not count as having an error).
      if (withErrors) {
        columns.missing[i] = cursor.isMissing() ? 1 : 0;
        columns.error[i] = cursor.hasError() ? 1 : 0;
      }
      if (leaf < 0 && cursor.gotoFirstChild()) {
        parents.push(i);
        // `parents` holds -1 and then one index per level above the child the cursor is now on.
        if (parents.length - 1 > depth) depth = parents.length - 1;
        from = columns.start[i];
        continue;
      }
      columns.after[i] = count;
      from = columns.end[i];
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return new SyntaxTree(source, columns, depth);
        const done = parents.pop()!;
        columns.after[done] = count;
        from = columns.end[done];
      }
    }
  } finally {
    cursor.delete();
  }
}

/** Whether copying `native` over the exports and over the binding's cursor give the same tree. */
export function sameCopies(native: NativeTree, source: string): boolean {
  const [fast, slow] = [copyTree(native, source), copyTree(native, source, true)];
  const bytes = (tree: SyntaxTree) =>
    Object.values(tree.columns).map((column: ArrayBufferView) =>
      Buffer.from(column.buffer, column.byteOffset, column.byteLength),
    );
  const slowBytes = bytes(slow);
  return fast.depth === slow.depth && bytes(fast).every((column, k) => column.equals(slowBytes[k]));
}

/** Learns a symbol's type: `name` as the binding's TreeCursor.nodeType gives it. */
function learnType(typeId: number, name: string | null | undefined, named: boolean): void {
  name ||= "ERROR";
  typeNames[typeId] = name;
  typeIsNamed[typeId] = named;
  // A type not met yet is in no tree copied so far, so no search can miss it.
  typeIdsByName.set(name, [...(typeIdsByName.get(name) ?? []), typeId]);
  typeHasFields[typeId] = named && TYPES_WITH_FIELDS.has(name) ? 1 : 0;
  // A keyword or punctuation token is its type's text; "is not" and "not in" may hold any spaces.
  typeTokens[typeId] = named || name.includes(" ") ? undefined : name;
  if (name === "identifier" && named) identifierTypeId = typeId;
}

/**
 * Where a token of type `typeId` starts when only whitespace separates it from `from` and the text
 * alone gives its range (a keyword or punctuation, or an ASCII identifier), else -1.
 */
function tokenStart(source: string, from: number, typeId: number): number {
  const token = typeTokens[typeId];
  if (token === undefined && typeId !== identifierTypeId) return -1;
  let at = from;
  for (let c = source.charCodeAt(at); c === 32 || c === 10 || c === 9 || c === 13 || c === 12;)
    c = source.charCodeAt(++at);
  if (token !== undefined) return source.startsWith(token, at) ? at : -1;
  return identifierEnd(source, at) > at ? at : -1;
}

/**
 * The end of the ASCII identifier at `at`, or -1. Python identifiers may hold other letters, which
 * JavaScript's Unicode classes do not quite match (XID_Continue): those are read from the cursor.
 */
function identifierEnd(source: string, at: number): number {
  let c = source.charCodeAt(at);
  if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95)) return -1;
  let end = at + 1;
  for (c = source.charCodeAt(end); isAsciiWordCode(c); c = source.charCodeAt(++end));
  return c >= 128 ? -1 : end;
}

function isAsciiWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `id`, with its name learnt from the grammar's `fields` the first time it is met. */
function fieldIdAt(id: number, fields: readonly (string | null)[]): number {
  if (id === NO_FIELD) return NO_FIELD;
  if (fieldNames[id] === undefined) {
    const name = fields[id] as string;
    fieldNames[id] = name;
    fieldIds.set(name, id);
  }
  return id;
}
