import { lastSegment } from "../python/lookup.js";
import type { IndexedCall, ProjectIndex } from "../model/types.js";
import { setNamedCallsOf } from "./named-calls.js";

/*
 * The project index as it is sent to a worker thread (issue 25, standard library RSS): its calls
 * in columns of numbers and tables of the strings they repeat, made into objects in the worker
 * only when a job there asks for them. A structured clone of the calls as objects (250,000 on
 * the standard library, 30 MB serialised) was made once per worker, most never read.
 */

/** The index's calls, one row each, in index order. */
export interface PackedCalls {
  /** Tables of the distinct paths, callees and holding functions' names. */
  paths: string[];
  callees: string[];
  withins: string[];
  path: Int32Array;
  line: Int32Array;
  callee: Int32Array;
  /** 1 awaited, 2 handed request.user. */
  flags: Uint8Array;
  /** Index into `withins`, or -1 when the call is at module level. */
  within: Int32Array;
}

export interface PackedIndex {
  root: string;
  functions: ProjectIndex["functions"];
  patches: ProjectIndex["patches"];
  references?: ProjectIndex["references"];
  calls: PackedCalls;
}

/** The index in the form a worker is sent (its calls read once, here). */
export function packIndex(index: ProjectIndex): PackedIndex {
  const { calls } = index;
  const tables = { paths: new Map<string, number>(), callees: new Map(), withins: new Map() };
  const idOf = (table: Map<string, number>, value: string) => {
    let id = table.get(value);
    if (id === undefined) table.set(value, (id = table.size));
    return id;
  };
  const packed: PackedCalls = {
    paths: [],
    callees: [],
    withins: [],
    path: new Int32Array(calls.length),
    line: new Int32Array(calls.length),
    callee: new Int32Array(calls.length),
    flags: new Uint8Array(calls.length),
    within: new Int32Array(calls.length),
  };
  calls.forEach((call, row) => {
    packed.path[row] = idOf(tables.paths, call.path);
    packed.line[row] = call.line;
    packed.callee[row] = idOf(tables.callees, call.callee);
    packed.flags[row] = (call.awaited ? 1 : 0) | (call.passesUser ? 2 : 0);
    packed.within[row] = call.within === undefined ? -1 : idOf(tables.withins, call.within);
  });
  packed.paths = [...tables.paths.keys()];
  packed.callees = [...tables.callees.keys()];
  packed.withins = [...tables.withins.keys()];
  const { root, functions, patches, references } = index;
  return { root, functions, patches, ...(references ? { references } : {}), calls: packed };
}

/**
 * The index a worker was sent: its calls made when first read, and `callsNamed` answered from the
 * columns until then (a job that asks for a few names' calls makes those alone).
 */
export function unpackIndex(packed: PackedIndex): ProjectIndex {
  const { root, functions, patches, references, calls: columns } = packed;
  let calls: IndexedCall[] | undefined;
  const index: ProjectIndex = {
    root,
    functions,
    get calls() {
      if (!calls) {
        calls = [];
        for (let row = 0; row < columns.path.length; row++) calls.push(callAt(columns, row));
      }
      return calls;
    },
    patches,
    ...(references ? { references } : {}),
  };
  setNamedCallsOf(
    index,
    namedCallsOf(columns, () => calls),
  );
  return index;
}

function callAt(columns: PackedCalls, row: number): IndexedCall {
  const flags = columns.flags[row];
  const call: IndexedCall = {
    path: columns.paths[columns.path[row]],
    line: columns.line[row],
    callee: columns.callees[columns.callee[row]],
    awaited: (flags & 1) === 1,
  };
  if (flags & 2) call.passesUser = true;
  const within = columns.within[row];
  if (within >= 0) call.within = columns.withins[within];
  return call;
}

/** A name's calls from the columns, in index order, made once each (undefined once all are made). */
function namedCallsOf(
  columns: PackedCalls,
  made: () => IndexedCall[] | undefined,
): (name: string) => readonly IndexedCall[] | undefined {
  let rowsByName: Map<string, number[]> | undefined;
  const ofName = new Map<string, IndexedCall[]>();
  return (name) => {
    if (made()) return undefined;
    let found = ofName.get(name);
    if (found) return found;
    if (!rowsByName) {
      // Rows grouped by their callee's last name, each group in row (index) order.
      const nameOfCallee = columns.callees.map(lastSegment);
      rowsByName = new Map();
      for (let row = 0; row < columns.callee.length; row++) {
        const key = nameOfCallee[columns.callee[row]];
        const rows = rowsByName.get(key);
        if (rows) rows.push(row);
        else rowsByName.set(key, [row]);
      }
    }
    found = (rowsByName.get(name) ?? []).map((row) => callAt(columns, row));
    ofName.set(name, found);
    return found;
  };
}
