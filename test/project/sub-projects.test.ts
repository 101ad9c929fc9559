import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/api.js";
import { projectOfFile } from "../../src/project/sub-projects.js";
import type { ProjectFacts } from "../../src/model/types.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

afterEach(removeTempProjects);

const JOBS = `import asyncio


async def refresh_rates():
    return 1


def sync_rates():
    return asyncio.run(refresh_rates())
`;

/** A repository holding a Django service and a FastAPI one, each with its own requirements. */
function monorepo(extra: Record<string, string> = {}, without: string[] = []): string {
  const files: Record<string, string> = {
    "repo/.git/HEAD": "ref: refs/heads/main\n",
    "repo/backend_django/manage.py": "import django\n",
    "repo/backend_django/requirements.txt": "Django>=4.2\ncelery==5.3.6\n",
    "repo/backend_django/shop/__init__.py": "",
    "repo/backend_django/shop/tasks.py": JOBS,
    "repo/svc/requirements.txt": "fastapi==0.110.0\nhttpx>=0.27\n",
    "repo/svc/jobs.py": JOBS,
    "repo/scripts/rates.py": JOBS,
    ...extra,
  };
  for (const path of without) delete files[path];
  return tempProject(files);
}

async function changedPaths(dir: string, notices: string[] = []): Promise<string[]> {
  const result = await run([join(dir, "repo")], { config: false, cache: false });
  notices.push(...result.notices.map((n) => n.message));
  return result.files
    .filter((f) => f.status === "changed")
    .map((f) => f.path.replace(/\\/g, "/"))
    .sort();
}

describe("a repository of several projects: Django is decided by each file's nearest dependency file", () => {
  it("leaves a service whose requirements name neither Django nor asgiref alone", async () => {
    const dir = monorepo();
    const notices: string[] = [];
    const changed = await changedPaths(dir, notices);
    expect(notices).toEqual([
      "svc: its dependency files (svc/requirements.txt) name neither Django nor asgiref; " +
        "native-orm left its files alone; asyncio-run: only asyncio.run() and run_until_complete() " +
        "inside async def are reported (a RuntimeError in any project)",
    ]);
    expect(changed.some((p) => p.endsWith("backend_django/shop/tasks.py"))).toBe(true);
    expect(changed.some((p) => p.endsWith("svc/jobs.py"))).toBe(false);
    // No dependency file between it and the root: the project-wide answer (Django found).
    expect(changed.some((p) => p.endsWith("scripts/rates.py"))).toBe(true);
    expect(readFileSync(join(dir, "repo/svc/jobs.py"), "utf8")).toBe(JOBS);
  });

  it("reads the root's own dependency files too: an agent service beside the Django one", async () => {
    const dir = monorepo({ "repo/requirements.txt": "openai==1.40.0\nfastapi\n" });
    const notices: string[] = [];
    const changed = await changedPaths(dir, notices);
    expect(notices).toContain(
      "the project root: its dependency files (requirements.txt) name neither Django nor asgiref; " +
        "native-orm left its files alone; asyncio-run: only asyncio.run() and run_until_complete() " +
        "inside async def are reported (a RuntimeError in any project)",
    );
    // scripts/ has no dependency file of its own: the root's, which name no Django, decide.
    expect(changed.some((p) => p.endsWith("scripts/rates.py"))).toBe(false);
    expect(changed.some((p) => p.endsWith("backend_django/shop/tasks.py"))).toBe(true);
  });

  it("follows a requirements file's -r includes", async () => {
    const dir = monorepo({
      "repo/requirements/base.txt": "Django==4.2.11\n",
      "repo/svc/requirements.txt": "-r ../requirements/base.txt\nfastapi==0.110.0\n",
    });
    const changed = await changedPaths(dir);
    expect(changed.some((p) => p.endsWith("svc/jobs.py"))).toBe(true);
  });

  it("passes over a file that declares no dependencies (setup.cfg holding flake8's settings)", async () => {
    const dir = monorepo(
      {
        "repo/svc/setup.cfg": "[flake8]\nmax-line-length = 100\n",
        "repo/svc/pyproject.toml": "[tool.black]\nline-length = 100\n",
      },
      ["repo/svc/requirements.txt"],
    );
    const changed = await changedPaths(dir);
    expect(changed.some((p) => p.endsWith("svc/jobs.py"))).toBe(true);
  });

  it("takes a pyproject.toml's own dependencies", async () => {
    const dir = monorepo(
      { "repo/svc/pyproject.toml": '[project]\nname = "svc"\ndependencies = ["fastapi>=0.110"]\n' },
      ["repo/svc/requirements.txt"],
    );
    const changed = await changedPaths(dir);
    expect(changed.some((p) => p.endsWith("svc/jobs.py"))).toBe(false);
  });

  it("keeps a folder whose requirements name a package built on Django", async () => {
    const dir = monorepo({ "repo/svc/requirements.txt": "pytest==8.1.1\npytest-django==4.8.0\n" });
    const changed = await changedPaths(dir);
    expect(changed.some((p) => p.endsWith("svc/jobs.py"))).toBe(true);
  });

  it("keeps a service that imports Django itself", async () => {
    const dir = monorepo({
      "repo/svc/settings.py": "from django.conf import settings\n",
    });
    const changed = await changedPaths(dir);
    expect(changed.some((p) => p.endsWith("svc/jobs.py"))).toBe(true);
  });
});

describe("projectOfFile", () => {
  const project: ProjectFacts = {
    usesDjango: true,
    usesAsgiref: true,
    djangoVersion: "4.2",
    models: {},
    root: "/repo",
    subProjects: {
      svc: { usesDjango: false, usesAsgiref: false, evidence: "svc/requirements.txt" },
      "services/billing": {
        usesDjango: true,
        usesAsgiref: false,
        djangoVersion: "5.0",
        evidence: "services/billing/requirements.txt",
      },
    },
  };

  it("takes the nearest sub-project's answer, and its Django pin", () => {
    expect(projectOfFile(project, "/repo/svc/app/jobs.py")).toMatchObject({
      usesDjango: false,
      usesAsgiref: false,
    });
    expect(projectOfFile(project, "/repo/svc/app/jobs.py").djangoVersion).toBeUndefined();
    expect(projectOfFile(project, "/repo/services/billing/tasks.py")).toMatchObject({
      usesDjango: true,
      usesAsgiref: true,
      djangoVersion: "5.0",
    });
  });

  it("keeps the project-wide answer elsewhere, and never adds Django the project lacks", () => {
    expect(projectOfFile(project, "/repo/scripts/rates.py")).toBe(project);
    expect(projectOfFile(project, "/repo/svc2/jobs.py")).toBe(project);
    const withoutDjango = { ...project, usesDjango: false, djangoVersion: undefined };
    expect(projectOfFile(withoutDjango, "/repo/services/billing/tasks.py").usesDjango).toBe(false);
  });
});
