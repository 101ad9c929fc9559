import { callArguments } from "../../src/python/calls.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { provenNoQueryset } from "./chain-fallbacks.js";
import { callerParameter, createdRow, returnedBy } from "./caller-proofs.js";
import { isProjectFunction } from "./no-async-api.js";
import { isMaterialized } from "./materialized-arguments.js";
import { factoryTarget } from "./library-targets.js";
import { mayBeQueryset } from "./unknown-evaluations.js";
import { ITERATING_BUILTINS } from "../../src/python/iterating-builtins.js";
import type { ChainLink, FunctionFacts, OrmFile } from "./types.js";

// orm-review-5 W1 across a chain: a function the chain makes async (or calls as it is, D6) that
// evaluates one of its parameters (`[c.name for c in customers]`, `list(filter(None, qs))`,
// `len(customers)`, `if customers:`) while the chain's call hands it a queryset would evaluate
// that queryset on the event loop. The facts say which parameters a function evaluates and what
// each chain call passes; the planner (chain-planner.ts) matches them along the chain.

/** A def's parameters a caller fills by position, in order (the receiver of a method aside). */
export function positionalParameters(def: SyntaxNode): string[] {
  const names: string[] = [];
  const listed = def.childForFieldName("parameters")?.namedChildren ?? [];
  for (const p of listed) {
    if (p.type === "list_splat_pattern" || p.type === "keyword_separator") break;
    if (p.type === "dictionary_splat_pattern" || p.type === "positional_separator") continue;
    names.push(nameOfParameter(p) ?? "");
  }
  return hasReceiver(def) ? names.slice(1) : names;
}

function hasReceiver(def: SyntaxNode): boolean {
  const holder = def.parent?.type === "decorated_definition" ? def.parent : def;
  if (holder.parent?.type !== "block" || holder.parent.parent?.type !== "class_definition")
    return false;
  const decorators = holder.type === "decorated_definition" ? holder.namedChildren : [];
  return !decorators.some(
    (d) => d.type === "decorator" && d.text.slice(1).trim() === "staticmethod",
  );
}

/** A listed parameter's name (`x`, `x: int`, `x=1`, `x: int = 1`); null for `*args` and the like. */
function nameOfParameter(p: SyntaxNode): string | null {
  const name =
    p.type === "identifier"
      ? p
      : p.type === "typed_parameter"
        ? p.namedChildren[0]
        : p.childForFieldName("name");
  return name?.type === "identifier" ? name.text : null;
}

/** Every parameter name of `def`, keyword-only ones too. */
function parameterNames(def: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const p of def.childForFieldName("parameters")?.namedChildren ?? []) {
    const name = nameOfParameter(p);
    if (name) names.add(name);
  }
  return names;
}

/**
 * The parameters `def` evaluates in its own body (nested defs and lambdas aside): iterated by a
 * loop or a comprehension, handed to an evaluating builtin, truth-tested, or the right side of
 * `in`. The first place each is, by line.
 */
export function evaluatedParameters(def: SyntaxNode): { name: string; line: number }[] {
  const names = parameterNames(def);
  const found = new Map<string, number>();
  const note = (expr: SyntaxNode | null | undefined) => {
    while (expr?.type === "parenthesized_expression" || expr?.type === "not_operator")
      expr =
        expr.type === "not_operator" ? expr.childForFieldName("argument") : expr.namedChildren[0];
    if (
      expr?.type === "identifier" &&
      names.has(expr.text) &&
      !found.has(expr.text) &&
      !provenNoQueryset(expr)
    )
      found.set(expr.text, expr.startPosition.row + 1);
  };
  const visit = (node: SyntaxNode) => {
    for (const child of node.namedChildren) {
      if (child.type === "function_definition" || child.type === "lambda") continue;
      if (child.type === "for_statement" || child.type === "for_in_clause")
        note(child.childForFieldName("right"));
      if (["if_statement", "elif_clause", "while_statement"].includes(child.type))
        note(child.childForFieldName("condition"));
      if (child.type === "not_operator" || child.type === "boolean_operator")
        for (const part of child.namedChildren) note(part);
      if (child.type === "comparison_operator" && /\bin\b/.test(operators(child)))
        note(child.namedChildren.at(-1));
      if (child.type === "call") {
        const callee = child.childForFieldName("function");
        if (callee?.type === "identifier" && ITERATING_BUILTINS.has(callee.text))
          for (const arg of callArguments(child)) note(arg);
      }
      visit(child);
    }
  };
  const body = def.childForFieldName("body");
  if (body) visit(body);
  return [...found].map(([name, line]) => ({ name, line }));
}

function operators(comparison: SyntaxNode): string {
  return comparison.children
    .filter((c) => !c.isNamed)
    .map((c) => c.text)
    .join(" ");
}

/**
 * What a chain call passes that matters to the function it calls: each argument that is, or may
 * be, a queryset (why), and each that is a parameter of the calling def (handed on).
 */
