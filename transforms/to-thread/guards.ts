import type { SyntaxNode } from "../../src/model/types.js";

/**
 * Is a declared twin set where a site runs? A twin is often optional (`fast_cache = None` when the
 * async client is not configured), and the thread call is the fallback written for when it is
 * not: `if fast_cache: ... else: await asyncio.to_thread(self.cache.get, k)`. The twin may only
 * replace a call where nothing around it says the twin is falsy or None, and where every test of
 * the twin around it is one asyncshift can read.
 */

/** What a test says about the twin: set (truthy, not None), unset, or something unreadable. */
type Knowledge = "set" | "unset" | "unknown" | "unrelated";

/** What a condition says about the twin when it is true, and when it is false. */
interface ConditionFacts {
  ifTrue: Knowledge;
  ifFalse: Knowledge;
}

const UNRELATED: ConditionFacts = { ifTrue: "unrelated", ifFalse: "unrelated" };
const UNKNOWN: ConditionFacts = { ifTrue: "unknown", ifFalse: "unknown" };
const RANK: Record<Knowledge, number> = { unset: 3, set: 2, unknown: 1, unrelated: 0 };

/** Both facts hold: `unset` wins (the safe side), then `set`, then `unknown`. */
function both(a: Knowledge, b: Knowledge): Knowledge {
  return RANK[a] >= RANK[b] ? a : b;
}

/** Either fact may hold: a fact survives only when both sides say it. */
function either(a: Knowledge, b: Knowledge): Knowledge {
  if (a === b) return a;
  if (a === "unrelated" && b === "unrelated") return "unrelated";
  return "unknown";
}

function mentions(node: SyntaxNode, names: ReadonlySet<string>): boolean {
  if ((node.type === "identifier" || node.type === "attribute") && names.has(node.text))
    return true;
  return node.namedChildren.some((c) => mentions(c, names));
}

function unparenthesized(node: SyntaxNode): SyntaxNode {
  let n = node;
  while (n.type === "parenthesized_expression" && n.namedChildren.length === 1)
    n = n.namedChildren[0];
  return n;
}

/** `x is None`, `x == None` (unset when true) and their negations (set when true). */
function noneComparison(cond: SyntaxNode, names: ReadonlySet<string>): ConditionFacts | undefined {
  const operands = cond.namedChildren;
  const operators = cond.children.filter((c) => !c.isNamed).map((c) => c.text.replace(/\s+/g, " "));
  if (operands.length !== 2 || operators.length !== 1) return undefined;
  const [left, right] = operands.map(unparenthesized);
  const twinSide = names.has(left.text) ? right : names.has(right.text) ? left : undefined;
  if (twinSide?.type !== "none") return undefined;
  if (operators[0] === "is" || operators[0] === "==") return { ifTrue: "unset", ifFalse: "set" };
  if (operators[0] === "is not" || operators[0] === "!=")
    return { ifTrue: "set", ifFalse: "unset" };
  return undefined;
}

/** What `cond` says about the twin (whose dotted names are `names`) when true and when false. */
export function conditionFacts(node: SyntaxNode, names: ReadonlySet<string>): ConditionFacts {
  const cond = unparenthesized(node);
  if (!mentions(cond, names)) return UNRELATED;
  if ((cond.type === "identifier" || cond.type === "attribute") && names.has(cond.text))
    return { ifTrue: "set", ifFalse: "unset" };
  if (cond.type === "not_operator") {
    const inner = conditionFacts(cond.childForFieldName("argument")!, names);
    return { ifTrue: inner.ifFalse, ifFalse: inner.ifTrue };
  }
  if (cond.type === "comparison_operator") return noneComparison(cond, names) ?? UNKNOWN;
  if (cond.type === "boolean_operator") {
    const left = conditionFacts(cond.childForFieldName("left")!, names);
    const right = conditionFacts(cond.childForFieldName("right")!, names);
    const and = cond.childForFieldName("operator")?.text === "and";
    return and
      ? { ifTrue: both(left.ifTrue, right.ifTrue), ifFalse: either(left.ifFalse, right.ifFalse) }
      : { ifTrue: either(left.ifTrue, right.ifTrue), ifFalse: both(left.ifFalse, right.ifFalse) };
  }
  return UNKNOWN;
}

/** A test around the site and what it says there. */
interface Guard {
  test: SyntaxNode;
  /** Whether the test is true (or false) where the site runs. */
  holds: boolean;
  /** Where the site runs with respect to the test, when "when it is true/false" would not be true. */
  where?: string;
  knowledge: Knowledge;
}

/** The guard a test makes where it `holds` (is true) or not. */
function guard(test: SyntaxNode, holds: boolean, names: ReadonlySet<string>): Guard {
  const facts = conditionFacts(test, names);
  return { test, holds, knowledge: holds ? facts.ifTrue : facts.ifFalse };
}

