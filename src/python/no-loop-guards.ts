import type { SyntaxNode } from "../model/types.js";

/*
 * Code that runs only when no event loop is running in the thread: the `except RuntimeError` arm
 * of a `try` whose body asks `asyncio.get_running_loop()` (which raises RuntimeError exactly when
 * no loop runs). An `asyncio.run(...)` there never meets a running loop (hazard-review-5 J9,
 * cognee's `closing_lru_cache.py`: "No running loop: run to completion now").
 */

/**
 * Does `node` sit, inside `fn`, in the `except RuntimeError` arm of such a `try`, or after a
 * `try` whose `else:` raises (`try: get_running_loop() / except RuntimeError: pass / else: raise
 * RuntimeError("... await arun_rollouts instead")`: hazard-review-7 Y3, agno's `run_rollouts`)?
 */
export function runsOnlyWithoutLoop(node: SyntaxNode, fn: SyntaxNode): boolean {
  const loops = loopNames(fn);
  for (let child = node, at = node.parent; at && at.id !== fn.id; child = at, at = at.parent) {
    if (at.type === "block" && refusedBefore(at, child)) return true;
    if (at.type === "block" && (leftBefore(at, child, loops) || inNoLoopBranch(at, loops)))
      return true;
    if (at.type !== "except_clause" || !catchesRuntimeError(at)) continue;
    const body = at.parent?.type === "try_statement" ? at.parent.childForFieldName("body") : null;
    if (body && asksRunningLoop(body)) return true;
  }
  return false;
}

/** A statement of `block` before `statement`: a `try` whose `else:` raises when a loop runs. */
function refusedBefore(block: SyntaxNode, statement: SyntaxNode): boolean {
  for (const earlier of block.namedChildren) {
    if (earlier.id === statement.id || earlier.startIndex >= statement.startIndex) return false;
    if (earlier.type !== "try_statement") continue;
    const body = earlier.childForFieldName("body");
    const clauses = earlier.namedChildren;
    const otherwise = clauses.find((c) => c.type === "else_clause");
    const raises = otherwise?.namedChildren
      .find((c) => c.type === "block")
      ?.namedChildren.at(-1)?.type;
    if (
      body &&
      asksRunningLoop(body) &&
      raises === "raise_statement" &&
      clauses.some((c) => c.type === "except_clause" && catchesRuntimeError(c))
    )
      return true;
  }
  return false;
}

/** `except RuntimeError:`, `except RuntimeError as e:`, `except (RuntimeError, ValueError):`. */
function catchesRuntimeError(clause: SyntaxNode): boolean {
  const caught = clause.namedChildren.find((c) => c.type !== "block" && c.type !== "comment");
  return !!caught && /\bRuntimeError\b/.test(caught.text);
}

/** A call of `get_running_loop()` (`asyncio.get_running_loop()` or the bare imported name). */
export function asksRunningLoop(block: SyntaxNode): boolean {
  return block.descendantsOfType("call").some((call) => {
    const callee = call.childForFieldName("function");
    const name =
      callee?.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee?.text;
    return name === "get_running_loop";
  });
}

/*
 * The guards crewAI writes (hazard-review-8 Y17): a name that holds the running loop or None
 *
 *     try:
 *         loop = asyncio.get_running_loop()
 *     except RuntimeError:
 *         loop = None
 *
 * tested before `asyncio.run` (`if loop and loop.is_running(): ...; return`, `if loop is not
 * None: raise ...`, `if loop is None: asyncio.run(...)`), and a helper that answers whether a
 * loop runs (`if is_inside_event_loop(): <a thread> else: asyncio.run(coro)`).
 */

/** The names `fn` binds to `get_running_loop()` in a `try` whose `except RuntimeError` sets None. */
function loopNames(fn: SyntaxNode): Set<string> {
  const names = new Set<string>();
  for (const statement of fn.descendantsOfType("try_statement")) {
    const body = statement.childForFieldName("body");
    for (const assignment of body?.descendantsOfType("assignment") ?? []) {
      const right = assignment.childForFieldName("right");
      const left = assignment.childForFieldName("left");
      if (left?.type !== "identifier" || right?.type !== "call" || !asksRunningLoop(assignment))
        continue;
      const cleared = statement.namedChildren.some(
        (c) =>
          c.type === "except_clause" &&
          catchesRuntimeError(c) &&
          c
            .descendantsOfType("assignment")
            .some(
              (a) =>
                a.childForFieldName("left")?.text === left.text &&
                a.childForFieldName("right")?.type === "none",
            ),
      );
      if (cleared) names.add(left.text);
    }
  }
  return names;
}

