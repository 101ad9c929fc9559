import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/api.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

afterEach(removeTempProjects);

// Run notices and project facts, which a snapshot does not show. The rewrites across files (tests
// that patch a rewritten call, AS920; a coroutine reaching sync_to_async without Django) are the
// project cases snapshots/asyncio-run/patched-by-tests/ and reaches-sync-to-async-without-django/.

const CLI = `import asyncio

from app.jobs import invoke_async


def main():
    asyncio.run(invoke_async())
`;

describe("asyncio-run runs where the bug can happen", () => {
  it("does nothing in a FastAPI + Celery project that lists asgiref but not Django, and says why", async () => {
    const dir = tempProject({
      "pyproject.toml":
        '[project]\nname = "app"\ndependencies = ["fastapi", "celery", "asgiref"]\n',
      "app/__init__.py": "",
      "app/cli.py": CLI,
      "app/tasks.py": CLI.replace("def main", "def sync_job"),
    });
    const result = await run([dir], { config: false, cache: false });
    expect(result.files.every((f) => f.status === "unchanged")).toBe(true);
    expect(result.notices.map((n) => n.message).join("\n")).toMatch(
      /asyncio-run: no Django found in the project; only calls whose coroutine reaches sync_to_async/,
    );
  });

  it("leaves a console script of a Django project alone and says so (info)", async () => {
    const dir = tempProject({
      "pyproject.toml":
        '[project]\nname = "app"\ndependencies = ["Django>=4.2"]\n[project.scripts]\napp-sync = "app.cli:main"\n',
      "app/__init__.py": "",
      "app/cli.py": CLI,
    });
    const result = await run([dir], { config: false, cache: false, mode: "write" });
    expect(readFileSync(join(dir, "app/cli.py"), "utf8")).toBe(CLI);
    const cli = result.files.find((f) => f.path.endsWith("cli.py"))!;
    expect(cli.diagnostics.map((d) => [d.code, d.severity])).toEqual([["AS108", "info"]]);
    expect(result.project.entryPoints).toEqual(["app.cli:main"]);
  });
});
