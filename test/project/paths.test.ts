import { relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { displayPath, relativePath } from "../../src/project/paths.js";

describe("relativePath", () => {
  it("is path.relative, sliced when the path plainly lies under the base", () => {
    const cases: [string, string][] = [
      ["/p", "/p/a.py"],
      ["/p", "/p/pkg/mod.py"],
      ["/p", "/p"],
      ["/p", "/p/"],
      ["/p", "/pq/a.py"],
      ["/p", "/q/a.py"],
      ["/p/", "/p/a.py"],
      ["/", "/a.py"],
      ["/p", "/p/./a.py"],
      ["/p", "/p/../a.py"],
      ["/p", "/p//a.py"],
      ["/p", "/p/.hidden/a.py"],
      ["/p/x/..", "/p/a.py"],
      ["p", "p/a.py"],
    ];
    for (const [base, path] of cases)
      expect([base, path, relativePath(base, path)]).toEqual([base, path, relative(base, path)]);
  });

  it("gives displayPath the same answers", () => {
    expect(displayPath(`/p${sep}a${sep}b.py`, "/p")).toBe("a/b.py");
    expect(displayPath("/q/b.py", "/p")).toBe("/q/b.py");
    expect(displayPath("/p", "/p")).toBe("/p");
  });
});
