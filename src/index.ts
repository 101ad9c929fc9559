export { run, type RunResult, type Summary, type Notice } from "./runner.js";
export {
  transformSource,
  type SourceResult,
  type ReportedEdit,
  type ReportedDiagnostic,
} from "./pipeline.js";
export type { FileResult } from "./file-job.js";
export type { Options } from "./config.js";
export { TRANSFORMS } from "../transforms/index.js";
export type * from "./types.js";
