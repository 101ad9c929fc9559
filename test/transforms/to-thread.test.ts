import { describe, expect, it } from "vitest";
import {
  loopHazard,
  type FunctionFacts,
  type FunctionLookup,
} from "../../transforms/to-thread/loop-hazards.js";

/*
 * The unwrap check reads facts, not trees: a project index can answer for another file's
 * functions with the same facts (here, a lookup that stands for one).
 */
const otherFile: Record<string, FunctionFacts> = {
  "shop/remote.py:connect_sync": {
    name: "connect_sync",
    calls: [{ text: "asyncio.run", qualified: "asyncio.run" }],
  },
  "shop/remote.py:fetch": {
    name: "fetch",
    calls: [{ text: "requests.get", qualified: "requests.get" }],
  },
  "shop/remote.py:loop_a": {
    name: "loop_a",
    calls: [{ text: "loop_b", reaches: "shop/remote.py:loop_b" }],
  },
  "shop/remote.py:loop_b": {
    name: "loop_b",
    calls: [{ text: "loop_a", reaches: "shop/remote.py:loop_a" }],
  },
};
const lookup: FunctionLookup = (key) => otherFile[key];

describe("loop hazards over facts", () => {
  it("follows a call into a function another lookup knows", () => {
    const facts: FunctionFacts = {
      name: "sync_entry",
      calls: [{ text: "connect_sync", reaches: "shop/remote.py:connect_sync" }],
    };
    expect(loopHazard(facts, lookup)).toEqual({
      reason:
        "calls asyncio.run(), which raises RuntimeError in a thread whose event loop is running",
      via: ["connect_sync"],
    });
  });

  it("finds none in a body that only blocks (AS302 says that)", () => {
    const facts: FunctionFacts = {
      name: "report",
      calls: [{ text: "fetch", reaches: "shop/remote.py:fetch" }],
    };
    expect(loopHazard(facts, lookup)).toBeUndefined();
  });

  it("stops on recursion", () => {
    expect(loopHazard(otherFile["shop/remote.py:loop_a"], lookup)).toBeUndefined();
  });

  it("knows a wait by what made its receiver", () => {
    const facts: FunctionFacts = {
      name: "drain",
      calls: [{ text: "jobs.get", method: "get", receiverMadeBy: "queue.Queue" }],
    };
    expect(loopHazard(facts, lookup)?.reason).toMatch(/a wait on a queue.Queue/);
    const dict: FunctionFacts = { name: "read", calls: [{ text: "cache.get", method: "get" }] };
    expect(loopHazard(dict, lookup)).toBeUndefined();
  });
});

// A test patching a thread wrapper a rewrite removed (AS920): the project case
// snapshots/to-thread/native-replacement-patched-by-test/.
