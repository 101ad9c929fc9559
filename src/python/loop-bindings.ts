import { isAsyncFunction } from "./shapes.js";
import type { FileSemantics, SyntaxNode } from "../model/types.js";

/**
 * `loop = asyncio.get_running_loop()` left with no reader once a rewrite took away its last use
 * (`await loop.run_in_executor(None, f, x)` -> `f(x)`: ruff F841 three times on OpenHands after
 * `--write`, hazard-review L1). The statement goes, as a careful engineer would remove it, and
 * the getter's own references go with it, so that an `import asyncio` it was the last use of goes
 * too. `get_event_loop()` only inside `async def`: there it returns the running loop, while in
 * sync code it may create and set one, an effect the module could rely on.
 */
const RUNNING_LOOP = "asyncio.get_running_loop";
const EVENT_LOOP = "asyncio.get_event_loop";

export interface UnusedLoop {
  /** The `loop = asyncio.get_running_loop()` statement. */
  statement: SyntaxNode;
  /** The getter's leftmost name (`asyncio`), a reference the removal drops. */
  dropped: SyntaxNode[];
}

/** The loop variables whose every read is among `gone`, the references the applied edits drop. */
export function unusedLoopVariables(
  file: FileSemantics,
  dropped: readonly SyntaxNode[],
): UnusedLoop[] {
  const gone = new Set(dropped.map((n) => n.id));
  const found = new Map<number, UnusedLoop>();
  for (const reference of dropped) {
    if (reference.type !== "identifier") continue;
    const fn = file.enclosingFunction(reference);
    if (fn?.type !== "function_definition") continue;
    const bindings = file.bindingsNamed(fn, reference.text);
    const assignment = bindings.length === 1 ? bindings[0].node.parent : undefined;
    const statement = assignment?.parent;
    if (
      assignment?.type !== "assignment" ||
      assignment.childForFieldName("left")?.id !== bindings[0].node.id ||
      assignment.childForFieldName("type") ||
      statement?.type !== "expression_statement" ||
      found.has(statement.id)
    )
      continue;
    const getter = loopGetter(file, assignment.childForFieldName("right"), fn);
    if (!getter || declaredOutside(fn, reference.text)) continue;
    const reads = file
      .referencesInScope(fn, reference.text)
      .filter((r) => r.id !== bindings[0].node.id);
    if (reads.every((r) => gone.has(r.id)))
      found.set(statement.id, { statement, dropped: [getter] });
  }
  return [...found.values()];
}

/** `asyncio.get_running_loop()` (and `get_event_loop()` in async def): the `asyncio` name. */
function loopGetter(
  file: FileSemantics,
  right: SyntaxNode | null,
  fn: SyntaxNode,
): SyntaxNode | undefined {
  const callee = right?.type === "call" ? right.childForFieldName("function") : undefined;
  if (!callee || right!.childForFieldName("arguments")?.namedChildren.length) return undefined;
  const qualified = file.qualifiedName(callee);
  if (qualified !== RUNNING_LOOP && !(qualified === EVENT_LOOP && isAsyncFunction(fn)))
    return undefined;
  let root: SyntaxNode | null = callee;
  while (root?.type === "attribute") root = root.childForFieldName("object");
  return root?.type === "identifier" ? root : undefined;
}

/** `global loop` / `nonlocal loop`: the assignment binds another scope's name, read elsewhere. */
function declaredOutside(fn: SyntaxNode, name: string): boolean {
  return fn
    .descendantsOfType(["global_statement", "nonlocal_statement"])
    .some((s) => s.namedChildren.some((n) => n.text === name));
}
