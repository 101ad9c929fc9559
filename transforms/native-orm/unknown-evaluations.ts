import type { SyntaxNode } from "../../src/model/types.js";
import { plainKindOf } from "../../src/python/value-kinds.js";
import { looksLikeQueryset } from "./proofs.js";
import type { OrmFile, Problem } from "./types.js";
import { parameterPassed } from "./caller-arguments.js";
import { classReturnedElsewhere } from "../../src/django/annotated-returns.js";
import { passesImported, selfClass } from "./cross-calls.js";
import { resolveMethod } from "../../src/python/mro.js";
import { ITERATING_BUILTINS } from "../../src/python/iterating-builtins.js";

// orm-review-4 W2: `list(intakes)` where `intakes = base_query.select_related(...).distinct()`
// and `base_query = intake_work_item_base_query(...)`, a helper of the project whose value is not
// proven: `list()` is a builtin that touches no database only when what it iterates is no
// queryset. A value built by queryset-named steps, or returned by a function of the project,
// may be one: evaluating it on the event loop raises SynchronousOnlyOperation. Kept, said.

/**
 * How `expr` may be a queryset nothing proves: said, or undefined when it cannot be one. Names
 * bound to other names are followed (`items = intakes`), a few steps.
 */
export function mayBeQueryset(
  f: OrmFile,
  expr: SyntaxNode,
  isProjectFunction: (callee: SyntaxNode) => boolean,
  depth = 0,
): string | undefined {
  while (expr.type === "parenthesized_expression" && expr.namedChildren.length === 1)
    expr = expr.namedChildren[0]!;
  if (f.proofs.querysetOf(expr)) return undefined; // AS204's
  if (expr.type === "call" && looksLikeQueryset(expr))
    return `${expr.text.replace(/\s+/g, " ").slice(0, 60)} is built by queryset methods on a value nothing proves a queryset`;
  const called = expr.type === "call" ? expr.childForFieldName("function") : null;
  if (called && isProjectFunction(called) && !plainKindOf(expr) && !returnsContainer(f, expr))
    return `${called.text}() is a function of the project whose value is not proven (it may be a queryset)`;
  if (called && selfMethodMayQuery(f, called) && !plainKindOf(expr))
    return `${called.text}() is a method of this object whose value is not proven (it may be a queryset; a subclass may override it)`;
  if (expr.type !== "identifier" || plainKindOf(expr) || f.proofs.instanceOf(expr))
    return undefined;
  // Where it is read: a comprehension's first iterable is bound outside the comprehension.
  const bound = f.file.visibleBindings(expr, expr.text);
  // orm-review-5 W1: a parameter a caller of this file hands a queryset (caller-arguments.ts).
  const fromCaller =
    depth < 3 && bound.length === 1
      ? parameterPassed(f, bound[0].node, (arg) =>
          f.proofs.querysetOf(arg)
            ? `${shortArg(arg)}, a queryset`
            : mayBeQueryset(f, arg, isProjectFunction, depth + 1),
        )
      : undefined;
  if (fromCaller) return fromCaller;
  for (const b of bound) {
    const assignment = b.node.parent;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== b.node.id)
      continue;
    let value = assignment.childForFieldName("right");
    // `x = (\n qs.filter(...)\n .distinct()\n)` and `x = await f()`: the call inside (W2b).
    while (value?.type === "parenthesized_expression" || value?.type === "await")
      value = value.namedChildren.length === 1 ? value.namedChildren[0]! : null;
    const line = assignment.startPosition.row + 1;
    if (value?.type === "identifier" && depth < 3) {
      const why = mayBeQueryset(f, value, isProjectFunction, depth + 1);
      if (why) return `${expr.text} is bound at line ${line} to ${value.text}, and ${why}`;
    }
    if (value?.type !== "call") continue;
    if (looksLikeQueryset(value))
      return `${expr.text} is bound at line ${line} to a chain of queryset methods on a value nothing proves a queryset`;
    const callee = value.childForFieldName("function")!;
    if (isProjectFunction(callee) && !returnsContainer(f, value))
      return `${expr.text} is bound at line ${line} to what ${callee.text}() returns, a function of the project whose value is not proven (it may be a queryset)`;
    if (selfMethodMayQuery(f, callee))
      return `${expr.text} is bound at line ${line} to what ${callee.text}() returns, a method of this object whose value is not proven (it may be a queryset; a subclass may override it)`;
  }
  return undefined;
}

/**
 * orm-review-6 R3: a call of a project function annotated to return a builtin container
 * (`-> list[Server]`, `-> set[str]`) or a plain value (`-> str`): built in memory, no queryset.
 * Of this module (its def's annotation), or of another (the pre-pass's annotated returns).
 */
function returnsContainer(f: OrmFile, call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function")!;
  const awaited = call.parent?.type === "await";
  const local =
    callee.type === "identifier" && !f.file.importBindingOf(callee.text, callee)
      ? f.file.bindingsNamed(f.root, callee.text)
      : [];
  const def = local.length === 1 ? local[0].node.parent : undefined;
  const written = def?.type === "function_definition" ? def.childForFieldName("return_type") : null;
  if (def) return !!written && CONTAINER_OR_PLAIN.test(containerAnnotation(written.text));
  const qualified =
    callee.type === "identifier" || callee.type === "attribute"
      ? f.file.qualifiedName(callee)
      : undefined;
  const cls = qualified ? classReturnedElsewhere(f.ctx.project, qualified, awaited) : undefined;
  return !!cls && CONTAINER_OR_PLAIN.test(cls);
}

