import { FindingsReporter, type CodeOf } from "../../src/model/findings.js";
import { MISSING_AWAIT_CODES } from "./codes.js";

export type AwaitCode = CodeOf<typeof MISSING_AWAIT_CODES>;

/** What one run over a file gathers: findings under missing-await's codes, and inventory sites. */
export type Results = FindingsReporter<AwaitCode>;

export function newResults(): Results {
  return new FindingsReporter(MISSING_AWAIT_CODES);
}
