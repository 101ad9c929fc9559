import type { SyntaxNode } from "../../src/model/types.js";

/*
 * Helpers whose blocking body runs once, not at each call: a cache in front of it, by decorator
 * or written by hand. blocking-calls does not follow them (hazard-review-5 J7, hazard-review-6 V14).
 */

/**
 * `@functools.lru_cache`, `@cache`, cachetools' `@cached(...)`, a project's `@closing_lru_cache(...)`:
 * the body runs once per distinct arguments in the process, and every later call is a dict
 * lookup; a blocking call there is a one-time cost, not a stall of each call (hazard-review-5 J7:
 * cognee's `create_cache_engine` making its folder, 68 sites). Not followed, for refusals too:
 * a miss, where the reviewer's reading found none.
 */
export function isCached(def: SyntaxNode): boolean {
  const statement = def.parent;
  if (memoizedByHand(def)) return true;
  if (statement?.type !== "decorated_definition") return false;
  return statement.namedChildren.some((d) => {
    if (d.type !== "decorator") return false;
    const name = d.text.slice(1).replace(/\(.*$/s, "").trim();
    return /^(?:functools\.)?(?:lru_cache|cache)$|\w*lru_cache$|^(?:cachetools\.)?cached$/.test(
      name,
    );
  });
}

/**
 * The same written by hand: `global _logger` then `if _logger is not None: return _logger` (or
 * `if _logger:`) before the first-call set-up (hazard-review-6 V14, xinference's audit logger).
 */
function memoizedByHand(def: SyntaxNode): boolean {
  const body = def.childForFieldName("body")?.namedChildren ?? [];
  const globals = new Set(
    body
      .filter((s) => s.type === "global_statement")
      .flatMap((s) => s.namedChildren.map((n) => n.text)),
  );
  return body.some((s) => {
    if (s.type !== "if_statement" || s.childForFieldName("alternative")) return false;
    const test = /^(\w+)(?:\s+is\s+not\s+None)?$/.exec(
      s.childForFieldName("condition")?.text ?? "",
    );
    const then = s.childForFieldName("consequence")?.namedChildren ?? [];
    return (
      !!test &&
      globals.has(test[1]) &&
      then.length === 1 &&
      then[0].type === "return_statement" &&
      then[0].namedChildren[0]?.text === test[1]
    );
  });
}
