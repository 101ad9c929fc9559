import type { FileSemantics, SyntaxNode } from "../../src/model/types.js";
import type { CallFact } from "./loop-hazards.js";
import { argumentsOf, isPositional, type Site, type Target } from "./sites.js";

/*
 * `await asyncio.to_thread(ctx.run, method, *args)` with `ctx = contextvars.copy_context()`: the
 * context runs `method` there and then, so `method` is what the unwrap would put on the loop
 * (hazard-review-8 Y18). The survey asks the same of each site as the check judges: it read
 * `ctx.run`, a library's method, and nothing `method` reaches in other files (Y18f, Y18g).
 */

/** What makes a `contextvars.Context`, whose `run(f, *args)` calls `f` there and then. */
const CONTEXT_MAKERS = new Set(["contextvars.copy_context", "contextvars.Context"]);

/** The function `ctx.run` is handed at a site (`to_thread(ctx.run, f, ...)`), else undefined. */
export function contextRunFunction(
  file: FileSemantics,
  callFact: (callee: SyntaxNode, at: SyntaxNode) => CallFact,
  site: Site,
  target: Target,
): SyntaxNode | undefined {
  const fn = target.fn;
  if (fn.type !== "attribute" || fn.childForFieldName("attribute")?.text !== "run")
    return undefined;
  const receiver = fn.childForFieldName("object")!;
  const made =
    receiver.type === "call"
      ? file.qualifiedName(receiver.childForFieldName("function")!)
      : callFact(fn, fn).receiverMadeBy;
  if (!made || !CONTEXT_MAKERS.has(made)) return undefined;
  const args =
    target.shape === "direct"
      ? site.args.slice(site.fnIndex + 1)
      : argumentsOf(target.inner!).slice(target.shape === "partial" ? 1 : 0);
  const ran = args[0];
  return ran && isPositional(ran) && ran.type !== "list_splat" ? ran : undefined;
}