/** What the if statement `statement` says about the twin inside `branch`, one of its clauses. */
function ifBranchGuards(
  statement: SyntaxNode,
  branch: SyntaxNode,
  names: ReadonlySet<string>,
): Guard[] {
  const elifs = statement.namedChildren.filter((c) => c.type === "elif_clause");
  const conditions = [statement, ...elifs].map((c) => c.childForFieldName("condition")!);
  // The branch runs when every earlier condition was false and its own (if any) is true.
  let own: number | undefined;
  if (branch.id === statement.childForFieldName("consequence")?.id) own = 0;
  else if (branch.type === "elif_clause") own = 1 + elifs.findIndex((e) => e.id === branch.id);
  else if (branch.type !== "else_clause") return [];
  return conditions
    .filter((_, i) => own === undefined || i <= own)
    .map((test, i) => guard(test, i === own, names));
}

const EXITS = new Set([
  "return_statement",
  "raise_statement",
  "continue_statement",
  "break_statement",
]);

/**
 * An earlier `if <test>: return` in the same block: after it the test was false. Any other
 * earlier `if` that tests the twin may have changed it: what it says is unknown.
 */
function earlierGuards(statement: SyntaxNode, names: ReadonlySet<string>): Guard[] {
  const guards: Guard[] = [];
  const siblings = statement.parent!.namedChildren;
  const index = siblings.findIndex((c) => c.id === statement.id);
  for (const s of siblings.slice(0, index).reverse()) {
    if (s.type !== "if_statement") continue;
    const test = s.childForFieldName("condition")!;
    const facts = conditionFacts(test, names);
    if (facts.ifFalse === "unrelated") continue;
    const body = s
      .childForFieldName("consequence")!
      .namedChildren.filter((c) => c.type !== "comment");
    const exits = EXITS.has(body[body.length - 1]?.type ?? "");
    const alone = !s.namedChildren.some(
      (c) => c.type === "elif_clause" || c.type === "else_clause",
    );
    if (exits && alone) guards.push({ test, holds: false, knowledge: facts.ifFalse });
    // The `if` may have changed the twin (`if fast_cache is None: fast_cache = connect()`).
    else
      guards.push({
        test,
        holds: false,
        knowledge: "unknown",
        where: `after \`if ${test.text}:\``,
      });
  }
  return guards;
}

/** What the enclosing tests say at `child`, a child of `parent`, about the twin. */
function guardsAt(parent: SyntaxNode, child: SyntaxNode, names: ReadonlySet<string>): Guard[] {
  switch (parent.type) {
    case "if_statement":
      return child.id === parent.childForFieldName("condition")?.id
        ? []
        : ifBranchGuards(parent, child, names);
    case "while_statement": {
      const test = parent.childForFieldName("condition")!;
      return child.id === parent.childForFieldName("body")?.id ? [guard(test, true, names)] : [];
    }
    case "conditional_expression": {
      const [whenTrue, test, whenFalse] = parent.namedChildren;
      if (child.id === whenTrue?.id) return [guard(test, true, names)];
      if (child.id === whenFalse?.id) return [guard(test, false, names)];
      return [];
    }
    case "boolean_operator": {
      const left = parent.childForFieldName("left")!;
      if (child.id !== parent.childForFieldName("right")?.id) return [];
      return [guard(left, parent.childForFieldName("operator")?.text === "and", names)];
    }
    case "block":
      return earlierGuards(child, names);
  }
  return [];
}

/** The dotted names that stand for the twin's object: `fast_cache`, `self.async_session`. */
export function twinObjectNames(callee: string): Set<string> {
  const parts = callee.split(".");
  const names = new Set<string>();
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join(".");
    if (prefix !== "self" && prefix !== "cls") names.add(prefix);
  }
  return names;
}

/**
 * Why the twin `callee` may not be used at `site` (inside its function): a test around it says the
 * twin is unset, or tests it in a way asyncshift cannot read. Undefined when nothing says so.
 */
export function twinGuardProblem(
  site: SyntaxNode,
  callee: string,
  /** What happens to the site instead: the thread call stays, or the sync call. */
  kept = "it stays in its thread",
): string | undefined {
  const names = twinObjectNames(callee);
  if (names.size === 0) return undefined;
  const guards: Guard[] = [];
  for (let child = site, parent = site.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === "function_definition" || parent.type === "class_definition") break;
    guards.push(...guardsAt(parent, child, names));
  }
  const unset = guards.find((g) => g.knowledge === "unset");
  if (unset)
    return `the twin ${callee} is unset where this call runs (it runs when \`${unset.test.text}\` is ${unset.holds}): it is the fallback for when the twin is missing; ${kept}`;
  // The innermost test decides: an unreadable test further out may only say what is known inside.
  const innermost = guards.find((g) => g.knowledge !== "unrelated");
  if (innermost?.knowledge === "unknown")
    return `asyncshift cannot tell whether the twin ${callee} is set where this call runs (it runs ${innermost.where ?? `when \`${innermost.test.text}\` is ${innermost.holds}`}): ${kept}; rewrite by hand if it is`;
  return undefined;
}
