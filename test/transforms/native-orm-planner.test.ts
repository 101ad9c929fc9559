import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  mayConvertInPlace,
  planChains,
  type PlannerInput,
} from "../../transforms/native-orm/chain-planner.js";
import type { FunctionFacts, WrapperFacts } from "../../transforms/native-orm/types.js";

// The one chain planner (issue 21 item 8), on plain facts: the decisions the survey's plan across
// files and a file's plan within itself both take from it.

function fn(key: string, facts: Partial<FunctionFacts> = {}): FunctionFacts {
  return {
    key,
    name: key,
    path: "shop/sync.py",
    line: 1,
    calls: [],
    ormSites: 1,
    twinTaken: false,
    references: 1,
    nested: false,
    calledElsewhere: false,
    ...facts,
  };
}

function wrapper(key: string, calls: string[], facts: Partial<WrapperFacts> = {}): WrapperFacts {
  return {
    key,
    name: key,
    path: "shop/sync.py",
    line: 20,
    calls: calls.map((target, i) => ({ target, line: 21 + i })),
    orm: true,
    ...facts,
  };
}

function input(
  functions: FunctionFacts[],
  wrappers: WrapperFacts[],
  scope: PlannerInput["scope"] = "file",
): PlannerInput {
  return {
    functions: new Map(functions.map((f) => [f.key, f])),
    wrappers,
    rewritten: () => true,
    indexed: () => undefined,
    scope,
  };
}

describe("mayConvertInPlace: the one place a reached function's form is decided", () => {
  const use = { asyncCalls: 1, scope: "file" as const };
  it("converts in place a function only converting code names, that no other file calls", () => {
    expect(mayConvertInPlace(fn("load"), use)).toBe(true);
  });
  it("keeps a twin when its chain reaches another file (the index records calls, not references)", () => {
    expect(mayConvertInPlace(fn("load"), { ...use, scope: "project" })).toBe(false);
  });
  it("keeps a twin when code that stays sync names it in its file", () => {
    expect(mayConvertInPlace(fn("load", { references: 2 }), use)).toBe(false);
  });
  it("keeps a twin when another file calls it, a test patches it, or nothing is known", () => {
    expect(mayConvertInPlace(fn("load", { calledElsewhere: true }), use)).toBe(false);
    expect(mayConvertInPlace(fn("load", { calledElsewhere: undefined }), use)).toBe(false);
    expect(mayConvertInPlace(fn("load", { references: undefined }), use)).toBe(false);
    expect(mayConvertInPlace(fn("load", { twinnedForProject: true }), use)).toBe(false);
  });
  it("converts a nested def in place whatever other files do (its name is local)", () => {
    const nested = fn("load", { nested: true, calledElsewhere: true });
    expect(mayConvertInPlace(nested, use)).toBe(true);
  });
});

describe("planChains", () => {
  it("converts in place what only the chain calls, and twins what a sync caller also calls", () => {
    const plan = planChains(
      input(
        [fn("reviews"), fn("files", { references: 2 })],
        [wrapper("process", ["reviews", "files"])],
      ),
    );
    expect(plan.wrappers).toEqual({ process: { convert: true } });
    expect(plan.inPlace).toEqual(["reviews"]);
    expect(plan.twins).toEqual({ files: "afiles" });
  });

  it("twins a function whose twinned caller keeps calling it from its sync form", () => {
    // outer has a sync caller: its sync body still calls inner, which needs a twin too.
    const plan = planChains(
      input(
        [fn("outer", { references: 2, calls: [{ target: "inner", line: 3 }] }), fn("inner")],
        [wrapper("process", ["outer"])],
      ),
    );
    expect(plan.twins).toEqual({ outer: "aouter", inner: "ainner" });
  });

  it("twins every reached function of a chain across files", () => {
    const plan = planChains(input([fn("reviews")], [wrapper("process", ["reviews"])], "project"));
    expect(plan.twins).toEqual({ reviews: "areviews" });
    expect(plan.inPlace).toEqual([]);
  });

  it("keeps a wrapper whose chain needs a twin whose name is taken, named at the function", () => {
    const plan = planChains(
      input(
        [fn("store", { references: 2, twinTaken: true })],
        [wrapper("save", ["store"]), wrapper("other", [])],
      ),
    );
    expect(plan.wrappers.save).toMatchObject({ via: 0, at: "store", blocker: { code: "AS208" } });
    expect(plan.wrappers.other).toEqual({ convert: true });
  });

  it("lets a forwarding wrapper named as the twin become it", () => {
    const plan = planChains(
      input(
        [fn("get_user", { references: 2, twinTaken: true })],
        [wrapper("aget_user", ["get_user"], { forwardsTo: "get_user" })],
      ),
    );
    expect(plan.wrappers).toEqual({ aget_user: { convert: true } });
    expect(plan.twins).toEqual({ get_user: "aget_user" });
  });

  it("names the path to the first blocker down the chain", () => {
    const blocker = { code: "AS205" as const, line: 9, message: "requests.get() blocks" };
    const plan = planChains(
      input(
        [fn("outer", { calls: [{ target: "inner", line: 3 }] }), fn("inner", { blocker })],
        [wrapper("process", ["outer"])],
      ),
    );
    expect(plan.wrappers.process).toEqual({
      blocker: {
        code: "AS205",
        message: "process -> outer -> inner -> line 9: requests.get() blocks",
      },
      via: 0,
    });
  });
});

