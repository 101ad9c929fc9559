import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import { keepsCoroutine, yields } from "./keeping.js";
import { HTTP_METHODS } from "../../src/python/http-methods.js";

/*
 * Project decorators that keep a coroutine function a coroutine function: letta's
 * `trace_method` (hazard-review-3 H15) returns an `async def` wrapper when
 * `inspect.iscoroutinefunction(func)`, a plain one otherwise; nearly every letta service method
 * wears it, and every call of one was invisible. Read from the decorator's own body: each of its
 * returns, for a coroutine function, is an `async def` it defines (not an async generator).
 */

function statementsOf(block: SyntaxNode | null): SyntaxNode[] {
  return block?.namedChildren ?? [];
}

function unwrapped(statement: SyntaxNode): SyntaxNode {
  return statement.type === "decorated_definition"
    ? (statement.childForFieldName("definition") ?? statement)
    : statement;
}

/** `inspect.iscoroutinefunction(func)` / `asyncio.iscoroutinefunction(func)`. */
function testsCoroutine(condition: SyntaxNode | null, param: string): boolean {
  const callee = condition?.type === "call" ? condition.childForFieldName("function") : null;
  const args = condition?.childForFieldName("arguments")?.namedChildren ?? [];
  return (
    !!callee &&
    /(^|\.)iscoroutinefunction$/.test(callee.text) &&
    args.length === 1 &&
    args[0].text === param
  );
}

/** The `async def`s (not generators) defined in a block or in the `if` blocks it holds. */
function asyncDefsIn(body: SyntaxNode): Set<string> {
  const names = new Set<string>();
  const visit = (block: SyntaxNode | null) => {
    for (const statement of statementsOf(block)) {
      const def = unwrapped(statement);
      if (def.type === "function_definition" && /^async\b/.test(def.text) && !yields(def))
        names.add(def.childForFieldName("name")!.text);
      if (def.type === "if_statement") visit(def.childForFieldName("consequence"));
    }
  };
  visit(body);
  return names;
}

/** The `return` statements of a def's own body (nested defs and classes are their own). */
function ownReturns(node: SyntaxNode, out: SyntaxNode[] = []): SyntaxNode[] {
  for (const c of node.namedChildren) {
    if (c.type === "return_statement") out.push(c);
    else if (!["function_definition", "class_definition", "lambda"].includes(c.type))
      ownReturns(c, out);
  }
  return out;
}

/** `if iscoroutinefunction(func): ... return async_wrapper` (no else), ending in that return. */
function asyncBranch(statement: SyntaxNode, param: string, asyncDefs: Set<string>): boolean {
  if (statement.type !== "if_statement" || statement.childForFieldName("alternative")) return false;
  if (!testsCoroutine(statement.childForFieldName("condition"), param)) return false;
  const last = statementsOf(statement.childForFieldName("consequence")).at(-1);
  const value = last?.type === "return_statement" ? last.namedChildren[0] : undefined;
  return value?.type === "identifier" && asyncDefs.has(value.text);
}

/**
 * Does the decorator `def` (taking the function as its one parameter) return an `async def`
 * wrapper for every coroutine function? Its returns are an async wrapper, `async_wrapper if
 * iscoroutinefunction(func) else sync_wrapper`, or come after an `if iscoroutinefunction(func):`
 * block that returns the async wrapper.
 */
export function keepsCoroutines(def: SyntaxNode): boolean {
  const params = def.childForFieldName("parameters")?.namedChildren ?? [];
  if (params.length !== 1 || params[0].type !== "identifier" || /^async\b/.test(def.text))
    return false;
  const param = params[0].text;
  const body = def.childForFieldName("body")!;
  const asyncDefs = asyncDefsIn(body);
  const returns = ownReturns(body);
  if (asyncDefs.size === 0 || returns.length === 0) return false;
  const top = statementsOf(body);
  return returns.every((r) => {
    const value = r.namedChildren[0];
    if (value?.type === "identifier" && asyncDefs.has(value.text)) return true;
    if (value?.type === "conditional_expression") {
      const [then, condition] = value.namedChildren;
      return testsCoroutine(condition, param) && asyncDefs.has(then.text);
    }
    // A sync wrapper returned after the coroutine functions' branch has returned.
    const at = top.findIndex((s) => s.startIndex <= r.startIndex && r.endIndex <= s.endIndex);
    return top.slice(0, Math.max(at, 0)).some((s) => asyncBranch(s, param, asyncDefs));
  });
}

/** FastAPI's route decorators: they register the endpoint and return it unchanged. */
const ROUTE_METHODS = new Set([...HTTP_METHODS, "api_route", "websocket"]);
const ROUTERS = new Set(["fastapi.APIRouter", "fastapi.FastAPI", "fastapi.routing.APIRouter"]);

/**
 * `@router.post("/events/{id}/plus")` where `router = APIRouter(...)` (or `app = FastAPI(...)`) at
 * module level: the route stays the coroutine function it was (hazard-review-4 K5, frigate's
 * `send_to_plus`, a route the same file also calls).
 */
function routeDecorator(file: FileSemantics, expr: SyntaxNode): boolean {
  const callee = expr.type === "call" ? expr.childForFieldName("function") : null;
  const router = callee?.type === "attribute" ? callee.childForFieldName("object") : null;
  if (router?.type !== "identifier") return false;
  if (!ROUTE_METHODS.has(callee!.childForFieldName("attribute")!.text)) return false;
  const bound = file.bindingsNamed(file.root, router.text);
  const assignment = bound.length === 1 ? bound[0].node.parent : undefined;
  const made = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
  const maker = made?.type === "call" ? made.childForFieldName("function") : null;
  return !!maker && ROUTERS.has(file.qualifiedName(maker) ?? "");
}

/**
 * Do the decorators of `def` keep it a coroutine function: each one of the known ones
 * (keeping.ts), or a project decorator (a plain name, no arguments) that keeps coroutines, of
 * this file or, as the survey read it, of another module (`surveyed` asks by the name used).
 */
export function decoratorsKeep(
  file: FileSemantics,
  def: SyntaxNode,
  surveyed: (name: SyntaxNode) => boolean,
): boolean {
  const decorated = def.parent?.type === "decorated_definition" ? def.parent : undefined;
  const decorators = (decorated?.namedChildren ?? []).filter((c) => c.type === "decorator");
  return decorators.every((d) => {
    const expr = d.namedChildren.find((c) => c.type !== "comment");
    if (!expr) return false;
    if (keepsCoroutine([expr.text.replace(/\(.*$/s, "")]) && expr.type !== "call") return true;
    if (routeDecorator(file, expr)) return true;
    if (expr.type !== "identifier") return false;
    const bound = file.visibleBindings(expr, expr.text);
    if (bound.length === 1 && bound[0].kind === "import") return surveyed(expr);
    const decorator = bound.length === 1 ? bound[0].node.parent : undefined;
    return (
      decorator?.type === "function_definition" &&
      decorator.parent?.type === "module" &&
      keepsCoroutines(decorator)
    );
  });
}
