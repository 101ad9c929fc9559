import type { Context, FileSemantics, SyntaxNode } from "../model/types.js";
import { importedCalleeName } from "../python/relative-imports.js";
import { functionsNamed } from "./index-lookup.js";

// Celery tasks of the project, known from the project index: a def decorated `@shared_task`,
// `@app.task`, `@celery.task` (any `<name>.task`). `task.delay(...)` / `task.apply_async(...)`
// publish a message to the broker synchronously: network I/O with no async form in Celery.

const TASK_DECORATOR = /(^|\.)(shared_task|task)$/;

/** The methods of a task that publish it to the broker. */
export const TASK_PUBLISH = new Set(["delay", "apply_async"]);

/** The project task a name stands for (`analyse`, `tasks.analyse`), by its decorator: `name (path:line)`. */
export function projectTaskName(
  file: FileSemantics,
  ctx: Context,
  node: SyntaxNode,
): string | undefined {
  if (node.type !== "identifier" && node.type !== "attribute") return undefined;
  const name = node.text.slice(node.text.lastIndexOf(".") + 1);
  const index = ctx.project.index;
  if (!index) return undefined;
  const imported = importedCalleeName(file, node);
  const module = imported
    ? imported.slice(0, imported.lastIndexOf("."))
    : node.type === "identifier"
      ? file.module
      : undefined;
  if (module === undefined) return undefined;
  const task = functionsNamed(index, name).find(
    (f) =>
      !f.className &&
      !f.nested &&
      (f.module === module || f.module.endsWith(`.${module}`) || f.module.endsWith(`/${module}`)) &&
      f.decorators.some((d) => TASK_DECORATOR.test(d)),
  );
  return task ? `${task.name} (${task.path}:${task.line})` : undefined;
}
