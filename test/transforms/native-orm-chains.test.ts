import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asyncshift, removeTempProjects, tempProject } from "../helpers/project.js";

// native-orm through calls (issue 15, part 1, same file), end to end: the project index says who
// else calls each reached function, which decides between converting it in place and adding an
// async twin beside it.

const MODELS = `from django.db import models


class PullRequest(models.Model):
    number = models.IntegerField()


class Review(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    state = models.CharField(max_length=20)
`;

const SYNC = `from asgiref.sync import sync_to_async

from .models import PullRequest, Review


def _process_reviews(pr, reviews):
    for review in reviews:
        Review.objects.update_or_create(pull_request=pr, defaults={"state": review})


def process_states(pr):
    return list(Review.objects.filter(pull_request=pr).values_list("state", flat=True))


def _touch(pr):
    PullRequest.objects.filter(pk=pr.pk).update(number=pr.number)


@sync_to_async
def _process_pr_async(pr_id, reviews):
    pr = PullRequest.objects.get(pk=pr_id)
    _process_reviews(pr, reviews)
    _touch(pr)
    return process_states(pr)
`;

const TASKS = `from celery import shared_task

from shop.sync import process_states


@shared_task
def report_states(pr_id):
    return process_states(pr_id)
`;

const TEST = `from shop.sync import _process_reviews


def test_reviews(pr):
    _process_reviews(pr, ["approved"])
`;

function project() {
  return tempProject({
    "requirements.txt": "Django==5.2\n",
    "manage.py": "",
    "shop/__init__.py": "",
    "shop/models.py": MODELS,
    "shop/sync.py": SYNC,
    "shop/tasks.py": TASKS,
    "tests/test_sync.py": TEST,
  });
}

afterEach(removeTempProjects);

function tempFile(dir: string, path: string, text: string) {
  writeFileSync(join(dir, path), text);
}

describe("a wrapper converting through the functions of its module", () => {
  it("twins the functions other files call (a task, a test) and converts the rest in place", () => {
    const dir = project();
    const result = asyncshift(dir, ["--write", "shop/sync.py"]);
    expect(result.code).toBe(0);
    const written = readFileSync(join(dir, "shop/sync.py"), "utf8");
    expect(written).toContain(
      "def _process_reviews(pr, reviews):\n    for review in reviews:\n        Review.objects.update_or_create(",
    );
    expect(written).toContain(
      "async def _aprocess_reviews(pr, reviews):\n    for review in reviews:\n        await Review.objects.aupdate_or_create(",
    );
    expect(written).toContain("def process_states(pr):\n    return list(");
    expect(written).toContain(
      "async def aprocess_states(pr):\n    return [obj async for obj in Review.objects.filter(",
    );
    expect(written).toContain(
      "async def _touch(pr):\n    await PullRequest.objects.filter(pk=pr.pk).aupdate(number=pr.number)",
    );
    expect(written).not.toContain("def _atouch");
    expect(written).toContain(
      [
        "async def _process_pr_async(pr_id, reviews):",
        "    pr = await PullRequest.objects.aget(pk=pr_id)",
        "    await _aprocess_reviews(pr, reviews)",
        "    await _touch(pr)",
        "    return await aprocess_states(pr)",
      ].join("\n"),
    );
    expect(readFileSync(join(dir, "shop/tasks.py"), "utf8")).toBe(TASKS);
    expect(readFileSync(join(dir, "tests/test_sync.py"), "utf8")).toBe(TEST);
    // Idempotent: a second run has nothing to do.
    expect(asyncshift(dir, ["--check", "shop/sync.py"]).code).toBe(0);
  });

  it("twins a function a test patches, rather than converting it in place", () => {
    const dir = project();
    const patching = `from unittest import mock\n\n\n@mock.patch("shop.sync._touch")\ndef test_touch(touch):\n    pass\n`;
    tempFile(dir, "tests/test_touch.py", patching);
    asyncshift(dir, ["--write", "shop/sync.py"]);
    const written = readFileSync(join(dir, "shop/sync.py"), "utf8");
    expect(written).toContain("def _touch(pr):\n    PullRequest.objects");
    expect(written).toContain("async def _atouch(pr):");
    expect(written).toContain("    await _atouch(pr)");
  });

  it("`asyncshift report` lists the chain", () => {
    const dir = project();
    const result = asyncshift(dir, ["report", "shop"]);
    // Lines wrap at 80 columns: read them joined.
    expect(result.stdout.replace(/\n +/g, " ")).toContain(
      "shop/sync.py:19: sync_to_async converts through calls _process_pr_async -> _process_reviews, _touch, process_states",
    );
  });
});
