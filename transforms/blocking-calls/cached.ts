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
  const globals = globalNames(def);
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

/**
 * A memo's first-call branch: `if not cls._live_providers:` (or `if X is None:`) whose body
 * assigns that same class attribute (`cls.<x>`, `<Class>.<x>`) or module global (`global _x`)
 * runs once per process; every later call skips it (hazard-review-6 V14, gpt4free's
 * `AbstractClientFactory.create_provider` reading its providers file, 10 sites; the
 * `if not cls.models:` of each provider's `get_models`). A helper's calls there are not followed.
 * An instance's `self.<x>` is not one: the instance may be made per request.
 */
export function inFirstCallBranch(call: SyntaxNode, def: SyntaxNode): boolean {
  const globals = globalNames(def);
  for (let child = call, at = call.parent; at && at.id !== def.id; child = at, at = at.parent) {
    if (at.type !== "if_statement" || at.childForFieldName("consequence")?.id !== child.id)
      continue;
    const memo = memoTested(at.childForFieldName("condition")?.text ?? "");
    const tested = memo?.name;
    const held = tested && (globals.has(tested) || /^(?:cls|[A-Z]\w*)\.[A-Za-z_]\w*$/.test(tested));
    if (held && assigns(child, tested, memo.key)) return true;
  }
  return false;
}

/**
 * `not X`, `X is None`, `X == None`: the memo `X` the test reads as unset; `X != url`: a memo
 * keyed by `url` (Pollinations' `if cls.current_models_endpoint != models_url:`), set to it.
 */
function memoTested(condition: string): { name: string; key?: string } | undefined {
  const test = condition.trim();
  const unset = /^not\s+([\w.]+)$/.exec(test) ?? /^([\w.]+)\s+(?:is|==)\s+None$/.exec(test);
  if (unset) return { name: unset[1] };
  const keyed = /^([\w.]+)\s*!=\s*([\w.]+)$/.exec(test);
  return keyed ? { name: keyed[1], key: keyed[2] } : undefined;
}

/** Does the block assign `target` (`cls._x = ...`, `_x = ...`; to `key` if given) anywhere? */
function assigns(block: SyntaxNode, target: string, key?: string): boolean {
  return block
    .descendantsOfType("assignment")
    .some(
      (a) =>
        a.childForFieldName("left")?.text.replace(/\s+/g, "") === target &&
        (key === undefined || a.childForFieldName("right")?.text === key),
    );
}

/** The names a def declares `global`. */
function globalNames(def: SyntaxNode): Set<string> {
  const body = def.childForFieldName("body")?.namedChildren ?? [];
  return new Set(
    body
      .filter((s) => s.type === "global_statement")
      .flatMap((s) => s.namedChildren.map((n) => n.text)),
  );
}

/**
 * `@async_dispatch(aload_from_ref)` over a sync def (prefect): a decorator given an `async def`
 * of the same module or class, whose wrapper runs that implementation when a loop is running
 * (hazard-review-7 Y8). Its name, so a call on the loop is known to return a coroutine.
 */
export function asyncDispatched(root: SyntaxNode, def: SyntaxNode): string | undefined {
  const statement = def.parent;
  if (statement?.type !== "decorated_definition") return undefined;
  const owner = statement.parent?.type === "block" ? statement.parent.parent : undefined;
  const scope = owner?.type === "class_definition" ? owner : root;
  for (const decorator of statement.namedChildren) {
    const call = decorator.type === "decorator" ? decorator.namedChildren[0] : undefined;
    const first =
      call?.type === "call" ? call.childForFieldName("arguments")?.namedChildren[0] : undefined;
    if (first?.type !== "identifier") continue;
    const impl = definitionIn(scope, first.text);
    if (impl && /^async\b/.test(impl.text)) return first.text;
  }
  return undefined;
}

/** A def of `scope`'s own body (a module or a class), decorated or not. */
function definitionIn(scope: SyntaxNode, name: string): SyntaxNode | undefined {
  const body = scope.type === "module" ? scope : scope.childForFieldName("body");
  for (const statement of body?.namedChildren ?? []) {
    const def =
      statement.type === "decorated_definition"
        ? statement.childForFieldName("definition")
        : statement;
    if (def?.type === "function_definition" && def.childForFieldName("name")?.text === name)
      return def;
  }
  return undefined;
}
