import { fileURLToPath } from "node:url";
import { holdsAnyTrigger, mayHoldSite } from "./engine/pipeline.js";
import { inventoryOfPath } from "./inventory/file.js";
import type { Registry } from "./model/registry.js";
import { modelFactsOfPath, prePassOfPath } from "./project/pre-pass.js";
import { withSharedIndex } from "./project/shared-index.js";
import { surveyFile, surveyStartsIn, type SurveyJob } from "./project/survey-job.js";
import {
  failedFileResult,
  faultInjectingTransform,
  processFile,
  type FileJob,
  type FileLook,
} from "./runner/file-job.js";
import { parseFloor, type ParseJob } from "./runner/parse-floor.js";
import type { JobKind, JobKinds, PoolSetup } from "./runner/pool.js";

/*
 * Every kind of job the pool runs, with the registry of transforms the composition root hands in:
 * the main thread (cli/main.ts, api.ts) and each worker thread (worker.ts) register this same
 * table, so the pool itself knows no job.
 */

/** Workers run the compiled worker entry beside this file; from TypeScript sources (vitest) none. */
const WORKER_FILE = fileURLToPath(new URL("./worker.js", import.meta.url));

/** The handlers of every kind of job, for the transforms of `registry`. */
export function jobKinds(registry: Registry): JobKinds {
  const holdsTrigger = holdsAnyTrigger(registry);
  const mayHold = (text: string) => {
    // Test-only: a file holding the fault marker is never inert (see faultInjectingTransform).
    const fault = faultInjectingTransform();
    return holdsTrigger(text) || (fault !== undefined && mayHoldSite(text, fault));
  };
  const facts: JobKind<{ kind: "facts"; file: string; maxBytes?: number }> = {
    run: (job) =>
      prePassOfPath(job.file, mayHold, job.maxBytes, (text) => surveyStartsIn(registry, text)),
  };
  const modelFacts: JobKind<{ kind: "model-facts"; file: string }> = {
    run: (job) => modelFactsOfPath(job.file),
  };
  const process: JobKind<{ kind: "process"; job: FileJob }> = {
    run: ({ job }) => processFile({ ...job, project: withSharedIndex(job.project) }, registry),
    failed: ({ job }, message) => failedFileResult(job, message),
    treeOf: ({ job }) => job.file,
  };
  const inventory: JobKind<{ kind: "inventory"; job: FileLook & { maxBytes?: number } }> = {
    run: ({ job }) => inventoryOfPath({ ...job, project: withSharedIndex(job.project) }, registry),
  };
  const survey: JobKind<{ kind: "survey"; job: SurveyJob }> = {
    run: ({ job }) =>
      surveyFile(
        { ...job, ctx: { ...job.ctx, project: withSharedIndex(job.ctx.project) } },
        registry,
      ),
    treeOf: ({ job }) => job.file,
  };
  const parse: JobKind<ParseJob> = { run: (job) => parseFloor(job, registry) };
  return { facts, "model-facts": modelFacts, process, inventory, survey, parse };
}

/** How a pool runs the jobs of a run with the transforms of `registry`. */
export function poolSetup(registry: Registry): PoolSetup {
  return { kinds: jobKinds(registry), workerFile: WORKER_FILE };
}
