import { utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/api.js";
import { stampClock } from "../../src/project/project-index.js";
import { takeWorkCounts } from "../../src/syntax/work-counts.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

/*
 * Deterministic bounds on the work a run does (issue 25): how many files it parses, copies and
 * hashes, counted in the thread that does it (the API runs every job inline under vitest). A text
 * test before the parse that lets every file through, a pass that parses a file another pass
 * already parsed, or a warm run that reads and hashes every file again shows here as a count, not
 * as noise in a benchmark.
 */

afterEach(() => {
  removeTempProjects();
  stampClock.now = () => Date.now();
});

/** Apps of a Django project: each has models, sync views, forms, admin, urls and helpers. */
const APPS = 12;
/** Of which these also have async code: a task module with sync_to_async wrappers. */
const ASYNC_APPS = 3;

const models = (k: number) => `from django.db import models


class TicketManager(models.Manager):
    def open_for(self, user):
        return self.filter(owner=user, closed=False)


class Ticket${k}(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE, related_name="tickets${k}")
    title = models.CharField(max_length=200)
    closed = models.BooleanField(default=False)

    objects = TicketManager()

    class Meta:
        ordering = ["-id"]
`;

// Sync code full of the words a careless text test would take for sites: get, open, run, sleep,
// requests, subprocess, objects, save.
const views = (k: number) => `import json
import subprocess
import time

import requests
from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .models import Ticket${k}


def ticket(request, pk):
    t = get_object_or_404(Ticket${k}, pk=pk)
    return JsonResponse({"title": t.title})


def export(request):
    with open("/tmp/export.json", "w") as f:
        json.dump([t.title for t in Ticket${k}.objects.all()], f)
    subprocess.run(["gzip", "/tmp/export.json"], check=True)
    time.sleep(0.1)
    return JsonResponse({"ok": requests.get("https://example.com").ok})


def close(request, pk):
    t = Ticket${k}.objects.get(pk=pk)
    t.closed = True
    t.save()
    return JsonResponse({})
`;

// Model fields in a list, never in a class body: nothing for the pre-pass to read there.
const migration = (k: number) => `from django.db import migrations, models
import django.db.models.deletion


class Migration(migrations.Migration):
    initial = True

    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.CreateModel(
            name="Ticket${k}",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True)),
                ("title", models.CharField(max_length=200)),
                ("closed", models.BooleanField(default=False)),
                (
                    "owner",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tickets${k}",
                        to="auth.user",
                    ),
                ),
            ],
        ),
    ]
`;

const forms = (k: number) => `from django import forms

from .models import Ticket${k}


class TicketForm(forms.ModelForm):
    class Meta:
        model = Ticket${k}
        fields = ["title"]

    def clean_title(self):
        return self.cleaned_data.get("title", "").strip()
`;

const admin = (k: number) => `from django.contrib import admin

from .models import Ticket${k}


@admin.register(Ticket${k})
class TicketAdmin(admin.ModelAdmin):
    list_display = ["title", "closed"]
`;

const urls = () => `from django.urls import path

from . import views

urlpatterns = [path("<int:pk>/", views.ticket), path("export/", views.export)]
`;

const helpers = () => `import os


def run(command, env=None):
    return os.system(command)


def settings_get(name, default=None):
    return os.environ.get(name, default)
`;

const tasks = (k: number) => `from asgiref.sync import sync_to_async

from .models import Ticket${k}


def count_open(user):
    return Ticket${k}.objects.filter(owner=user, closed=False).count()


async def summary(user):
    total = await sync_to_async(count_open)(user)
    return {"open": total}
`;

const chainedTasks = (k: number, next: number) => `from asgiref.sync import sync_to_async

from desk.app${next}.tasks import count_open as count_next

from .models import Ticket${k}


def count_open(user):
    return Ticket${k}.objects.filter(owner=user, closed=False).count()


async def summary(user):
    total = await sync_to_async(count_next)(user)
    return {"open": total}
`;

function project(): string {
  const files: Record<string, string> = {
    "manage.py": "import django\n",
    "pyproject.toml": '[project]\nname = "desk"\ndependencies = ["Django>=5.0"]\n',
  };
  for (let k = 0; k < APPS; k++) {
    const app = `desk/app${k}`;
    Object.assign(files, {
      [`${app}/__init__.py`]: "",
      [`${app}/models.py`]: models(k),
      [`${app}/views.py`]: views(k),
      [`${app}/forms.py`]: forms(k),
      [`${app}/admin.py`]: admin(k),
      [`${app}/urls.py`]: urls(),
      [`${app}/helpers.py`]: helpers(),
      [`${app}/migrations/__init__.py`]: "",
      [`${app}/migrations/0001_initial.py`]: migration(k),
      ...(k < ASYNC_APPS ? { [`${app}/tasks.py`]: tasks(k) } : {}),
    });
  }
  return tempProject(files);
}

/** 9 files per app, a task module in ASYNC_APPS of them, manage.py. */
const FILES = APPS * 9 + ASYNC_APPS + 1;

describe("the work a run does, counted", () => {
  it("parses only the files that may hold a site or declare model fields, each once", async () => {
    const dir = project();
    takeWorkCounts();
    const result = await run([dir], { config: false, cache: false, jobs: 1 });
    const counts = takeWorkCounts();
    expect(result.files).toHaveLength(FILES);
    expect(result.files.filter((f) => f.status === "changed")).toHaveLength(ASYNC_APPS);
    // The bound: each app's models.py (the pre-pass reads model bodies: managers, relations),
    // and each task module once (the survey's parse serves the rewrite). Views, forms, admin,
    // urls, helpers and migrations (their fields sit in lists) are never parsed. 6766643 parsed
    // 30 files: the migrations too, and the task modules twice.
    // missing-await's typed survey read every file holding a function (87 here) from main's
    // merge of 2026-12-06 10:00 (b525d42) to issue 25's third session: it starts from the files
    // whose imports may reach an async def or an awaitable annotation now (survey-imports.ts).
    expect(counts.parses).toBeLessThanOrEqual(APPS + ASYNC_APPS);
    // Copied for the transforms: each task module as read, and once more as native-orm rewrote it
    // (the transforms after it read the new text).
    expect(counts.copies).toBeLessThanOrEqual(2 * ASYNC_APPS);
  });

  it("parses a file the survey asks of again in a later round once", async () => {
    // Each task module wraps a helper of the next one's, which holds sync_to_async too: the
    // first round reads every task module, the next asks each again for the helper's body.
    const files: Record<string, string> = {
      "manage.py": "import django\n",
      "pyproject.toml": '[project]\nname = "desk"\ndependencies = ["Django>=5.0"]\n',
    };
    for (let k = 0; k < APPS; k++) {
      Object.assign(files, {
        [`desk/app${k}/__init__.py`]: "",
        [`desk/app${k}/models.py`]: models(k),
        [`desk/app${k}/tasks.py`]: chainedTasks(k, (k + 1) % APPS),
      });
    }
    const dir = tempProject(files);
    takeWorkCounts();
    await run([dir], { config: false, cache: false, jobs: 1 });
    const counts = takeWorkCounts();
    // Each models.py (the pre-pass) and each task module once.
    expect(counts.parses).toBeLessThanOrEqual(2 * APPS);
  });

  it("a warm run hashes and parses no file that did not change, and reads a changed one", async () => {
    const dir = project();
    // Files written a moment ago are hashed on every run (see RACY_WINDOW_NS): the clock moves on.
    stampClock.now = () => Date.now() + 60_000;
    const named = join(dir, "desk/app0/tasks.py");
    const cold = await run([named], { config: false, jobs: 1 });
    takeWorkCounts();
    const warm = await run([named], { config: false, jobs: 1 });
    const counts = takeWorkCounts();
    expect(JSON.stringify(warm.files)).toBe(JSON.stringify(cold.files));
    expect(counts.hashes).toBe(0);
    // The named file itself: surveyed, and rewritten from the same parse.
    expect(counts.parses).toBe(1);

    // A models.py changed behind the cache's back with the same size and modification time
    // (Nix and some CI caches normalise times, issue 22): its change time moved, so it is read.
    const models0 = join(dir, "desk/app0/models.py");
    utimesSync(models0, 1_700_000_000, 1_700_000_000);
    await run([named], { config: false, jobs: 1 });
    writeFileSync(models0, models(0).replace("ForeignKey(", "CharField ("));
    utimesSync(models0, 1_700_000_000, 1_700_000_000);
    takeWorkCounts();
    const changed = await run([named], { config: false, jobs: 1 });
    expect(takeWorkCounts().hashes).toBe(1);
    const fresh = await run([named], { config: false, jobs: 1, cache: false });
    expect(JSON.stringify(changed.files)).toBe(JSON.stringify(fresh.files));
  });

  it("hashes a file changed within the racy window again on the next run", async () => {
    const dir = project();
    const named = join(dir, "desk/app0/tasks.py");
    // Real time: every file was written a moment ago, so no stamp is trusted yet.
    await run([named], { config: false, jobs: 1 });
    takeWorkCounts();
    await run([named], { config: false, jobs: 1 });
    expect(takeWorkCounts().hashes).toBe(FILES);
  });
});
