import type { Transform } from "../src/model/types.js";
import * as asyncioRun from "./asyncio-run/index.js";
import * as nativeOrm from "./native-orm/index.js";
import * as toThread from "./to-thread/index.js";
import * as blockingCalls from "./blocking-calls/index.js";
import * as missingAwait from "./missing-await/index.js";

/** Every transform, in the order they run when none is picked. */
export const TRANSFORMS: readonly Transform[] = [
  asyncioRun,
  nativeOrm,
  toThread,
  blockingCalls,
  missingAwait,
];

export function transformById(id: string): Transform | undefined {
  return TRANSFORMS.find((t) => t.meta.id === id);
}
