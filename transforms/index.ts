import type { Transform } from "../src/model/types.js";
import * as asyncioRun from "./asyncio-run/index.js";
import * as nativeOrm from "./native-orm/index.js";
import * as toThread from "./to-thread/index.js";
import * as blockingCalls from "./blocking-calls/index.js";
import * as missingAwait from "./missing-await/index.js";

/**
 * Every transform, in the order they run when none is picked. missing-await reads the code before
 * native-orm rewrites it: native-orm turns `if not sync_to_async(f)(x):` into a call of its own
 * twin, which missing-await cannot know as a coroutine in the same run, so the unawaited test
 * (AS406) went unsaid and stayed unawaited (hazard-review-3 H12). Awaited first, the wrapper call
 * is then converted as any awaited one. The transforms after it add `await` to what they write.
 */
export const TRANSFORMS: readonly Transform[] = [
  asyncioRun,
  missingAwait,
  nativeOrm,
  toThread,
  blockingCalls,
];

export function transformById(id: string): Transform | undefined {
  return TRANSFORMS.find((t) => t.meta.id === id);
}
