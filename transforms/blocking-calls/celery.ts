import { projectTaskName as taskName } from "../../src/project/celery-tasks.js";
import { isAsyncFunction } from "../../src/python/shapes.js";
import type { Context, FileSemantics, SyntaxNode } from "../../src/model/types.js";

/*
 * Celery inside `async def` (hazard-review-4 K14: SurfSense's 32 `.delay()` sites, ecoindex's
 * task routes). `task.delay(...)` / `task.apply_async(...)` publish the message to the broker
 * synchronously: a network round trip, retried for seconds when the broker is down. A short
 * block most services accept, so an info with the thread form. `AsyncResult.get()` / `.wait()`
 * wait for the task to finish, polling the result backend: a real stall, a warning. Reading
 * `state`, `status`, `result`, `ready()` or `successful()` is one round trip to the backend (info).
 * The task is known from the project index: a def decorated `@shared_task`, `@app.task`,
 * `@celery.task` (any `<name>.task`).
 */

const PUBLISH = new Set(["delay", "apply_async"]);
const WAITS = new Set(["get", "wait"]);
const READS = new Set(["state", "status", "result", "ready", "successful", "failed"]);
const ASYNC_RESULT = new Set(["celery.result.AsyncResult", "celery.AsyncResult"]);

export interface CelerySite {
  node: SyntaxNode;
  /** AS318: a publish or a backend read (info); AS317: a wait for the task (warning). */
  code: "AS317" | "AS318";
  message: string;
  suggestion?: string;
}

/** A quick look before the parse: the file names a Celery call at all. */
export const CELERY_WORDS = /\b(?:delay|apply_async|AsyncResult)\b/;

/** The Celery publishes, backend reads and result waits written in the file's `async def`s. */
export function celerySites(file: FileSemantics, ctx: Context): CelerySite[] {
  const sites: CelerySite[] = [];
  for (const node of file.root.descendantsOfType("attribute")) {
    const fn = file.enclosingFunction(node);
    if (!fn || !isAsyncFunction(fn)) continue;
    const name = node.childForFieldName("attribute")!.text;
    const object = node.childForFieldName("object")!;
    const call =
      node.parent?.type === "call" && node.parent.childForFieldName("function")?.id === node.id
        ? node.parent
        : undefined;
    if (call && call.parent?.type === "await") continue;
    if (call && PUBLISH.has(name)) {
      const task = taskName(file, ctx, object);
      if (task) sites.push(publish(call, node, task));
    } else if (call && WAITS.has(name) && isTaskResult(file, ctx, object)) {
      sites.push({
        node: call,
        code: "AS317",
        message: `${node.text}() in async def waits for the Celery task to finish, polling the result backend: the event loop stops until the worker is done; await asyncio.to_thread(${node.text}, ...) instead, or poll ${object.text}.ready() between await asyncio.sleep(...) calls`,
        suggestion: `await asyncio.to_thread(${node.text}${argumentsAfter(call)})`,
      });
    } else if (READS.has(name) && (call || !["ready", "successful", "failed"].includes(name)))
      if (isTaskResult(file, ctx, object))
        sites.push({
          node: call ?? node,
          code: "AS318",
          message: `${node.text}${call ? "()" : ""} in async def reads the Celery result backend synchronously: one round trip that blocks the event loop (a short block most services accept; await asyncio.to_thread(...) avoids it)`,
        });
  }
  return sites;
}

function publish(call: SyntaxNode, callee: SyntaxNode, task: string): CelerySite {
  return {
    node: call,
    code: "AS318",
    message: `${callee.text}() in async def publishes the Celery task ${task} to the broker synchronously: a network round trip that blocks the event loop (retried for seconds when the broker is down); run it in a thread, or accept the short block`,
    suggestion: `await asyncio.to_thread(${callee.text}${argumentsAfter(call)})`,
  };
}

/** `, url, priority=2` for a call `f(url, priority=2)`: its arguments after a first one. */
function argumentsAfter(call: SyntaxNode): string {
  const inner = call.childForFieldName("arguments")!.text.slice(1, -1).trim();
  return inner ? `, ${inner}` : "";
}

/**
 * A Celery result: `AsyncResult(...)` (celery's), `task.AsyncResult(...)`, a task's `delay(...)`
 * or `apply_async(...)`, or a name bound once in the def to one of these.
 */
function isTaskResult(file: FileSemantics, ctx: Context, node: SyntaxNode): boolean {
  if (node.type === "identifier") {
    const bindings = file.visibleBindings(node, node.text);
    const assignment = bindings.length === 1 ? bindings[0].node.parent : undefined;
    const right = assignment?.type === "assignment" ? assignment.childForFieldName("right") : null;
    return right ? makesResult(file, ctx, right) : false;
  }
  return makesResult(file, ctx, node);
}

function makesResult(file: FileSemantics, ctx: Context, value: SyntaxNode): boolean {
  if (value.type !== "call") return false;
  const fn = value.childForFieldName("function")!;
  if (ASYNC_RESULT.has(file.qualifiedName(fn) ?? "")) return true;
  if (fn.type !== "attribute") return false;
  const name = fn.childForFieldName("attribute")!.text;
  const object = fn.childForFieldName("object")!;
  return (PUBLISH.has(name) || name === "AsyncResult") && taskName(file, ctx, object) !== undefined;
}
