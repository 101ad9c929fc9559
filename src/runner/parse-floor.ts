import { readFileSync } from "node:fs";
import { mayHoldSite } from "../engine/pipeline.js";
import { parseNative } from "../syntax/parse.js";
import type { Registry } from "../model/registry.js";
import type { Context } from "../model/types.js";

/*
 * The benchmark's parse floor (bench/floor.mjs): read and parse one file with the same pool,
 * nothing else; with `needed`, only a file some transform's text test lets through is parsed
 * (the floor of a run that parses no file it need not). The command line never asks for it.
 */

/** A parse-floor job. */
export interface ParseJob {
  kind: "parse";
  file: string;
  needed?: boolean;
}

/** Characters parsed, and whether the tree has an error: all the parse floor returns. */
export interface ParseFloorResult {
  chars: number;
  hasError: boolean;
}

/** What the parse-needed floor's text tests see: a Django project, no model known yet. */
const FLOOR_CONTEXT = {
  options: { django: true, settings: {} },
  project: { usesDjango: true, models: {} },
} as unknown as Context;

export function parseFloor(job: ParseJob, registry: Registry): ParseFloorResult {
  const text = readFileSync(job.file, "utf8");
  if (job.needed && !registry.some((t) => mayHoldSite(text, t, FLOOR_CONTEXT)))
    return { chars: 0, hasError: false };
  const tree = parseNative(text);
  return { chars: text.length, hasError: tree.rootNode.hasError };
}
