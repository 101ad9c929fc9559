import { nameOfKey } from "../../src/model/function-key.js";
import { dottedName } from "../../src/python/module-names.js";
import { isTestCode } from "../../src/project/test-case-classes.js";
import { decorators } from "../../src/python/shapes.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { crossTargetOf, indexedFunctionsNamed } from "./cross-calls.js";
import { factoryTarget } from "./library-targets.js";
import type { OrmFile } from "./types.js";

// orm-review-4 P2b / orm-review-5 Q15 (rekuest's `caller_events.build_execution_event(...)` after
// `from facade import caller_events`, canopy's `harness_services.replace_reported_sessions()`): a
// function of a project module called through the module was said to be "a method of
// caller_events". What it is, and why the chain stops there, is said instead.

/**
 * `module.func()` of the project, when `callee` is one: its dotted name and why the chain does
 * not follow it from here; undefined for anything else (a method of an imported object).
 */
export function moduleFunctionSaid(f: OrmFile, callee: SyntaxNode): string | undefined {
  // orm-review-5 Q22: a factory_boy factory of the project saves through the sync ORM.
  const factory = factoryTarget(f, callee);
  if (factory && !factory.includes("builds a plain dict")) return factory;
  const target = crossTargetOf(f, callee)?.target;
  if (!target || target.slice(target.indexOf(":") + 1).includes(".")) return undefined;
  const module = target.slice(0, target.indexOf(":"));
  const name = nameOfKey(target);
  const fn = indexedFunctionsNamed(f.ctx.project.index, name).find(
    (c) => c.module === module && !c.className,
  );
  const def = enclosingDef(callee);
  const channels = def && decorators(def).some((d) => /database_sync_to_async\b/.test(d.text));
  const why = fn?.decorators.length
    ? `decorated with @${fn.decorators[0]}, which the chain does not follow (what the decorator does to it is not known)`
    : channels && !isTestCode(f.file.path, def)
      ? "which the chain follows behind database_sync_to_async only in test code (elsewhere the wrapper also closes stale database connections around the call, which native async code does not)"
      : "which the chain did not follow from here";
  // orm-review-5 Q8: the module as Python imports it, not its id (`./apps.x` from a root `.`).
  return `${callee.text}() is ${dottedName(module)}.${name}(), a function of the project, ${why}: not in Django's async API, and may touch the database`;
}

function enclosingDef(node: SyntaxNode): SyntaxNode | undefined {
  for (let n = node.parent; n; n = n.parent) if (n.type === "function_definition") return n;
  return undefined;
}
