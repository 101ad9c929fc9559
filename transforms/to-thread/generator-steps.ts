import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { CallFact } from "./loop-hazards.js";
import { argumentAfterTarget, argumentsOf, type Target } from "./sites.js";

/*
 * `next(it)` runs the body of the generator `it` holds, up to its next `yield`: xinference's
 * `await asyncio.to_thread(next, page_iter, None)` renders a PDF page under a module
 * `threading.Lock` in the generator `rasterize_pdf(...)` returned, and `_wrapper(_gen)`'s
 * `next(_gen)` waits for a model's generation thread (hazard-review-6 V4, V5: both unwrapped in
 * the safe run, `next` being "not this project's"). The check reads the function that made the
 * generator; a generator of unknown origin is code it cannot read, and refuses: a value a body
 * steps with `next()` is a generator, or an iterator as good as one, far more often the
 * project's than a library's (hazard-review-6 V5, still unwrapped with --unsafe-fixes).
 */

/** The builtin `next`, not a name of the file's own. */
function isBuiltinNext(file: FileSemantics, fn: SyntaxNode): boolean {
  return (
    fn.type === "identifier" && fn.text === "next" && file.visibleBindings(fn, "next").length === 0
  );
}

/**
 * The iterator a thread site steps: `to_thread(next, it)`, `partial(next, it)`, `lambda:
 * next(it)`; undefined when the site runs something else.
 */
export function siteIterator(
  file: FileSemantics,
  target: Target,
  call: SyntaxNode,
): SyntaxNode | undefined {
  if (!isBuiltinNext(file, target.fn)) return undefined;
  return argumentAfterTarget(target, call);
}

/** The iterator a call in a body steps (`next(_gen)`, `_gen.__next__()`), if it steps one. */
export function steppedIterator(
  file: FileSemantics,
  callee: SyntaxNode,
  call: SyntaxNode,
): SyntaxNode | undefined {
  if (isBuiltinNext(file, callee)) return argumentsOf(call)[0];
  const method = callee.type === "attribute" ? callee.childForFieldName("attribute") : null;
  return method?.text === "__next__"
    ? (callee.childForFieldName("object") ?? undefined)
    : undefined;
}

/**
 * The callee whose call made the value `it` holds at `at` (`page_iter = rasterize_pdf(...)`,
 * `= await asyncio.to_thread(rasterize_pdf, ...)`, `next(make_gen())`), or undefined (a
 * parameter, a queue's item, a loop variable: not known here).
 */
export function producerOf(
  file: FileSemantics,
  it: SyntaxNode,
  at: SyntaxNode,
): SyntaxNode | undefined {
  if (it.type === "call") return it.childForFieldName("function") ?? undefined;
  if (it.type !== "identifier") return undefined;
  const bindings = file.visibleBindings(at, it.text);
  const made = bindings.map((b) => {
    const assignment = b.node.parent;
    let right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
    if (right?.type === "await") right = threadRunTarget(file, right);
    if (right?.type === "call") return right.childForFieldName("function");
    // `gen = queue_item[0]`, a parameter: made out of sight.
    return right?.type === "identifier" || right?.type === "attribute" ? right : null;
  });
  const first = made[0];
  return first && made.every((m) => m?.text === first.text) ? first : undefined;
}

/** `await asyncio.to_thread(f, ...)` -> a node for `f(...)`'s callee: the call `f` stands for. */
function threadRunTarget(file: FileSemantics, awaited: SyntaxNode): SyntaxNode | null {
  const call = awaited.namedChildren[0];
  const fn = call?.type === "call" ? call.childForFieldName("function") : null;
  if (!fn || file.qualifiedName(fn) !== "asyncio.to_thread") return call ?? null;
  return argumentsOf(call!)[0] ?? null;
}

/**
 * The fact of a call that steps a generator: the producer's own fact (what it runs is what the
 * generator runs), or, produced out of sight, a call the check cannot follow.
 */
export function steppingFact(
  file: FileSemantics,
  it: SyntaxNode,
  at: SyntaxNode,
  factOf: (callee: SyntaxNode, at: SyntaxNode) => CallFact,
): CallFact | undefined {
  // `next(v for v in rows if ...)`: a generator expression's body is the function's own code.
  if (it.type === "generator_expression") return undefined;
  const producer = producerOf(file, it, at);
  const text = `${it.text}.__next__`;
  // Made out of sight: refused (unknownStep), even with --unsafe-fixes (V5: xinference's
  // `next(_gen)` of a queue's item waits for a model's generation thread).
  if (!producer) return { text, method: "__next__", unknownStep: true };
  const fact = factOf(producer, at);
  // A library's or a builtin's iterator (`iter(rows)`, `csv.reader(f)`): taken as it was.
  if (!fact.reaches) return undefined;
  return { ...fact, text: producer.text };
}
