import { patchCorpusShard } from "../helpers/patch-corpus.js";

// The whole-corpus patch test on the snapshot cases whose names hash to shard 1 (see
// test/helpers/patch-corpus.ts).
patchCorpusShard(1);
