import type { Transform } from "../src/types.js";
import * as asyncioRun from "./asyncio-run.js";
import * as nativeOrm from "./native-orm.js";
import * as toThread from "./to-thread.js";

/** Every transform, in the order they run when none is picked. */
export const TRANSFORMS: readonly Transform[] = [asyncioRun, nativeOrm, toThread];

export function transformById(id: string): Transform | undefined {
  return TRANSFORMS.find((t) => t.meta.id === id);
}
