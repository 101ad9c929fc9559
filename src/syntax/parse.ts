import { Edit as TreeEdit, Parser, type Point } from "web-tree-sitter";
import { python } from "./binding.js";
import { python2Form } from "./python2.js";
import { lineIndexAt, lineStartsOf } from "./lines.js";
import { checkCopiesOverExports } from "./cursor.js";
import { copyTree, sameCopies } from "./tree.js";
import { withTypeParameterDefaultsMasked } from "./type-defaults.js";
import { workCounts } from "./work-counts.js";
import type { Edit, NativeTree, SyntaxTree as Tree } from "./tree.js";

let parser: Parser | undefined;

/** One parser per thread, created on first use: creating one per file costs more than parsing. */
function threadParser(): Parser {
  if (!parser) {
    parser = new Parser();
    parser.setLanguage(python);
  }
  return parser;
}

/**
 * What the copy over the WebAssembly exports is checked on, once per thread (cursor.ts): fields,
 * a string, a comprehension, a token the text cannot give (`é`) and an error to recover from.
 */
const COPY_CHECK =
  'class A(B, metaclass=M):\n    def f(self, x: int = "s") -> None:\n        return [y for y in x if y.é]\n(1,\n';
checkCopiesOverExports(() =>
  withNativeTree(COPY_CHECK, (native) => sameCopies(native, COPY_CHECK)),
);

/**
 * The parser's tree of `source`: what the pipeline keeps to re-parse incrementally. It lives in
 * the WebAssembly heap: call `delete()` when done with it (a finalizer frees it otherwise, later).
 */
export function parseNative(source: string): NativeTree {
  workCounts.parses++;
  workCounts.parsedChars += source.length;
  return threadParser().parse(source)!;
}

/** What `read` makes of the parser's tree of `source`; the tree is freed after. */
export function withNativeTree<T>(source: string, read: (tree: NativeTree) => T): T {
  const native = parseNative(source);
  try {
    return read(native);
  } finally {
    native.delete();
  }
}

/** The tree of `source` as the transforms read it (see tree.ts). */
export function parsePython(source: string): Tree {
  return withNativeTree(source, (native) => copyTree(native, source));
}

/** What the syntax-problem finders read: the binding's nodes and the copies both answer it. */
interface ProblemNode {
  readonly type: string;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly startIndex: number;
  readonly startPosition: { row: number; column: number };
  readonly children: ProblemNode[];
  readonly text: string;
  descendantsOfType(types: string | string[]): ProblemNode[];
}

export interface SyntaxProblem {
  kind: "error" | "missing";
  /** 0-based line and column (UTF-16 code units) of the problem. */
  line: number;
  column: number;
  start: number;
  /** Node type the parser expected, for MISSING nodes. */
  expected?: string;
  /** A Python 2 form tree-sitter accepts and CPython 3 does not (see python2.ts). */
  python2?: string;
}

/** The first ERROR or MISSING node in the tree, in source order; undefined for a clean tree. */
export function firstSyntaxProblem(tree: { rootNode: ProblemNode }): SyntaxProblem | undefined {
  if (!tree.rootNode.hasError) {
    const old = python2Form(tree.rootNode, tree.rootNode.text);
    return old && { kind: "error", ...old, python2: old.what };
  }
  return findProblem(rootWithoutTypeParameterDefaults(tree.rootNode));
}

/**
 * The root to look for problems in: the tree's own, or, when it holds PEP 696 defaults the
 * grammar cannot parse, the root of its text with those masked (see type-defaults.ts).
 */
function rootWithoutTypeParameterDefaults(root: ProblemNode): ProblemNode {
  const masked = withTypeParameterDefaultsMasked(root, root.text);
  return masked === undefined ? root : parseNative(masked).rootNode;
}

function findProblem(node: ProblemNode): SyntaxProblem | undefined {
  if (node.isMissing) {
    return {
      kind: "missing",
      line: node.startPosition.row,
      column: node.startPosition.column,
      start: node.startIndex,
      expected: node.type,
    };
  }
  if (node.type === "ERROR") {
    return {
      kind: "error",
      line: node.startPosition.row,
      column: node.startPosition.column,
      start: node.startIndex,
    };
  }
  for (const child of node.children) {
    if (child.hasError || child.isMissing) {
      const found = findProblem(child);
      if (found) return found;
    }
  }
  return undefined;
}

/** Number of ERROR and MISSING nodes: a rewrite must not make it grow. */
export function countSyntaxProblems(tree: { rootNode: ProblemNode }): number {
  if (!tree.rootNode.hasError) return 0;
  const root = rootWithoutTypeParameterDefaults(tree.rootNode);
  if (!root.hasError) return 0;
  let count = 0;
  const visit = (node: ProblemNode): void => {
    if (node.isMissing || node.type === "ERROR") count++;
    for (const child of node.children) if (child.hasError || child.isMissing) visit(child);
  };
  visit(root);
  return count;
}

/** Row and column (UTF-16 units, as the binding counts them) of an offset. */
function pointAt(lineStarts: number[], offset: number): Point {
  const row = lineIndexAt(lineStarts, offset);
  return { row, column: offset - lineStarts[row] };
}

/** Where `point` moves to past `text` (columns in UTF-16 units, as the binding counts them). */
function pointAfter(point: Point, text: string): Point {
  const lastBreak = text.lastIndexOf("\n");
  if (lastBreak < 0) return { row: point.row, column: point.column + text.length };
  let rows = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) rows++;
  return { row: point.row + rows, column: text.length - lastBreak - 1 };
}

/**
 * The tree of `newText`, which is `oldText` with `sorted` applied: the old tree is told about each
 * edit and re-parsed incrementally, so only the edited regions are parsed again. The old tree is
 * consumed (edited in place, then deleted).
 */
export function reparsedAfterEdits(
  tree: NativeTree,
  oldText: string,
  newText: string,
  sorted: readonly Edit[],
): NativeTree {
  if (sorted.length === 0) return tree;
  // Edit by edit, in order: each one's offsets are where the earlier ones left the text, so its
  // start and new end are offsets of the new text, and its old end lies past its start by the
  // text it replaced.
  const newLines = lineStartsOf(newText);
  let delta = 0;
  for (const e of sorted) {
    const startIndex = e.start + delta;
    const newEndIndex = startIndex + e.text.length;
    const startPosition = pointAt(newLines, startIndex);
    tree.edit(
      new TreeEdit({
        startIndex,
        oldEndIndex: e.end + delta,
        newEndIndex,
        startPosition,
        oldEndPosition: pointAfter(startPosition, oldText.slice(e.start, e.end)),
        newEndPosition: pointAt(newLines, newEndIndex),
      }),
    );
    delta += e.text.length - (e.end - e.start);
  }
  workCounts.reparses++;
  const next = threadParser().parse(newText, tree)!;
  tree.delete();
  return next;
}
