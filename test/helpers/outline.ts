import type { Outline, OutlineCall, OutlineFunction } from "../../src/python/outline.js";
import {
  PACKED_CALL_WIDTH,
  PACKED_REFERENCE_WIDTH,
  type PackedOutline,
} from "../../src/python/packed-outline.js";
import type { OutlineReference } from "../../src/python/outline-references.js";

/** The outline a packed one was made from (the runner reads only the packed form). */
export function unpackOutline(packed: PackedOutline): Outline {
  const functions = packed.f.map(
    ([name, className, parent, isAsync, decorators, line, indent]): OutlineFunction => ({
      name,
      ...(className !== 0 ? { className } : {}),
      ...(parent >= 0 ? { parent } : {}),
      async: isAsync === 1,
      decorators,
      line,
      indent,
    }),
  );
  const calls: OutlineCall[] = [];
  const c = packed.c ?? [];
  for (let k = 0; k + PACKED_CALL_WIDTH - 1 < c.length; k += PACKED_CALL_WIDTH) {
    const within = c[k + 3] as number;
    const flags = c[k + 2] as number;
    calls.push({
      callee: c[k] as string,
      line: c[k + 1] as number,
      awaited: (flags & 1) === 1,
      ...(flags & 2 ? { passesUser: true as const } : {}),
      ...(within >= 0 ? { within } : {}),
    });
  }
  const references: OutlineReference[] = [];
  const r = packed.r ?? [];
  for (let k = 0; k + PACKED_REFERENCE_WIDTH - 1 < r.length; k += PACKED_REFERENCE_WIDTH)
    references.push({
      kind: r[k] as OutlineReference["kind"],
      text: r[k + 1] as string,
      line: r[k + 2] as number,
    });
  return {
    functions,
    calls,
    ...(packed.p ? { patches: packed.p } : {}),
    ...(references.length > 0 ? { references } : {}),
    ...(packed.i ? { imports: packed.i } : {}),
    ...(packed.a ? { awaitableTypes: true as const } : {}),
    ...(packed.t ? { returns: packed.t } : {}),
    ...(packed.m ? { annotated: packed.m } : {}),
    ...(packed.v ? { assigned: packed.v } : {}),
  };
}
