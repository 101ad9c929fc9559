import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/api.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

afterEach(removeTempProjects);

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

describe("tests that patch what was rewritten (AS920)", () => {
  const TASKS = `import asyncio

from celery import shared_task

from billing.remote import sync_remote


@shared_task
def sync_batch(batch_id):
    asyncio.run(sync_remote(batch_id))
`;
  const TEST = `from unittest import mock
from unittest.mock import patch

from billing import tasks


@patch("billing.tasks.asyncio.run")
def test_module_patch(run):
    tasks.sync_batch(1)
    run.assert_called_once()


def test_global_patch():
    with mock.patch("asyncio.run") as run:
        tasks.sync_batch(1)
    run.assert_called_once()


def test_unrelated():
    with mock.patch("billing.remote.asyncio.run"):
        pass
`;
  it("reports each patch on the test's line, with the target to patch instead, the test not named", async () => {
    const dir = tempProject({
      "pyproject.toml": '[project]\nname = "billing"\ndependencies = ["Django==4.2", "celery"]\n',
      "billing/__init__.py": "",
      "billing/remote.py": "async def sync_remote(batch_id):\n    return batch_id\n",
      "billing/tasks.py": TASKS,
      "tests/test_tasks.py": TEST,
    });
    const result = await run([join(dir, "billing/tasks.py")], { config: false, cache: false });
    const test = result.files.find((f) => f.path.endsWith("test_tasks.py"))!;
    expect(test.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["AS920", 7],
      ["AS920", 14],
    ]);
    expect(test.diagnostics[0].message).toContain('patch "billing.tasks.async_to_sync" instead');
    expect(result.exitCode).toBe(0);
  });
});

describe("tests that patch an ORM method a rewrite now awaits (AS920)", () => {
  it("names patch.object(Order.objects, 'count') and the patch of its dotted path", async () => {
    const dir = tempProject({
      "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["Django==4.2"]\n',
      "shop/__init__.py": "",
      "shop/models.py":
        "from django.db import models\n\n\nclass Order(models.Model):\n    status = models.CharField(max_length=10)\n",
      "shop/views.py":
        "from asgiref.sync import sync_to_async\n\nfrom shop.models import Order\n\n\nasync def open_count():\n    return await sync_to_async(Order.objects.count)()\n",
      "tests/test_views.py":
        'from unittest import mock\n\nfrom shop import views\nfrom shop.models import Order\n\n\ndef test_count():\n    with mock.patch.object(Order.objects, "count", return_value=3):\n        views.open_count()\n\n\n@mock.patch("shop.models.Order.objects.count")\ndef test_count_again(count):\n    views.open_count()\n',
    });
    const result = await run([join(dir, "shop/views.py")], { config: false, cache: false });
    const test = result.files.find((f) => f.path.endsWith("test_views.py"))!;
    expect(test.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ["AS920", 8],
      ["AS920", 12],
    ]);
    expect(test.diagnostics[0].message).toContain("patch Order.objects.acount instead");
  });
});

describe("asyncio-run without Django, where the coroutine reaches sync_to_async", () => {
  it("rewrites only the calls whose coroutine reaches sync_to_async work through the project", async () => {
    const dir = tempProject({
      "pyproject.toml":
        '[project]\nname = "app"\ndependencies = ["fastapi", "celery", "asgiref"]\n',
      "app/__init__.py": "",
      "app/store.py":
        "from asgiref.sync import sync_to_async\n\n\ndef write(row):\n    return row\n\n\nasync def save(row):\n    return await sync_to_async(write)(row)\n\n\nasync def ping():\n    return 1\n",
      "app/tasks.py":
        "import asyncio\n\nfrom celery import shared_task\n\nfrom app.store import ping, save\n\n\n@shared_task\ndef store(row):\n    asyncio.run(save(row))\n\n\n@shared_task\ndef check():\n    asyncio.run(ping())\n",
    });
    const result = await run([join(dir, "app/tasks.py")], { config: false, cache: false });
    const tasks = result.files.find((f) => f.path.endsWith("tasks.py"))!;
    expect(tasks.status).toBe("changed");
    if (tasks.status !== "changed") return;
    expect(tasks.fixes.map((f) => [f.code, f.line])).toEqual([["AS101", 10]]);
  });
});
