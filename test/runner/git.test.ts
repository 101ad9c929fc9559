import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  filesChangedSince,
  GitError,
  refuseDirtyWrites,
  uncommittedFiles,
  workTreeRoot,
} from "../../src/runner/git.js";
import type { FileResult } from "../../src/model/results.js";
import type { Notice } from "../../src/model/types.js";
import { git, removeTempProjects, tempProject, tempRepo } from "../helpers/project.js";

afterEach(removeTempProjects);

describe("git", () => {
  it("finds the work tree root, and none outside a repository", () => {
    const repo = tempRepo({ "app/a.py": "x = 1\n" });
    expect(workTreeRoot(join(repo, "app/a.py"))).toBe(repo);
    expect(workTreeRoot(tempProject({ "b.py": "" }))).toBeUndefined();
  });

  it("names files with uncommitted changes: modified, staged or untracked, not clean ones", () => {
    const repo = tempRepo({ "a.py": "a = 1\n", "b.py": "b = 1\n", "c.py": "c = 1\n" });
    writeFileSync(join(repo, "a.py"), "a = 2\n");
    writeFileSync(join(repo, "b.py"), "b = 2\n");
    git(repo, "add", "b.py");
    writeFileSync(join(repo, "new.py"), "n = 1\n");
    const files = ["a.py", "b.py", "c.py", "new.py"].map((f) => join(repo, f));
    const dirty = uncommittedFiles(files);
    expect([...dirty].map((f) => f.slice(repo.length + 1)).sort()).toEqual([
      "a.py",
      "b.py",
      "new.py",
    ]);
  });

  it("lists files changed since a revision plus untracked ones, in the order given", () => {
    const repo = tempRepo({ "a.py": "a = 1\n", "b.py": "b = 1\n" });
    writeFileSync(join(repo, "b.py"), "b = 2\n");
    writeFileSync(join(repo, "c.py"), "c = 1\n");
    const files = ["a.py", "b.py", "c.py"].map((f) => join(repo, f));
    expect(filesChangedSince("HEAD", files, repo).map((f) => f.slice(repo.length + 1))).toEqual([
      "b.py",
      "c.py",
    ]);
    expect(() => filesChangedSince("no-such-rev", files, repo)).toThrow(GitError);
  });

  it("refuses writes of dirty files with AS906 and one notice naming them", () => {
    const changed: FileResult = {
      path: "a.py",
      status: "changed",
      edits: [],
      fixes: [],
      written: false,
      diagnostics: [],
      skippedBy: [],
    };
    const notices: Notice[] = [];
    const [out] = refuseDirtyWrites([changed], new Set(["a.py"]), notices);
    expect(out.diagnostics.map((d) => d.code)).toEqual(["AS906"]);
    expect(notices[0].message).toContain("a.py");
  });
});