export function passesOf(f: OrmFile, call: SyntaxNode, caller?: SyntaxNode): ChainLink["passes"] {
  const own = caller ? parameterNames(caller) : new Set<string>();
  const passes: NonNullable<ChainLink["passes"]> = [];
  let position = 0;
  for (const arg of callArguments(call)) {
    if (arg.type === "list_splat" || arg.type === "dictionary_splat") break;
    const keyword = arg.type === "keyword_argument";
    const value = keyword ? arg.childForFieldName("value") : arg;
    const to = keyword ? (arg.childForFieldName("name")?.text ?? "") : position++;
    // orm-human-7 K10: materialized at the call, a list reaches the function.
    if (!value || isMaterialized(f, call, arg)) continue;
    const proven = f.proofs.querysetOf(value) ? `${short(value)}, a queryset` : undefined;
    const queryset = proven ?? mayBeQueryset(f, value, (c) => isProjectFunction(f, c));
    const instance = queryset ? undefined : instancePassed(f, value);
    // orm-human-6 G3b: what a project function returns, proven by its file: what it may be (a
    // queryset) is kept for the plan, which drops it once the returns are proven instances.
    const returned = proven || instance ? undefined : returnedBy(f, value);
    if (returned) passes.push({ to, returned, ...(queryset ? { queryset } : {}) });
    else if (queryset) passes.push({ to, queryset });
    else if (instance)
      passes.push({ to, instance, ...(createdRow(f, value) ? { whole: true as const } : {}) });
    else {
      // orm-human-6 G3b: a parameter of the calling def, proven at its callers.
      const later = callerParameter(f, value, caller);
      const param = value.type === "identifier" && own.has(value.text) ? { param: value.text } : {};
      if (later || "param" in param) passes.push({ to, ...param, ...later });
    }
  }
  return passes.length > 0 ? passes : undefined;
}

/** The model of the instance `value` is proven to be (orm-human-6 G3: handed to a parameter). */
function instancePassed(f: OrmFile, value: SyntaxNode): string | undefined {
  if (value.type === "identifier") return f.proofs.instanceOf(value)?.model;
  return value.type === "call" ? f.proofs.instanceReturned(value)?.model : undefined;
}

/**
 * orm-human-6 G3: a problem that only says a parameter of `def` is not proven a model instance
 * (`log_instance.save(...)` with `log_instance` unannotated): the parameter's name, with the
 * attributes the def reads of it (G3b: `log_instance.ack_timeout` in a message; the plan lifts it
 * only when each is a plain column of a row loaded whole). Only when the def uses the parameter
 * for nothing else than setting its attributes, reading them, the calls `problems` name and
 * returning it (a twin proving it an instance then meets nothing it did not: no value handed on).
 */
export function unprovenParameter(
  def: SyntaxNode,
  p: { code: string; node: SyntaxNode },
  problems: ReadonlySet<number>,
): { name: string; reads: string[] } | undefined {
  if (p.code !== "AS201" || p.node.type !== "call") return undefined;
  const callee = p.node.childForFieldName("function");
  const receiver = callee?.type === "attribute" ? callee.childForFieldName("object") : undefined;
  if (receiver?.type !== "identifier" || !positionalParameters(def).includes(receiver.text))
    return undefined;
  const uses = def
    .childForFieldName("body")
    ?.descendantsOfType("identifier")
    .filter((n) => n.text === receiver.text && !isAttributeName(n));
  const reads = new Set<string>();
  const onlySetOrCalled = (uses ?? []).every((n) => {
    // orm-human-7 K2 (meros `save_answer`): `return feedback` hands the caller back what it
    // passed, no other value: the caller's own proofs say what it is.
    if (n.parent?.type === "return_statement") return true;
    const attribute = n.parent?.type === "attribute" ? n.parent : undefined;
    const above = attribute?.parent;
    if (!attribute || !above) return false;
    if (above.type === "assignment" && above.childForFieldName("left")?.id === attribute.id)
      return true;
    if (above.type === "call" && above.childForFieldName("function")?.id === attribute.id)
      return problems.has(above.id);
    reads.add(attribute.childForFieldName("attribute")?.text ?? "");
    return true;
  });
  return onlySetOrCalled ? { name: receiver.text, reads: [...reads] } : undefined;
}

/** `x` in `obj.x`: a name of an attribute, not a reference. */
function isAttributeName(n: SyntaxNode): boolean {
  return n.parent?.type === "attribute" && n.parent.childForFieldName("attribute")?.id === n.id;
}

function short(node: SyntaxNode): string {
  return node.text.replace(/\s+/g, " ").slice(0, 40);
}

/** The facts of a def the chain needs for W1: its positional parameters, those it evaluates. */
export function parameterFacts(def: SyntaxNode): Pick<FunctionFacts, "parameters" | "evaluates"> {
  const evaluates = evaluatedParameters(def);
  const parameters = positionalParameters(def);
  return {
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(evaluates.length > 0 ? { evaluates } : {}),
  };
}

/** `{ passes }` when there are some. */
export function withPasses(passes: ChainLink["passes"]): Pick<ChainLink, "passes"> {
  return passes ? { passes } : {};
}

/** The def whose body holds `node` (not through a lambda or class), if any. */
export function enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) {
    if (n.type === "lambda" || n.type === "class_definition") return undefined;
    if (n.type === "function_definition") return n;
  }
  return undefined;
}

/** `sync_to_async`, `database_sync_to_async` or an alias, as the wrapper call `wrap` spells it. */
export function wrapperWritten(wrap: SyntaxNode): string {
  const written = wrap.childForFieldName("function")?.text ?? "";
  return /^[\w.]+$/.test(written) ? written : "sync_to_async";
}

/**
 * orm-review-5 Q22 (a conftest's `make_user` returning `UserFactory.create(...)`): calls in `def`'s
 * body that save through the sync ORM with no native form (a factory_boy factory): ORM work the
 * chain must not call "no ORM work", though nothing converts it.
 */
export function syncOnlyOrmCalls(f: OrmFile, def: SyntaxNode): number {
  const body = def.childForFieldName("body");
  if (!body) return 0;
  return body.descendantsOfType("call").filter((call) => {
    const callee = call.childForFieldName("function");
    const said = callee ? factoryTarget(f, callee) : undefined;
    return !!said && !said.includes("builds a plain dict");
  }).length;
}
