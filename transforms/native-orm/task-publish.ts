import type { SyntaxNode } from "../../src/model/types.js";
import { projectTaskName, TASK_PUBLISH } from "../../src/project/celery-tasks.js";
import { lineOf } from "./state.js";
import type { OrmFile } from "./types.js";

/**
 * orm-human-8 K8: `index_experiment.delay(pk)` of a project Celery task: what it does, said. It
 * publishes a message to the broker, blocking network I/O that Celery gives no async form, and no
 * Django ORM work: a thread is where it belongs.
 */
export function taskPublishSaid(callee: SyntaxNode, task: string, which = false): string {
  return `${callee.text.replace(/\s+/g, "")}()${which ? ", which" : ""} publishes the Celery task ${task} to its broker: blocking network I/O that Celery gives no async form (not Django ORM work)`;
}

/** The first `task.delay(...)` / `task.apply_async(...)` of a project Celery task in `region`. */
export function taskPublishIn(
  f: OrmFile,
  region: SyntaxNode,
): { call: SyntaxNode; said: string } | undefined {
  for (const call of region.descendantsOfType("call")) {
    const callee = call.childForFieldName("function")!;
    const object = callee.type === "attribute" ? callee.childForFieldName("object") : null;
    const method = callee.childForFieldName("attribute")?.text ?? "";
    const task = object && TASK_PUBLISH.has(method) && projectTaskName(f.file, f.ctx, object);
    if (task) return { call, said: taskPublishSaid(callee, task) };
  }
  return undefined;
}

/**
 * A kept wrapper's reason when `region` publishes a project Celery task (and the caller found no
 * ORM work): the publish named, AS215. `head` says who runs it (`@sync_to_async wrapper f()`).
 */
export function publishReason(
  f: OrmFile,
  region: SyntaxNode,
  head: string,
): { code: "AS215"; message: string } | undefined {
  const publish = taskPublishIn(f, region);
  if (!publish) return undefined;
  return {
    code: "AS215",
    message: `${head}: line ${lineOf(publish.call)}: ${publish.said}: it stays a thread wrapper`,
  };
}

/** `sync_to_async(index_experiment.delay)`: a project Celery task's publish, wrapped: said. */
export function publishedTarget(
  f: OrmFile,
  target: SyntaxNode,
  written: string,
): { code: "AS215"; message: string } | undefined {
  const object = target.type === "attribute" ? target.childForFieldName("object") : null;
  const method = target.childForFieldName("attribute")?.text ?? "";
  const task = object && TASK_PUBLISH.has(method) && projectTaskName(f.file, f.ctx, object);
  if (!task) return undefined;
  return {
    code: "AS215",
    message: `${written} runs ${taskPublishSaid(target, task, true)}: it stays a thread wrapper`,
  };
}
