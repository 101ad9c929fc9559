/**
 * asyncshift's programmatic API. `transformSource` rewrites one text in memory; `run` processes
 * files and folders as the command line does and returns every file's result (it never prints).
 */
export {
  transformSource,
  run,
  type TransformSourceOptions,
  type TransformSourceResult,
  type RunOptions,
} from "./api.js";
export { UsageError } from "./runner/run.js";
export type { FileResult, RunResult, Summary } from "./model/results.js";
export {
  transformSource as transformSourceWith,
  type PipelineInput,
  type SourceResult,
  type SourceStatus,
  type ReportedEdit,
  type ReportedDiagnostic,
} from "./engine/pipeline.js";
export { ConfigError, type Options, type GivenOptions } from "./config/options.js";
export { formatGithub, inventory, resolveOptions } from "./api.js";
export type { Inventory, InventoryFile, InventorySite } from "./inventory/index.js";
export { formatJson } from "./report/json.js";
export { formatSarif } from "./report/sarif.js";
export { TRANSFORMS } from "./api.js";
export type * from "./model/types.js";
