import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asyncshift, removeTempProjects, tempProject, tempRepo } from "../helpers/project.js";
import { filesUnder } from "../helpers/project-snapshots.js";

// native-orm through calls across files (issue 15, part 1). What each chain rewrites or refuses is
// shown by the project cases snapshots/native-orm/chain-across-files-*/; here is only what a
// snapshot cannot show: writing on disk, git, an unwritable file and `asyncshift report`.

const CASE = new URL("../../snapshots/native-orm/chain-across-files-team-doc/", import.meta.url)
  .pathname;
/** The team-doc shape: a `@sync_to_async` wrapper calling three helpers of a services module. */
const INPUT = filesUnder(join(CASE, "input"));
const OUTPUT = filesUnder(join(CASE, "output"));
const SERVICES = INPUT.get("reviews/services.py")!;
const SYNC = INPUT.get("reviews/sync.py")!;

function project(make = tempProject) {
  return make(Object.fromEntries(INPUT));
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

afterEach(removeTempProjects);

describe("a wrapper converting through functions of other files", () => {
  it("--write writes what the snapshot shows, exits 0, and --check finds nothing left", () => {
    const dir = project();
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const [path, text] of INPUT) expect(read(dir, path), path).toBe(OUTPUT.get(path) ?? text);
    expect(asyncshift(dir, ["--check", "."]).code).toBe(0);
  });

  it("`asyncshift report` lists the chain across files", () => {
    const dir = project();
    const result = asyncshift(dir, ["report", "."]);
    // Lines wrap at 80 columns: read them joined.
    expect(result.stdout.replace(/\n +/g, " ")).toContain(
      "reviews/sync.py:6: sync_to_async converts through calls across files _process_pr_async -> _aprocess_reviews, _aprocess_commits, _aprocess_files",
    );
  });
});

describe("a chain across files that does not convert changes no file", () => {
  it("keeps a chain that reaches a file --write refuses (uncommitted changes)", () => {
    const dir = project(tempRepo);
    const services = `# work in progress\n${SERVICES}`;
    writeFileSync(join(dir, "reviews/services.py"), services);
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.stdout).toContain(
      "_process_pr_async -> _process_reviews: this run does not rewrite reviews/services.py (it was not named, or has uncommitted changes)",
    );
    expect(read(dir, "reviews/services.py")).toBe(services);
    expect(read(dir, "reviews/sync.py")).toBe(SYNC);
  });

  it("rewrites no wrapper to await a twin its file could not be given (read-only)", () => {
    const dir = project();
    chmodSync(join(dir, "reviews/services.py"), 0o444);
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.stdout).toContain("reviews/services.py");
    expect(read(dir, "reviews/services.py")).toBe(SERVICES);
    expect(read(dir, "reviews/sync.py")).toBe(SYNC);
  });
});

describe("a large project's test files are surveyed as a small one's (orm-review-5 Q16)", () => {
  it("follows database_sync_to_async(project_fn) in a test file among more than 64 files", () => {
    const files: Record<string, string> = {
      "manage.py": 'import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")\n',
      "core/__init__.py": "",
      "core/models.py":
        "from django.db import models\n\n\nclass Event(models.Model):\n    name = models.CharField(max_length=40)\n",
      "core/events.py":
        "from core.models import Event\n\n\ndef publish(name):\n    Event.objects.create(name=name)\n",
      "tests/__init__.py": "",
      "tests/test_realtime.py": [
        "from channels.db import database_sync_to_async",
        "",
        "from core.events import publish",
        "",
        "",
        "async def test_publish():",
        '    await database_sync_to_async(publish)("started")',
        "",
      ].join("\n"),
    };
    // Enough other modules that the survey asks only the files naming a wrapper.
    for (let i = 0; i < 70; i++)
      files[`tests/test_other_${i}.py`] = `def test_${i}():\n    assert ${i} == ${i}\n`;
    const dir = tempProject(files);
    const result = asyncshift(dir, ["-t", "native-orm", "--django", "--no-cache", "."]);
    expect(result.stdout).toContain('+    await apublish("started")');
    expect(result.stdout).not.toContain("outside test code");
  });
});