/** A statement of `block` before `statement`: `if <a loop runs>:` whose body returns or raises. */
function leftBefore(block: SyntaxNode, statement: SyntaxNode, loops: Set<string>): boolean {
  for (const earlier of block.namedChildren) {
    if (earlier.id === statement.id || earlier.startIndex >= statement.startIndex) return false;
    if (earlier.type !== "if_statement") continue;
    const test = earlier.childForFieldName("condition");
    const body = earlier.childForFieldName("consequence");
    if (test && body && loopTest(test, loops) && exits(body)) return true;
  }
  return false;
}

/** A block whose last statement returns or raises (also inside a `with`). */
function exits(block: SyntaxNode): boolean {
  const last = block.namedChildren.filter((c) => c.type !== "comment").at(-1);
  if (last?.type === "return_statement" || last?.type === "raise_statement") return true;
  const inner = last?.type === "with_statement" ? last.childForFieldName("body") : null;
  return !!inner && exits(inner);
}

/** `if <no loop>:` body, or the `elif` / `else` of `if <a loop runs>:`. */
function inNoLoopBranch(block: SyntaxNode, loops: Set<string>): boolean {
  const owner = block.parent;
  if (owner?.type === "if_statement" || owner?.type === "elif_clause") {
    const test = owner.childForFieldName("condition");
    if (owner.childForFieldName("consequence")?.id === block.id && test && noLoopTest(test, loops))
      return true;
  }
  const branch = owner?.type === "else_clause" || owner?.type === "elif_clause" ? owner : null;
  const test =
    branch?.parent?.type === "if_statement" && branch.parent.childForFieldName("condition");
  return !!test && loopTest(test, loops);
}

/** True only while a loop runs: `loop`, `loop is not None`, `loop and loop.is_running()`, a helper. */
function loopTest(test: SyntaxNode, loops: Set<string>): boolean {
  if (test.type === "parenthesized_expression") return loopTest(test.namedChildren[0], loops);
  if (test.type === "identifier") return loops.has(test.text);
  if (test.type === "boolean_operator" && test.childForFieldName("operator")?.text === "and")
    return [test.childForFieldName("left"), test.childForFieldName("right")].some(
      (side) => !!side && loopTest(side, loops),
    );
  const text = test.text.replace(/\s+/g, " ");
  const [name] = /^[\w.]+/.exec(text) ?? [""];
  if (/^(?:asyncio\.)?_get_running_loop\(\) is not None$/.test(text)) return true;
  if (text === `${name} is not None`) return loops.has(name);
  if (/^\w+\.is_running\(\)$/.test(text)) return loops.has(name.split(".")[0]);
  return test.type === "call" && loopHelper(test);
}

/** True only when no loop runs: `not <loop test>`, `loop is None`. */
function noLoopTest(test: SyntaxNode, loops: Set<string>): boolean {
  if (test.type === "parenthesized_expression") return noLoopTest(test.namedChildren[0], loops);
  if (test.type === "not_operator") {
    const operand = test.childForFieldName("argument");
    return !!operand && loopTest(operand, loops);
  }
  const match = /^(\w+) is None$/.exec(test.text.replace(/\s+/g, " "));
  return !!match && loops.has(match[1]);
}

/** Helpers named for the question they answer: `is_inside_event_loop()`, `in_event_loop()`. */
const LOOP_HELPER =
  /^_*(?:is_)?(?:inside|in|within|running_in)_(?:an?_)?(?:running_)?(?:event_)?loop$/;

/**
 * `is_inside_event_loop()`: a call without arguments of a def of this file that returns True in
 * a `try` asking `get_running_loop()` and False in its `except RuntimeError`, or of a function
 * named for that question (imported from the project: its body is not read here).
 */
function loopHelper(call: SyntaxNode): boolean {
  const callee = call.childForFieldName("function");
  if (call.childForFieldName("arguments")?.namedChildren.length !== 0 || !callee) return false;
  const name =
    callee.type === "attribute" ? callee.childForFieldName("attribute")!.text : callee.text;
  let root: SyntaxNode = call;
  while (root.parent) root = root.parent;
  const def = root.namedChildren
    .map((c) => (c.type === "decorated_definition" ? c.childForFieldName("definition") : c))
    .find((c) => c?.type === "function_definition" && c.childForFieldName("name")?.text === name);
  if (!def) return LOOP_HELPER.test(name);
  return def.descendantsOfType("try_statement").some((t) => {
    const body = t.childForFieldName("body");
    const answers = (node: SyntaxNode | null | undefined, value: string) =>
      !!node?.descendantsOfType("return_statement").some((r) => r.namedChildren[0]?.text === value);
    return (
      !!body &&
      asksRunningLoop(body) &&
      answers(body, "True") &&
      t.namedChildren.some(
        (c) => c.type === "except_clause" && catchesRuntimeError(c) && answers(c, "False"),
      )
    );
  });
}
