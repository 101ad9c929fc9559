import { snapshotFolderChecks } from "../helpers/snapshot-suite.js";

// What concerns every snapshot case at once (see test/helpers/snapshot-suite.ts).
snapshotFolderChecks();
