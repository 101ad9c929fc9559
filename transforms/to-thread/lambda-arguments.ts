import type { SyntaxNode } from "../../src/model/types.js";
import type { SameFileFunctions } from "./callees.js";
import { loopHazard, type HazardWalk, type LoopHazard, type Seen } from "./loop-hazards.js";
import type { Target } from "./sites.js";

/*
 * `to_thread(lambda: save(load_rows()))` runs `load_rows()` in the thread too: the lambda
 * computes its call's arguments there, and so does the unwrapped `save(load_rows())` on the
 * loop. Only `save` was judged, so a lock taken in `load_rows` was unwrapped in the SAFE run
 * (hzk's note to hzl, after hazard-review-9 Z23-Z25).
 */

/** The lambda of a lambda-shaped site (`lambda: f(g())`), else undefined. */
export function siteLambda(target: Target): SyntaxNode | undefined {
  const lambda = target.shape === "lambda" ? target.inner?.parent : undefined;
  return lambda?.type === "lambda" ? lambda : undefined;
}

/**
 * The first call the lambda's own code makes besides its call of the site's function (its
 * arguments, its receiver's calls) that cannot run on the loop, worded for the site's message.
 */
export function lambdaArgumentsHazard(
  functions: SameFileFunctions,
  target: Target,
  seen: Seen,
  notRead: HazardWalk["notRead"],
): LoopHazard | undefined {
  const lambda = siteLambda(target);
  const facts = lambda ? functions.lookup(functions.keyOf(lambda)) : undefined;
  for (const call of facts?.calls ?? []) {
    const one = { name: "lambda", hop: true as const, calls: [call] };
    const found = loopHazard(one, functions.lookup, seen, 0, notRead ? { notRead } : {});
    if (!found) continue;
    const text = `${call.text.replace(/\s+/g, " ")}()`;
    const names = found.via[0] === call.text ? found.via.slice(1) : found.via;
    const via = names.map((name) => ` through ${name}()`).join("");
    const reason = `is handed the value of ${text}, which the lambda computes in the thread too: ${text}${via} ${found.reason}`;
    return { ...found, via: [], reason };
  }
  return undefined;
}
