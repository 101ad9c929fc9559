/*
 * PEP 696 (Python 3.13) lets a type parameter have a default: `class R[T = int]`,
 * `def f[*Ts = *tuple[int]]()`, `type A[**P = [int]] = ...`. tree-sitter-python 0.25.0, the newest
 * release (and its upstream grammar), has no rule for it and wraps `T =` in an ERROR node. A file
 * CPython compiles must not be called a syntax error (AS900), so the syntax-problem finders read
 * such a file with each of those `=` signs turned into a `,`: same length, so every offset holds,
 * and `[T , int]` is a type-parameter list the grammar accepts. Any other error stays an error.
 */

/** What the finders read of a node: the binding's nodes and the copies both answer it. */
export interface GrammarNode {
  readonly type: string;
  readonly isMissing: boolean;
  readonly hasError: boolean;
  readonly startIndex: number;
  readonly children: GrammarNode[];
}

/** Node types whose `type_parameter` child is a definition's parameter list. */
const DEFINITIONS: ReadonlySet<string> = new Set(["class_definition", "function_definition"]);

/**
 * `source` with the `=` of every PEP 696 default turned into `,`; undefined when the tree has no
 * such default (then its errors are what they are).
 */
export function withTypeParameterDefaultsMasked(
  root: GrammarNode,
  source: string,
): string | undefined {
  const signs: number[] = [];
  for (const head of definitionTypeParameters(root)) signs.push(...defaultSigns(head, source));
  if (signs.length === 0) return undefined;
  let masked = source;
  for (const at of signs) masked = masked.slice(0, at) + "," + masked.slice(at + 1);
  return masked;
}

/** Type-parameter lists of class and function definitions and of `type` aliases, with errors. */
function definitionTypeParameters(root: GrammarNode): GrammarNode[] {
  const found: GrammarNode[] = [];
  const visit = (node: GrammarNode, ancestors: GrammarNode[]): void => {
    if (node.type === "type_parameter" && node.hasError && isDefinitionHead(ancestors)) {
      found.push(node);
      return;
    }
    for (const child of node.children) {
      if (child.hasError) visit(child, [...ancestors.slice(-2), node]);
    }
  };
  visit(root, []);
  return found;
}

/** Whether a type_parameter under these ancestors (nearest last) declares parameters. */
function isDefinitionHead(ancestors: GrammarNode[]): boolean {
  const [alias, type, generic] = ancestors.slice(-3);
  const parent = ancestors[ancestors.length - 1];
  if (parent && DEFINITIONS.has(parent.type)) return true;
  // `type A[T = int] = ...`: alias > type > generic_type > type_parameter, on the left side only.
  return (
    alias?.type === "type_alias_statement" &&
    type?.type === "type" &&
    generic?.type === "generic_type" &&
    // The `type` keyword is a child named "type" too: the left side is the first with children.
    alias.children.find((c) => c.type === "type" && c.children.length > 0)?.startIndex ===
      type.startIndex
  );
}

/**
 * Offsets of the `=` signs the grammar could not place in `head`: one per parameter at most,
 * each followed by a value. A parameter with two, or with none after it, keeps its error.
 */
function defaultSigns(head: GrammarNode, source: string): number[] {
  const { commas, signs: unplaced } = separators(head);
  const bySegment = new Map<number, number[]>();
  for (const at of unplaced) {
    const segment = commas.filter((c) => c < at).length;
    bySegment.set(segment, [...(bySegment.get(segment) ?? []), at]);
  }
  const signs: number[] = [];
  for (const inSegment of bySegment.values()) {
    if (inSegment.length === 1 && hasValueAfter(source, inSegment[0])) signs.push(inSegment[0]);
  }
  return signs;
}

/**
 * The commas between `head`'s parameters and the `=` signs the grammar left in ERROR nodes, both
 * at `head`'s own level (not in a nested subscript's brackets): an ERROR may swallow a comma too.
 */
function separators(head: GrammarNode): { commas: number[]; signs: number[] } {
  const commas: number[] = [];
  const signs: number[] = [];
  const visit = (node: GrammarNode): void => {
    for (const child of node.children) {
      const atHeadLevel = node === head || node.type === "ERROR";
      if (child.type === "," && atHeadLevel) commas.push(child.startIndex);
      else if (child.type === "=" && node.type === "ERROR") signs.push(child.startIndex);
      else if (child.hasError && child.type !== "type_parameter") visit(child);
    }
  };
  visit(head);
  return { commas, signs };
}

/** Whether something other than `,` or `]` follows the sign (blanks and comments skipped). */
function hasValueAfter(source: string, sign: number): boolean {
  const rest = /^(?:\s|#[^\n]*)*(.?)/.exec(source.slice(sign + 1, sign + 4096))![1];
  return rest !== "" && rest !== "," && rest !== "]";
}
