import type { SyntaxNode } from "../../src/model/types.js";
import { chainTarget, methodTarget, nameOf } from "./chains.js";
import { crossTargetOf, inheritedTarget, projectPlan } from "./cross-calls.js";
import { lazyUserIn } from "./lazy-objects.js";
import { pureCalls } from "./pure-helpers.js";
import { lineOf } from "./state.js";
import { siteKey } from "../../src/model/function-key.js";
import type { ChainCall, CrossCall, OrmFile, ScannedFile } from "./types.js";

// orm-review-8 S13: a wrapped lambda or def that does no ORM work itself but calls a project
// function the chains did not convert from here said "holds no Django ORM work", which that
// function may well do. The call is named instead, with what the survey knows of it.

/** A call of `region` to a project function, and how it is named. */
interface ProjectCall {
  call: SyntaxNode;
  /** `stock.owned_count() (inventory.stock.owned_count)`. */
  said: string;
}

/** The first call of `region` to a project function not known to compute in memory only. */
export function unprovenProjectCall(
  f: OrmFile,
  region: SyntaxNode,
  crossOnly = false,
): ProjectCall | undefined {
  const calls: ChainCall[] = [];
  const cross: CrossCall[] = [];
  for (const call of region.descendantsOfType("call")) {
    const callee = call.childForFieldName("function")!;
    const target = crossTargetOf(f, callee) ?? inheritedTarget(f, callee);
    if (target) cross.push({ call, ...target });
    // A def of this file that a wrapped def calls was scanned with it (chains.ts).
    const def =
      target || crossOnly ? undefined : (chainTarget(f, callee) ?? methodTarget(f, callee));
    if (def) calls.push({ call, callee, def });
  }
  const pure = pureCalls(f, calls, cross);
  const first = [...calls, ...cross]
    .filter((c) => !pure.has(c.call.id))
    .sort((a, b) => a.call.startIndex - b.call.startIndex)[0];
  if (!first) return undefined;
  const callee = first.call.childForFieldName("function")!.text.replace(/\s+/g, "");
  const said =
    "def" in first
      ? `${callee}() (defined on line ${lineOf(first.def)})`
      : `${callee}() (${first.target.replace(":", ".")})`;
  return { call: first.call, said };
}

/**
 * Why a wrapped lambda that calls a project function is kept: the lazy user it hands on (AS212),
 * or the call named as the survey left it. Undefined when it calls none.
 */
export function lambdaProjectCallReason(
  f: OrmFile,
  body: SyntaxNode,
  written: string,
  stored: string,
): { code: "AS205" | "AS212" | "AS215"; message: string } | undefined {
  const found = unprovenProjectCall(f, body);
  if (!found) return undefined;
  const lazy = (found.call.childForFieldName("arguments")?.namedChildren ?? [])
    .map((a) => lazyUserIn(f, a))
    .find(Boolean);
  if (lazy)
    return {
      code: "AS212",
      message: `${written} kept${stored}: the lambda hands ${lazy.text}, the request's lazy user (a SimpleLazyObject loaded by a sync query at its first use), to ${found.said}, a project function: converted to its async twin, that load would run on the event loop and raise SynchronousOnlyOperation; load it first with \`user = await request.auser()\` (Django 5.0+) and pass \`user\`, by hand`,
    };
  if (surveyedNoOrm(f, body.parent!))
    return {
      code: "AS215",
      message: `${written} calls ${found.said}, a project function in whose chain of calls the project survey found no Django ORM work with a native async form${stored}: it stays a thread wrapper`,
    };
  return {
    code: "AS205",
    message: `${written} kept${stored}: the lambda calls ${found.said}, a project function the chain does not follow from here (a lambda is followed when its whole body is one call of a function of another module with names and literals as arguments, which the thread evaluated, and it is called with none): not in Django's async API, and may touch the database`,
  };
}

/**
 * Why a wrapped def of this file that does no ORM work itself is kept when it calls a project
 * function of another file the survey may not have followed. Undefined when it calls none, or the
 * survey found no ORM work down its chain.
 */
export function localProjectCallReason(
  f: OrmFile,
  def: SyntaxNode,
  helper: SyntaxNode,
  written: string,
  stored: string,
): { code: "AS205"; message: string } | undefined {
  const found = unprovenProjectCall(f, def.childForFieldName("body")!, true);
  if (!found || surveyedNoOrm(f, helper)) return undefined;
  return {
    code: "AS205",
    message: `${written} kept${stored}: it runs ${nameOf(def)}() (line ${lineOf(def)}), which calls ${found.said} on line ${lineOf(found.call)}, a project function the chain does not follow from here: not in Django's async API, and may touch the database`,
  };
}

/** Whether the project's plan found no ORM work down the chain of the wrapped `helper`. */
function surveyedNoOrm(f: OrmFile, helper: SyntaxNode): boolean {
  const all = (f as Partial<ScannedFile>).wrappedCross ?? [];
  const n = all.findIndex((w) => w.helper.id === helper.id);
  const decision = n >= 0 ? projectPlan(f)?.wrappers[siteKey(f.file.module ?? "", n)] : undefined;
  return !!decision && "noOrm" in decision;
}
