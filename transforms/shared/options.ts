import type { SharedOption } from "../../src/model/shared-options.js";
import { syncTwinProblem } from "../../src/project/declared-twins.js";

// Settings more than one transform reads, declared once here (the engine never names a
// transform, so their declarations live beside the transforms): each lives in its owner's table
// (`[tool.asyncshift.to-thread]`), the owner lists it in its `meta.options`, and every reader
// goes through the declaration (`sharedSetting(ctx, ASYNC_TWINS)`), never the id and key as strings.

const TWIN_SEGMENT = /^(\*|[A-Za-z_][A-Za-z0-9_]*)$/;

/**
 * Why a twin declaration cannot be used, if it cannot: both sides dotted names whose `*` each
 * stand for one attribute name, as many on the right as on the left.
 */
function twinProblem(pattern: string, replacement: string): string | undefined {
  for (const side of [pattern, replacement])
    if (!side.split(".").every((s) => TWIN_SEGMENT.test(s)))
      return `"${side}" is not a dotted name (names and \`*\` between dots)`;
  const stars = (side: string) => side.split(".").filter((s) => s === "*").length;
  if (stars(pattern) !== stars(replacement))
    return `the replacement "${replacement}" has ${stars(replacement)} \`*\` and the pattern ${stars(pattern)}`;
  return undefined;
}

/** to-thread's mode: blocking-calls stays silent in unwrap mode (to-thread reports each call). */
export const THREAD_MODE: SharedOption = {
  table: "to-thread",
  option: {
    key: "mode",
    flag: "to-thread",
    type: "choice",
    choices: ["native", "unwrap"],
    default: "native",
    describe: "to-thread mode: native async calls, or unwrap the thread wrappers",
  },
};

/** Declared async twins: to-thread rewrites to them, missing-await knows their calls are coroutines. */
export const ASYNC_TWINS: SharedOption = {
  table: "to-thread",
  option: {
    key: "twins",
    type: "string-table",
    default: {},
    describe:
      "Async twins: sync callee pattern -> async callee pattern, `*` standing for one attribute name",
    entryProblem: twinProblem,
    projectProblem: syncTwinProblem,
    replacesCalls: true,
  },
};