/**
 * orm-review-9 R3 (codecov's `queryset = self.batch_queryset(keys)`, which subclasses override):
 * `self.<method>()` of a method a class of this file defines (a library base's is not judged),
 * whose value may be a queryset: no return annotation of a container or a plain value, and
 * abstract (it returns no value itself: a subclass gives it). One that returns values is followed
 * by the chains, which judge its body.
 */
function selfMethodMayQuery(f: OrmFile, callee: SyntaxNode): boolean {
  const cls = callee.type === "attribute" ? selfClass(f, callee) : undefined;
  const name = callee.childForFieldName("attribute")?.text;
  if (!cls || !name) return false;
  const found = resolveMethod(cls, name, undefined, passesImported(f, name));
  const def = found?.kind === "local" ? ownDef(found.cls, name) : undefined;
  if (!def) return false;
  const written = def.childForFieldName("return_type");
  if (written) return !CONTAINER_OR_PLAIN.test(containerAnnotation(written.text));
  return !returnsValue(def);
}

/** The def (decorated or not) named `name` in the class's own body. */
function ownDef(cls: SyntaxNode, name: string): SyntaxNode | undefined {
  for (const member of cls.childForFieldName("body")?.namedChildren ?? []) {
    const def =
      member.type === "decorated_definition" ? member.childForFieldName("definition") : member;
    if (def?.type === "function_definition" && def.childForFieldName("name")?.text === name)
      return def;
  }
  return undefined;
}

/** Whether `def` returns a value of its own (a `return x` not in a nested def or lambda). */
function returnsValue(def: SyntaxNode): boolean {
  return def.descendantsOfType("return_statement").some((r) => {
    for (let n = r.parent; n && n.id !== def.id; n = n.parent)
      if (n.type === "function_definition" || n.type === "lambda") return false;
    return r.namedChildren.length > 0;
  });
}

/** The annotation as the pre-pass records a container: `list[Server]` -> `list[]`. */
function containerAnnotation(text: string): string {
  const match =
    /^(?:Optional\[\s*)?["']?(?:typing\.)?(list|dict|set|frozenset|tuple|List|Dict|Set|FrozenSet|Tuple)\[/.exec(
      text.trim(),
    );
  return match ? `${match[1].toLowerCase()}[]` : text.trim();
}

/** What a project function's annotation may say for its value to be no queryset. */
const CONTAINER_OR_PLAIN =
  /^((list|dict|set|frozenset|tuple)\[(scalars)?\]|str|int|float|bool|bytes|dict|list|datetime|date|time|timedelta)$/;

function shortArg(arg: SyntaxNode): string {
  return arg.text.replace(/\s+/g, " ").slice(0, 40);
}

/**
 * `list(x)`, `len(x)`, `sorted(x)` in a wrapper to convert, `x` maybe a queryset nothing proves
 * (AS205): evaluated on the event loop once the wrapper goes.
 */
export function unknownEvaluationProblem(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
  isProjectFunction: (callee: SyntaxNode) => boolean,
): Problem | undefined {
  if (callee.type !== "identifier" || !ITERATING_BUILTINS.has(callee.text)) return undefined;
  if (!f.file.isBuiltin(callee.text, callee)) return undefined;
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  for (const arg of args) {
    if (arg.type === "keyword_argument" || arg.type === "comment") continue;
    const why = mayBeQueryset(f, arg, isProjectFunction);
    if (why)
      return {
        code: "AS205",
        node: call,
        message: `${callee.text}(${arg.text.replace(/\s+/g, " ").slice(0, 40)}) iterates a value that may be a queryset, which would be evaluated synchronously on the event loop: ${why}`,
        evaluatesUnknown: true,
      };
  }
  return undefined;
}

/**
 * `for x in items:`, `[x for x in items]`, `if items:` in a wrapper to convert, `items` maybe a
 * queryset nothing proves (orm-review-4 W2): iterated or tested on the event loop once the
 * wrapper goes, where a queryset raises SynchronousOnlyOperation. Kept, said (AS205).
 */
export function unknownIterationProblem(
  f: OrmFile,
  node: SyntaxNode,
  value: SyntaxNode,
  isProjectFunction: (callee: SyntaxNode) => boolean,
): Problem | undefined {
  let expr = value;
  while (expr.type === "not_operator" || expr.type === "parenthesized_expression") {
    const inner =
      expr.type === "not_operator" ? expr.childForFieldName("argument") : expr.namedChildren[0];
    if (!inner) return undefined;
    expr = inner;
  }
  // `for d in (deal_ids or [])`: the truth test and the loop evaluate each side that may run.
  if (expr.type === "boolean_operator")
    for (const side of [expr.childForFieldName("left"), expr.childForFieldName("right")]) {
      const problem = side && unknownIterationProblem(f, node, side, isProjectFunction);
      if (problem) return problem;
    }
  if (expr.type !== "identifier" && expr.type !== "call") return undefined;
  const why = mayBeQueryset(f, expr, isProjectFunction);
  if (!why) return undefined;
  const loop = node.type === "for_statement" || node.type === "for_in_clause";
  return {
    code: "AS205",
    node,
    message: `${loop ? "the loop iterates" : "the condition tests"} ${expr.text.replace(/\s+/g, " ").slice(0, 40)}, a value that may be a queryset, which would be evaluated synchronously on the event loop: ${why}`,
    evaluatesUnknown: true,
  };
}
