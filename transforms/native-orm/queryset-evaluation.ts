import type { SyntaxNode } from "../../src/model/types.js";
import { callArguments } from "../../src/python/calls.js";
import { ormCall } from "./conversions.js";
import type { OrmFile, Problem, ScanMode } from "./types.js";
import { provenNoQueryset } from "./chain-fallbacks.js";

// Evaluating a queryset synchronously (truth value, index, `in`, builtins, generator
// expressions) has no async form; inside async code it raises SynchronousOnlyOperation (AS204).

/** Builtins that evaluate a queryset passed to them, with the async form to use instead. */
const EVALUATING_BUILTINS: Record<string, string> = {
  len: "await {qs}.acount()",
  bool: "await {qs}.aexists()",
  repr: "[x async for x in {qs}]",
  sorted: "sorted([x async for x in {qs}])",
  sum: "sum([x async for x in {qs}])",
  min: "min([x async for x in {qs}])",
  max: "max([x async for x in {qs}])",
  tuple: "tuple([x async for x in {qs}])",
  set: "{x async for x in {qs}}",
  any: "await {qs}.aexists()",
  all: "all([x async for x in {qs}])",
  enumerate: "enumerate([x async for x in {qs}])",
  dict: "dict([x async for x in {qs}])",
};

function problem(code: Problem["code"], node: SyntaxNode, message: string, suggestion?: string) {
  const found: Problem = { code, node, message, ...(suggestion ? { suggestion } : {}) };
  return found;
}

/**
 * A proven (or `.objects`-rooted) queryset used where it would be evaluated, unless an
 * `async for` over the same name filled its result cache first.
 */
export function evaluatesQueryset(f: OrmFile, expr: SyntaxNode): boolean {
  // A queryset whose model is not known (a related manager's) is evaluated all the same.
  return (
    !!f.proofs.querysetOf(expr) &&
    !cacheFilledBefore(f, expr) &&
    // The `except AttributeError:` arm after `qs.all()...` (orm-human-5 H3): never a queryset.
    !(expr.type === "identifier" && provenNoQueryset(expr))
  );
}

/**
 * Has an `async for` over the name `expr` run on every path to `expr`? Django's `__aiter__`
 * fetches every row into the queryset's result cache before the first item, so `len(qs)`,
 * `if qs:`, `qs[0]` and `x in qs` read the cache afterwards. The loop must be a statement of a
 * block that holds `expr`, before it, in the same function (not in a branch that may not run),
 * and the name not bound again in between (a new queryset has an empty cache).
 */
function cacheFilledBefore(f: OrmFile, expr: SyntaxNode): boolean {
  if (expr.type !== "identifier") return false;
  const def = f.file.enclosingDef(expr);
  const rebound = f.file.bindingsNamed(def ?? f.root, expr.text).map((b) => b.node.startIndex);
  for (let n: SyntaxNode | null = expr; n && n.id !== def?.id; n = n.parent) {
    const block = n.parent;
    if (block?.type !== "block" && block?.type !== "module") continue;
    const filled = block.namedChildren.some(
      (statement) =>
        statement.endIndex <= n!.startIndex &&
        statement.type === "for_statement" &&
        statement.children.some((c) => c.type === "async") &&
        statement.childForFieldName("right")?.text === expr.text &&
        !rebound.some((at) => at > statement.startIndex && at < expr.startIndex),
    );
    if (filled) return true;
  }
  return false;
}

/** `len(qs)`, `bool(qs)`, ...: `callee` is a builtin name. */
export function evaluatingBuiltinProblem(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
): Problem | undefined {
  const args = callArguments(call);
  const template = EVALUATING_BUILTINS[callee.text];
  if (!template || args.length < 1 || !evaluatesQueryset(f, args[0])) return undefined;
  return problem(
    "AS204",
    call,
    `${callee.text}() of a queryset evaluates it synchronously`,
    template.replaceAll("{qs}", args[0].text),
  );
}

/** Methods of lists, sets, dicts and strings that iterate a positional argument. */
const ITERATING_METHODS = new Set([
  "extend",
  "join",
  "update",
  "writerows",
  "fromkeys",
  "difference",
  "intersection",
  "issubset",
  "issuperset",
  "symmetric_difference",
]);

