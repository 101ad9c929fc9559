import type { QuerysetProof } from "../../src/django/orm.js";
import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { Problem, ScanMode } from "./types.js";

// Transactions and row locks need one connection held by one thread; Django's async queries each
// run through sync_to_async on their own, so none of them can become async (AS203).

const ATOMIC = "django.db.transaction.atomic";
const ON_COMMIT = "django.db.transaction.on_commit";

const SELECT_FOR_UPDATE =
  "select_for_update() locks rows only inside a transaction, which async queries do not join: keep this code sync, behind sync_to_async";

/** A call on a queryset that locks rows. */
export function lockProblem(node: SyntaxNode, qs: QuerysetProof): Problem {
  return { code: "AS203", node: qs.lockNode ?? node, message: SELECT_FOR_UPDATE };
}

/** A call on an unproven chain that spells select_for_update(). */
export function unprovenLockProblem(node: SyntaxNode): Problem {
  return { code: "AS203", node, message: SELECT_FOR_UPDATE };
}

export function isAtomic(file: FileSemantics, expr: SyntaxNode | null): boolean {
  if (!expr) return false;
  const callee = expr.type === "call" ? expr.childForFieldName("function") : expr;
  return !!callee && file.qualifiedName(callee) === ATOMIC;
}

/** `with transaction.atomic():` (one item of the with statement), reported at that item. */
export function atomicWithProblem(
  file: FileSemantics,
  statement: SyntaxNode,
  mode: ScanMode,
): Problem | undefined {
  // Its own items only: a `with` in its body (a nested sync def's) is judged where it is.
  const atomic = statement
    .descendantsOfType("with_item")
    .find(
      (item) =>
        item.parent?.parent?.id === statement.id && isAtomic(file, item.childForFieldName("value")),
    );
  if (!atomic) return undefined;
  return {
    code: "AS203",
    node: atomic,
    message:
      mode === "wrapper"
        ? "transaction.atomic does not cover native async queries: keep this function sync behind sync_to_async"
        : "transaction.atomic inside async def: async queries do not join the transaction; move the block into a sync function called with sync_to_async",
  };
}

/** A call by qualified name: `atomic()` itself is reported at its `with`, on_commit here. */
export function transactionCallProblem(call: SyntaxNode, qualified: string): Problem | undefined {
  if (qualified !== ON_COMMIT) return undefined;
  return {
    code: "AS203",
    node: call,
    message:
      "transaction.on_commit needs the sync transaction it belongs to: keep this code sync, behind sync_to_async",
  };
}

/** `@transaction.atomic` beside the wrapper decorator. */
export function atomicDecoratorProblem(
  decorator: SyntaxNode,
  qualified: string | undefined,
): Problem | undefined {
  if (qualified !== ATOMIC) return undefined;
  return {
    code: "AS203",
    node: decorator,
    message: "transaction.atomic does not cover native async queries",
  };
}

export function isAtomicName(qualified: string | undefined): boolean {
  return qualified === ATOMIC;
}
