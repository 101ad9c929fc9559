import type { SyntaxNode } from "../model/types.js";
import { QUERYSET_RETURNING } from "./api.js";

// Methods of a project manager or QuerySet class that only build a queryset: every return is a
// chain of filter/exclude/annotate/order_by/select_related/... rooted at `self` (or
// `super().get_queryset()`, or another such method of the class), and nothing else in the body
// is called but Django's lazy expressions (Q, F, Count, ...) and clocks. `Post.objects.published()`
// is then a queryset like `Post.objects.filter(...)`: no query runs until it is evaluated.
// Anything else (a terminal call, a helper, values() that changes what iteration yields) is
// no chain method, and a call of it keeps its wrapper.

/** Queryset-returning steps a chain method may take; values() and locks change the result. */
const CHAIN_STEPS = new Set(
  [...QUERYSET_RETURNING, "get_queryset"].filter(
    (m) => !["values", "values_list", "dates", "datetimes", "raw", "select_for_update"].includes(m),
  ),
);

/**
 * Calls that build a value lazily or read a clock: Django's query expressions, timezone.now.
 * Named through the file's imports as the pre-pass reads them (`imports`: local name -> module),
 * since the pre-pass walks the parser's own tree, with no import resolution of its own.
 */
function isLazyCall(callee: SyntaxNode, imports: ReadonlyMap<string, string>): boolean {
  const text = callee.text.replace(/\s+/g, "");
  const root = text.split(".")[0];
  const module = imports.get(root);
  if (!module) return false;
  const qualified = module === root ? text : `${module}.${text}`;
  return (
    /^django\.db\.models\.([A-Z]\w*|functions\.\w+|Q|F)$/.test(qualified) ||
    /^django\.db\.models\.(expressions|aggregates|query_utils|lookups)\.[A-Z]\w*$/.test(
      qualified,
    ) ||
    // django.utils.timezone imports datetime's timedelta: `timezone.timedelta(hours=1)`.
    /^django\.utils\.timezone\.(now|timedelta)$/.test(qualified) ||
    /^datetime\.(datetime\.(now|today|utcnow)|date\.today|timedelta)$/.test(qualified)
  );
}

/**
 * The chain methods of a class body: by method name, the other methods of `self` its chains
 * start from (each must be a chain method too: checked once every class is known).
 */
export function chainMethodsOf(
  body: SyntaxNode | null,
  imports: ReadonlyMap<string, string> = new Map(),
): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const statement of body?.namedChildren ?? []) {
    if (statement.type !== "function_definition") continue; // decorated: a property, a cache...
    const name = statement.childForFieldName("name")?.text ?? "";
    if (name.startsWith("_") || name === "get_queryset") continue;
    const deps = chainDependencies(statement, imports);
    if (deps) found[name] = deps;
  }
  return found;
}

/** The `self` methods a def's chains start from, or undefined when it is no chain method. */
function chainDependencies(
  def: SyntaxNode,
  imports: ReadonlyMap<string, string>,
): string[] | undefined {
  if (def.children.some((c) => c.type === "async")) return undefined;
  const body = def.childForFieldName("body");
  if (!body || body.descendantsOfType(["yield", "lambda", "function_definition"]).length > 0)
    return undefined;
  const self = def.childForFieldName("parameters")?.namedChildren[0];
  if (self?.type !== "identifier") return undefined;
  const deps = new Set<string>();
  const locals = new Set<string>();
  let returns = 0;
  for (const statement of flatStatements(body)) {
    if (statement === undefined) return undefined;
    if (statement.type === "return_statement") {
      const value = statement.namedChildren[0];
      if (!value || !chainRoot(value, self.text, locals, deps)) return undefined;
      returns++;
    } else if (statement.type === "expression_statement") {
      const inner = statement.namedChildren[0];
      if (inner?.type === "string") continue; // a docstring
      const left = inner?.type === "assignment" ? inner.childForFieldName("left") : undefined;
      const right = inner?.childForFieldName("right");
      if (left?.type !== "identifier" || !right) return undefined;
      // `cutoff = timezone.now() - timedelta(days=7)`: a plain value (its calls and reads are
      // checked with the body's); `qs = self.filter(...)`: a chain a return may continue.
      if (chainRoot(right, self.text, locals, deps)) locals.add(left.text);
      else locals.delete(left.text);
    } else if (statement.type !== "pass_statement") return undefined;
  }
  const calls = body.descendantsOfType("call");
  if (returns === 0 || !calls.every((c) => isChainCall(c, self.text, deps, imports)))
    return undefined;
  const reads = body.descendantsOfType("attribute");
  if (!reads.every((a) => isPlainRead(a, self.text, imports))) return undefined;
  return [...deps];
}