/** `ids.extend(qs)`, `", ".join(qs)`: a queryset handed to a method that iterates it. */
export function iteratingMethodProblem(f: OrmFile, call: SyntaxNode): Problem | undefined {
  const callee = call.childForFieldName("function");
  const method = callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : "";
  const receiver = callee?.childForFieldName("object");
  if (!method || !ITERATING_METHODS.has(method) || !receiver) return undefined;
  // A queryset's own `update()` or `difference()` is ORM work, not an iteration.
  if (f.proofs.querysetOf(receiver)) return undefined;
  const args = callArguments(call).filter((a) => a.type !== "keyword_argument");
  const evaluated = args.find((a) => evaluatesQueryset(f, a));
  if (!evaluated) return undefined;
  return problem(
    "AS204",
    call,
    `${method}() iterates the queryset ${evaluated.text}, which evaluates it synchronously`,
    `[x async for x in ${evaluated.text}]`,
  );
}

/** The conditions an `if`, `elif`, `while`, `and`/`or`, `not` or `x if c else y` tests. */
function conditionsOf(node: SyntaxNode): (SyntaxNode | null)[] {
  switch (node.type) {
    case "boolean_operator":
      return [node.childForFieldName("left"), node.childForFieldName("right")];
    case "not_operator":
      return [node.childForFieldName("argument")];
    case "conditional_expression":
      return [node.namedChildren[1]];
    default:
      return [node.childForFieldName("condition")];
  }
}

/** Querysets tested for their truth value. */
export function conditionProblems(f: OrmFile, node: SyntaxNode): Problem[] {
  const problems: Problem[] = [];
  for (const tested of conditionsOf(node)) {
    // orm-review-8 S14: `if query := Model.objects.filter(...):` tests the queryset it binds.
    const condition =
      tested?.type === "named_expression" ? tested.childForFieldName("value") : tested;
    if (condition && evaluatesQueryset(f, condition))
      problems.push(
        problem(
          "AS204",
          condition,
          "the truth value of a queryset evaluates it synchronously: use `await <qs>.aexists()`",
          `await ${condition.text}.aexists()`,
        ),
      );
  }
  return problems;
}

/** `qs[i]` or `qs[a:b:c]`; `qs[a:b]` without a step stays lazy (LIMIT/OFFSET). */
export function subscriptProblem(f: OrmFile, node: SyntaxNode): Problem | undefined {
  const value = node.childForFieldName("value");
  if (!value || !evaluatesQueryset(f, value)) return undefined;
  const index = node.childForFieldName("subscript");
  const slice = index?.type === "slice";
  const lazy = slice && index!.namedChildren.length <= 2 && !index!.text.match(/:.*:/);
  if (lazy) return undefined;
  // `qs[0]` raises IndexError on no rows where `afirst()` returns None (and orders by pk when
  // the queryset is unordered): the suggestion says so rather than passing for the same code.
  const first = index?.text === "0";
  return problem(
    "AS204",
    node,
    first
      ? "indexing a queryset evaluates it synchronously: `await <qs>.afirst()` reads the first row, but returns None where [0] raised IndexError (check for None where an empty queryset is possible), or use an async comprehension"
      : "indexing a queryset evaluates it synchronously: use an async comprehension (`[x async for x in qs]`) and index the list",
    first ? `await ${value.text}.afirst()` : undefined,
  );
}

/** `x in qs`, `x not in qs`. */
export function containmentProblem(f: OrmFile, node: SyntaxNode): Problem | undefined {
  const operands = node.namedChildren;
  const ops = node.children.filter((c) => !c.isNamed).map((c) => c.type);
  if (!ops.includes("in") && !ops.includes("not in")) return undefined;
  const container = operands[operands.length - 1];
  if (!container || !evaluatesQueryset(f, container)) return undefined;
  return problem(
    "AS204",
    node,
    "`x in qs` evaluates the queryset synchronously: use `await qs.acontains(x)`",
    `await ${container.text}.acontains(${operands[0].text})`,
  );
}

/** Querysets iterated by a generator expression, and ORM calls inside one. */
export function generatorProblems(f: OrmFile, node: SyntaxNode, mode: ScanMode): Problem[] {
  const problems: Problem[] = [];
  for (const clause of node.namedChildren.filter((c) => c.type === "for_in_clause")) {
    const iterable = clause.childForFieldName("right");
    if (iterable && evaluatesQueryset(f, iterable))
      problems.push(
        problem(
          "AS204",
          iterable,
          "iterating a queryset in a generator expression evaluates it synchronously: use a list comprehension with `async for`",
        ),
      );
  }
  // `await` inside a generator expression makes it an async generator: no rewrite there.
  const ormInside = node
    .descendantsOfType("call")
    .some((call) => ormCall(f, call, mode) !== undefined);
  if (ormInside)
    problems.push(
      problem(
        "AS208",
        node,
        "ORM call inside a generator expression: use a list comprehension, then rewrite",
      ),
    );
  return problems;
}
