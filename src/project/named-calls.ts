import { readFileSync } from "node:fs";
import { join } from "node:path";
import { lastSegment } from "../python/lookup.js";
import { PACKED_CALL_WIDTH, type PackedFunction } from "../python/packed-outline.js";
import type { IndexedCall } from "../model/types.js";
import { writeCacheFile } from "./cache-folder.js";

/*
 * The project's calls grouped by the callee's last name, beside the index cache (issue 25): a
 * one-file run asks `callsNamed` for a few names, and the calls file holds every call of a large
 * project (nine megabytes and a hundred and sixty thousand index entries for 6,000 files, a
 * tenth of a warm one-file run to read and make). This file is read as it is: one header line
 * (the token of the entries it was written with, the paths, and where each name's calls lie),
 * then each name's calls as a JSON array, parsed only when that name is asked.
 */

/** A name's calls: `[path index, line, callee, flags (1 awaited, 2 handed request.user), within or 0]` each. */
type NamedCallValues = (string | number)[];
const NAMED_CALL_WIDTH = 5;

interface Header {
  token: string;
  /** Root-relative paths, "/" separators (as IndexedCall.path). */
  paths: string[];
  /** By callee's last name: `[byte offset after the header line, byte length]`. */
  names: Record<string, [number, number]>;
}

/** One outline's calls, as the entries and the calls file keep them. */
export interface OutlineCalls {
  /** Root-relative, "/" separators. */
  shown: string;
  functions: readonly PackedFunction[];
  calls: readonly (string | number)[];
}

/** Writes the named-calls file for these outlines (in index order), tagged with `token`. */
export function writeNamedCalls(
  dir: string,
  file: string,
  token: string,
  outlines: readonly OutlineCalls[],
): void {
  const byName = new Map<string, NamedCallValues>();
  outlines.forEach(({ functions, calls }, pathIndex) => {
    for (let k = 0; k + PACKED_CALL_WIDTH - 1 < calls.length; k += PACKED_CALL_WIDTH) {
      const callee = calls[k] as string;
      const within = calls[k + 3] as number;
      const name = lastSegment(callee);
      let values = byName.get(name);
      if (!values) byName.set(name, (values = []));
      const [fn, className] = within >= 0 ? functions[within] : ["", 0];
      values.push(
        pathIndex,
        calls[k + 1],
        callee,
        calls[k + 2],
        within < 0 ? 0 : className !== 0 ? `${className}.${fn}` : fn,
      );
    }
  });
  // No prototype: a Python name `__proto__` is a key like any other.
  const names = Object.create(null) as Header["names"];
  const parts: string[] = [];
  let offset = 0;
  for (const [name, values] of byName) {
    const text = JSON.stringify(values);
    const length = Buffer.byteLength(text);
    names[name] = [offset, length];
    parts.push(text);
    offset += length;
  }
  const header: Header = { token, paths: outlines.map((o) => o.shown), names };
  writeCacheFile(dir, file, JSON.stringify(header) + "\n" + parts.join(""));
}

/**
 * The named-calls file, read when a name is first asked (a one-file run that follows no call
 * across files never reads its megabytes): each name's calls made when first asked.
 */
export class NamedCalls {
  /** The file as read, or null when it is not the one written with these entries. */
  private read?: { bytes: Buffer; body: number; header: Header } | null;

  constructor(
    private readonly dir: string,
    private readonly file: string,
    private readonly token: string,
  ) {}

  /** The file written with the entries of `token`, or null (none, another, unreadable). */
  private contents(): { bytes: Buffer; body: number; header: Header } | null {
    if (this.read !== undefined) return this.read;
    this.read = null;
    try {
      const bytes = readFileSync(join(this.dir, this.file));
      const end = bytes.indexOf(10);
      if (end < 0) return null;
      const header = JSON.parse(bytes.toString("utf8", 0, end)) as unknown;
      if (!isHeader(header) || header.token !== this.token || this.token === "") return null;
      this.read = { bytes, body: end + 1, header };
    } catch {
      // none: the project's calls are made instead
    }
    return this.read;
  }

  /**
   * The calls whose callee's last name is `name`, ordered as `position` orders their paths (the
   * run's index order; a path it does not know is left out), each path's in source order; or
   * undefined when the file is not the one written with these entries.
   */
  calls(name: string, position: (path: string) => number | undefined): IndexedCall[] | undefined {
    const read = this.contents();
    if (!read) return undefined;
    const { bytes, body, header } = read;
    const range = Object.hasOwn(header.names, name) ? header.names[name] : undefined;
    if (!range) return [];
    const start = body + range[0];
    const values = JSON.parse(bytes.toString("utf8", start, start + range[1])) as unknown;
    if (!Array.isArray(values)) return [];
    const found: { at: number; call: IndexedCall }[] = [];
    for (let k = 0; k + NAMED_CALL_WIDTH - 1 < values.length; k += NAMED_CALL_WIDTH) {
      const path = header.paths[values[k] as number];
      const at = path === undefined ? undefined : position(path);
      if (at === undefined) continue;
      const flags = values[k + 3] as number;
      const within = values[k + 4] as string | 0;
      const call: IndexedCall = {
        path,
        line: values[k + 1] as number,
        callee: values[k + 2] as string,
        awaited: (flags & 1) === 1,
      };
      if (flags & 2) call.passesUser = true;
      if (within !== 0) call.within = within;
      found.push({ at, call });
    }
    // Stable: a path's calls keep their source order.
    return found.sort((a, b) => a.at - b.at).map((f) => f.call);
  }

  /**
   * `callsNamed` for an index made of these outlines (in index order) whose calls are filtered
   * by `names`: a name's calls from this file, made once, until the project's calls are made
   * (undefined then, or when the file cannot be used: the lookup reads those).
   */
  lookup(
    outlines: readonly { shown: string }[],
    names: ReadonlySet<string>,
    made: () => readonly IndexedCall[] | undefined,
  ): CallsOfName {
    let positions: Map<string, number> | undefined;
    const ofName = new Map<string, IndexedCall[]>();
    return (name) => {
      if (made() || !this.contents()) return undefined;
      if (!names.has(name)) return [];
      let found = ofName.get(name);
      if (!found) {
        positions ??= new Map(outlines.map((o, i) => [o.shown, i]));
        found = this.calls(name, (path) => positions!.get(path));
        if (!found) return undefined;
        ofName.set(name, found);
      }
      return found;
    };
  }
}

function isHeader(value: unknown): value is Header {
  if (typeof value !== "object" || value === null) return false;
  const header = value as Record<string, unknown>;
  return (
    typeof header.token === "string" &&
    Array.isArray(header.paths) &&
    typeof header.names === "object" &&
    header.names !== null
  );
}

/**
 * How an index made from an untouched cache gives the calls of one name (see `callsNamedOf`):
 * set by project-index.ts, asked by index-lookup.ts's `callsNamed`.
 */
type CallsOfName = (name: string) => readonly IndexedCall[] | undefined;

const namedCallsOfIndex = new WeakMap<object, CallsOfName>();

export function setNamedCallsOf(index: object, of: CallsOfName): void {
  namedCallsOfIndex.set(index, of);
}

/** The calls of `name` from the index's named-calls file, or undefined when it has none. */
export function namedCallsOf(index: object, name: string): readonly IndexedCall[] | undefined {
  return namedCallsOfIndex.get(index)?.(name);
}
