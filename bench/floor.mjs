// The parse floor: discover the files as the CLI does, then read and parse every one with the same
// worker pool (hidden "parse" task), nothing else. With --needed, every file is read and only the
// files a transform's text test lets through are parsed: the floor of a run that parses nothing it
// need not. Usage: node bench/floor.mjs <dir> <jobs> [--needed]
import { availableParallelism } from "node:os";
// The bundle, as the CLI loads it: the same start-up cost for the pool and its workers.
import { pythonFiles } from "../dist/bundle/files.js";
import { Pool } from "../dist/bundle/pool.js";
import { SETUP } from "../dist/bundle/api.js";

const [dir, jobsArg, mode] = process.argv.slice(2);
const jobs = Number(jobsArg) || availableParallelism();
const needed = mode === "--needed";
const files = pythonFiles([dir], { include: [], exclude: [] }, process.cwd());
const pool = new Pool(jobs, SETUP.pool);
const results = await pool.run(files.map((file) => ({ kind: "parse", file, needed })));
await pool.close();
const chars = results.reduce((sum, r) => sum + (r?.chars ?? 0), 0);
const parsed = results.filter((r) => (r?.chars ?? 0) > 0).length;
process.stdout.write(JSON.stringify({ files: files.length, parsed, chars }) + "\n");
