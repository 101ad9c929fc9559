import type { Outline } from "./outline.js";

/** `[name, className or 0, parent or -1, async 1/0, decorators, line, indent]`. */
export type PackedFunction = [string, string | 0, number, 0 | 1, string[], number, number];

/**
 * An outline as the pre-pass hands it on: functions as tuples, calls flattened four values each
 * (`callee, line, flags (1 awaited, 2 handed request.user), within or -1`). The same form crosses
 * threads, sits in the index cache and is what the project index is built from: a warm run turns
 * a project's hundred thousand calls into index entries once, not first into outlines (property
 * names repeated on every call were also two thirds of the cache file).
 */
export interface PackedOutline {
  f: PackedFunction[];
  /** Absent in an outline the index cache gives back: its calls are read apart (`callsOf`). */
  c?: (string | number)[];
  p?: Outline["patches"];
  /**
   * References that are not calls, three values each (`kind, text, line`; see
   * outline-references.ts). Absent when there are none, and in an outline the index cache gives
   * back (read apart, like the calls).
   */
  r?: (string | number)[];
  /** What the file's imports bind, as written (`Outline.imports`); absent when none. */
  i?: string[];
  /** The code names typing's awaitables (`Outline.awaitableTypes`). */
  a?: 1;
  /** Module-level defs' return annotations (`Outline.returns`). */
  t?: Record<string, string>;
  /** Annotated names in class bodies (`Outline.annotated`). */
  m?: string[];
  /** Module-level names assigned a name-like value (`Outline.assigned`). */
  v?: string[];
}

/** Values per reference in `PackedOutline.r`. */
export const PACKED_REFERENCE_WIDTH = 3;

/** Values per call in `PackedOutline.c`. */
export const PACKED_CALL_WIDTH = 4;

export function packOutline(outline: Outline): PackedOutline {
  const c: (string | number)[] = [];
  for (const call of outline.calls)
    c.push(
      call.callee,
      call.line,
      (call.awaited ? 1 : 0) | (call.passesUser ? 2 : 0),
      call.within ?? -1,
    );
  return {
    f: outline.functions.map((f) => [
      f.name,
      f.className ?? 0,
      f.parent ?? -1,
      f.async ? 1 : 0,
      f.decorators,
      f.line,
      f.indent,
    ]),
    c,
    ...(outline.patches ? { p: outline.patches } : {}),
    ...(outline.references
      ? { r: outline.references.flatMap((r) => [r.kind, r.text, r.line]) }
      : {}),
    ...(outline.imports ? { i: outline.imports } : {}),
    ...(outline.awaitableTypes ? { a: 1 as const } : {}),
    ...(outline.returns ? { t: outline.returns } : {}),
    ...(outline.annotated ? { m: outline.annotated } : {}),
    ...(outline.assigned ? { v: outline.assigned } : {}),
  };
}