/**
 * An attribute read that loads nothing: of `self`, of an imported name (`Status.PUBLISHED`,
 * `models.Q`), a callee's method name, or a key column of a value (`user.pk`, `user.id`,
 * `user.org_id`). `user.profile` may be a relation that loads its row at call time: not one.
 */
function isPlainRead(read: SyntaxNode, self: string, imports: ReadonlyMap<string, string>) {
  const parent = read.parent;
  if (parent?.type === "call" && parent.childForFieldName("function")?.id === read.id) return true;
  const object = read.childForFieldName("object");
  if (object?.type === "attribute" || object?.type === "call") return true; // checked on its own
  if (object?.type !== "identifier") return false;
  // `self`, an imported name, or a class (`Post.Status.PUBLISHED`): no row behind it.
  if (object.text === self || imports.has(object.text) || /^[A-Z]/.test(object.text)) return true;
  return /^(pk|id|\w+_id)$/.test(read.childForFieldName("attribute")?.text ?? "");
}

/**
 * The statements of a body with `if`/`elif`/`else` branches opened (their conditions are
 * checked with every other call); undefined for a statement of any other compound kind.
 */
function flatStatements(block: SyntaxNode): (SyntaxNode | undefined)[] {
  const out: (SyntaxNode | undefined)[] = [];
  for (const statement of block.namedChildren) {
    if (statement.type === "comment") continue;
    if (statement.type !== "if_statement") {
      out.push(/_statement$/.test(statement.type) ? statement : undefined);
      continue;
    }
    for (const part of [statement, ...statement.namedChildren]) {
      const inner =
        part.type === "if_statement" || part.type === "elif_clause" || part.type === "else_clause"
          ? part.childForFieldName(part.type === "else_clause" ? "body" : "consequence")
          : undefined;
      if (inner) out.push(...flatStatements(inner));
    }
  }
  return out;
}

/** Is `expr` a chain of steps rooted at `self`, `super()`, or a local chain name? */
function chainRoot(expr: SyntaxNode, self: string, locals: Set<string>, deps: Set<string>) {
  let n: SyntaxNode | null = expr;
  while (n?.type === "parenthesized_expression") n = n.namedChildren[0] ?? null;
  if (n?.type === "identifier") return n.text === self || locals.has(n.text);
  if (n?.type !== "call") return false;
  const callee = n.childForFieldName("function");
  if (callee?.type === "identifier") return callee.text === "super";
  if (callee?.type !== "attribute") return false;
  const method = callee.childForFieldName("attribute")!.text;
  const receiver = callee.childForFieldName("object")!;
  if (!CHAIN_STEPS.has(method)) {
    // `self.published()`: another method of the class, a chain method if its own body is one.
    if (receiver.type !== "identifier" || receiver.text !== self) return false;
    deps.add(method);
    return true;
  }
  return chainRoot(receiver, self, locals, deps);
}

/** Methods of a datetime that read a part of it, in memory. */
const CLOCK_PARTS = new Set(["date", "time", "replace", "astimezone", "isoformat", "timestamp"]);

/** A call a chain method may make: a chain step, a method of `self`, super(), a lazy value. */
function isChainCall(
  call: SyntaxNode,
  self: string,
  deps: Set<string>,
  imports: ReadonlyMap<string, string>,
): boolean {
  const callee = call.childForFieldName("function");
  if (callee?.type === "identifier" && callee.text === "super") return true;
  if (callee?.type === "attribute") {
    const method = callee.childForFieldName("attribute")!.text;
    const receiver = callee.childForFieldName("object")!;
    if (CHAIN_STEPS.has(method)) return true;
    if (receiver.type === "identifier" && receiver.text === self && deps.has(method)) return true;
    // orm-review-7 S6 (`created_at__date=timezone.now().date()`): a part of a clock's reading.
    const clock = receiver.type === "call" ? receiver.childForFieldName("function") : null;
    if (clock && CLOCK_PARTS.has(method) && isLazyCall(clock, imports)) return true;
  }
  return !!callee && isLazyCall(callee, imports);
}

/**
 * The chain methods among `methods` (name -> dependencies) of classes taken together: those
 * whose dependencies are all chain methods or Django's own steps, found to a fixed point.
 */
export function resolvedChainMethods(methods: Record<string, string[]>): string[] {
  const chains = new Set(Object.keys(methods));
  for (let changed = true; changed;) {
    changed = false;
    for (const name of chains)
      if (!methods[name].every((d) => chains.has(d) || CHAIN_STEPS.has(d))) {
        chains.delete(name);
        changed = true;
      }
  }
  return [...chains].sort();
}
