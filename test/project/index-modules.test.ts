import { describe, expect, it } from "vitest";
import {
  firstFunctionIn,
  firstFunctionUnder,
  functionsOfModule,
  methodsNamed,
  methodsOfName,
  pathsOfModuleTail,
} from "../../src/project/index-modules.js";
import { filesReaching, reachFrom, setsReached } from "../../src/project/survey-imports.js";
import type { IndexedFunction, IndexedModule, ProjectIndex } from "../../src/model/types.js";

/*
 * Issue 25: the surveys' lookups by module read maps made once per index, and the typed survey's
 * start reaches every class's files at once. Each must answer exactly what the scan it replaced
 * answered (output-neutral): checked here against that scan, on module ids with import roots
 * (`svc/pay/app.helpers`, `./app.helpers`), packages, and same-named modules.
 */

const fn = (module: string, name: string, path: string): IndexedFunction => ({
  module,
  path,
  name,
  nested: false,
  async: false,
  decorators: [],
  line: 1,
});

const FUNCTIONS = [
  fn("shop.api.views", "index", "shop/api/views.py"),
  fn("shop.api", "helper", "shop/api/__init__.py"),
  fn("shop.models", "save", "shop/models.py"),
  fn("shop.api.views", "detail", "shop/api/views.py"),
  fn("svc/pay/app.helpers", "charge", "svc/pay/app/helpers.py"),
  fn("./app.helpers", "charge", "app/helpers.py"),
  fn("svc/pay/app.deep.inner", "run", "svc/pay/app/deep/inner.py"),
  fn("top", "main", "top.py"),
];

const index = (functions: IndexedFunction[], modules?: Record<string, IndexedModule>) =>
  ({ root: "/p", functions, calls: [], patches: [], references: [], modules }) as ProjectIndex;

describe("lookups by module", () => {
  const idx = index(FUNCTIONS);
  const asked = [
    ...new Set([
      ...FUNCTIONS.map((f) => f.module),
      ...FUNCTIONS.flatMap((f) => f.module.split(".").map((_, i, a) => a.slice(0, i).join("."))),
      "shop",
      "svc/pay/app",
      "svc/pay/app.deep",
      ".",
      "",
      "nothing.here",
      "fo",
    ]),
  ];

  it("answers the tail and method lookups as the scans they replaced", () => {
    const method = (module: string, className: string, name: string, path: string) => ({
      ...fn(module, name, path),
      className,
    });
    const functions = [
      ...FUNCTIONS,
      method("shop.api.views", "View", "get", "shop/api/views.py"),
      method("svc/pay/app.helpers", "View", "get", "svc/pay/app/helpers.py"),
      method("shop.models", "Order", "get", "shop/models.py"),
      fn("shop.api.views", "get", "shop/api/views2.py"),
      fn("other.api.views", "get", "other/api/views.py"),
    ];
    const i2 = index(functions);
    const tails = [...asked, "api.views", "views", "helpers", "app.helpers", "inner", "deep.inner"];
    for (const module of tails)
      expect(pathsOfModuleTail(i2, module)).toEqual([
        ...new Set(
          functions
            .filter((f) => f.module === module || f.module.endsWith(`.${module}`))
            .map((f) => f.path),
        ),
      ]);
    for (const [cls, name] of [
      ["View", "get"],
      ["Order", "get"],
      ["View", "post"],
    ]) {
      expect(methodsNamed(i2, cls, name)).toEqual(
        functions.filter((f) => f.className === cls && f.name === name),
      );
      expect(methodsOfName(i2, name)).toEqual(
        functions.filter((f) => f.className !== undefined && f.name === name),
      );
    }
  });

  it("answers as the scans of index.functions in index order", () => {
    for (const module of asked) {
      expect(functionsOfModule(idx, module)).toEqual(FUNCTIONS.filter((f) => f.module === module));
      expect(firstFunctionUnder(idx, module)).toBe(
        FUNCTIONS.find((f) => f.module.startsWith(`${module}.`)),
      );
      expect(firstFunctionIn(idx, module)).toBe(
        FUNCTIONS.find(
          (f) =>
            f.module.startsWith(`${module}.`) && !f.module.slice(module.length + 1).includes("."),
        ),
      );
    }
  });
});

describe("setsReached", () => {
  const mod = (module: string, imports: string[]): IndexedModule => ({ module, imports });
  const modules: Record<string, IndexedModule> = {
    "a.py": mod("a", ["pkg"]),
    "pkg/__init__.py": mod("pkg", []),
    "pkg/deep/x.py": mod("pkg.deep.x", ["c.f"]),
    "b.py": mod("b", ["pkg.deep.*"]),
    "c.py": mod("c", []),
    "d.py": mod("d", ["e"]),
    "e.py": mod("e", ["d"]),
    "svc/c.py": mod("svc/c", []),
    "f.py": mod("f", ["nothing"]),
    "g.py": mod("g", ["c.something.else"]),
  };
  const idx = index([], modules);
  const seeds: Record<string, number[]> = { "c.py": [0], "e.py": [1], "svc/c.py": [2] };

  it("is filesReaching for each set, all at once", () => {
    const reached = setsReached(idx, (path) => seeds[path] ?? [], 3)!;
    for (let k = 0; k < 3; k++) {
      const one = filesReaching(idx, (path) => (seeds[path] ?? []).includes(k))!;
      const many = Object.keys(modules).filter((p) => (reached.get(p)![0] & (1 << k)) !== 0);
      expect(new Set(many)).toEqual(one);
    }
  });

  it("is the walk from each file, for each set (reachFrom)", () => {
    const reached = setsReached(idx, (path) => seeds[path] ?? [], 3)!;
    const walk = reachFrom(idx)!;
    for (const path of Object.keys(modules)) {
      const from = walk(path)!;
      expect(from.has(path)).toBe(true);
      for (let k = 0; k < 3; k++)
        expect([...from].some((p) => (seeds[p] ?? []).includes(k))).toBe(
          (reached.get(path)![0] & (1 << k)) !== 0,
        );
    }
    expect(walk("missing.py")).toBeUndefined();
  });
});