describe("pure helpers and the querysets a chain hands on (D6, orm-review-5 W1)", () => {
  it("calls a helper doing no ORM or I/O work as it is: no twin, not reached", () => {
    const plan = planChains(
      input(
        [
          fn("store", { calls: [{ target: "key_of", line: 4 }] }),
          fn("key_of", { ormSites: 0, calls: [{ target: "slug", line: 2 }] }),
          fn("slug", { ormSites: 0 }),
        ],
        [wrapper("save", ["store", "log"]), wrapper("other", ["log"], { orm: false })],
        "project",
      ),
    );
    expect(plan.wrappers.save).toMatchObject({ blocker: { code: "AS205" } });
    const pure = planChains(
      input(
        [fn("store", { calls: [{ target: "key_of", line: 4 }] }), fn("key_of", { ormSites: 0 })],
        [wrapper("save", ["store"])],
        "project",
      ),
    );
    expect(pure.twins).toEqual({ store: "astore" });
    expect(pure.pure).toEqual(["key_of"]);
  });

  it("is not pure when a callee does ORM work, or in a cycle", () => {
    const plan = planChains(
      input(
        [
          fn("a", { ormSites: 0, calls: [{ target: "b", line: 2 }] }),
          fn("b", { ormSites: 0, calls: [{ target: "a", line: 3 }] }),
        ],
        [wrapper("w", ["a"])],
      ),
    );
    expect(plan.pure ?? []).toEqual([]);
    expect(plan.wrappers.w).toMatchObject({ blocker: { code: "AS208" } });
  });

  it("keeps a wrapper handing a queryset to a parameter evaluated down the chain", () => {
    const queryset = "qs, a queryset";
    const plan = planChains(
      input(
        [
          fn("labelled", {
            ormSites: 0,
            parameters: ["rows"],
            calls: [{ target: "names_of", line: 7, passes: [{ to: 0, param: "rows" }] }],
          }),
          fn("names_of", {
            ormSites: 0,
            parameters: ["customers"],
            evaluates: [{ name: "customers", line: 3 }],
          }),
        ],
        [
          {
            ...wrapper("w", []),
            calls: [{ target: "labelled", line: 21, passes: [{ to: "rows", queryset }] }],
          },
        ],
      ),
    );
    expect(plan.wrappers.w).toEqual({
      blocker: {
        code: "AS205",
        message:
          "w -> labelled -> names_of -> line 3: names_of() evaluates its parameter customers, and the call at line 7 passes rows, which holds qs, a queryset: it would be evaluated synchronously on the event loop",
      },
      via: 0,
    });
  });
});

describe("a lone source and a project give the same chain", () => {
  it("chain-same-file-no-index (no index) writes what chain-same-file (a project) writes", () => {
    const snapshots = new URL("../../snapshots/native-orm/", import.meta.url).pathname;
    const lone = readFileSync(`${snapshots}chain-same-file-no-index.output.py`, "utf8");
    const project = readFileSync(`${snapshots}chain-same-file/output/pulls/sync.py`, "utf8");
    expect(lone.replace(/\r\n/g, "\n")).toBe(project);
  });
});
