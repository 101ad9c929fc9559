// The parse floor: discover the files as the CLI does, then read and parse every one with the same
// worker pool (hidden "parse" task), nothing else. Usage: node bench/floor.mjs <dir> <jobs>
import { availableParallelism } from "node:os";
// The bundle, as the CLI loads it: the same start-up cost for the pool and its workers.
import { pythonFiles } from "../dist/bundle/files.js";
import { Pool } from "../dist/bundle/pool.js";

const [dir, jobsArg] = process.argv.slice(2);
const jobs = Number(jobsArg) || availableParallelism();
const files = pythonFiles([dir], { include: [], exclude: [] }, process.cwd());
const pool = new Pool(jobs, files.length);
const results = await pool.run(files.map((file) => ({ kind: "parse", file })));
await pool.close();
const chars = results.reduce((sum, r) => sum + (r?.chars ?? 0), 0);
process.stdout.write(JSON.stringify({ files: files.length, chars }) + "\n");
