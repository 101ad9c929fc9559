import { snapshotShard } from "../helpers/snapshot-suite.js";

// The snapshot cases whose names hash to shard 2 (see test/helpers/snapshot-suite.ts).
snapshotShard(2);
