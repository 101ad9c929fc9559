import { TRANSFORMS } from "../transforms/index.js";
import { poolSetup } from "./jobs.js";
import { serveJobs } from "./runner/worker.js";

// The worker thread's entry (a composition root): it registers the same jobs, with the same
// transforms, as the main thread's pool (see jobs.ts).
serveJobs(poolSetup(TRANSFORMS).kinds);
