import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileWithCPython } from "../helpers/compile.js";
import { asyncshift, removeTempProjects, tempProject, tempRepo } from "../helpers/project.js";

// native-orm through calls across files (issue 15, part 1), end to end: the team-doc shape (a
// `@sync_to_async` wrapper calling three helpers of a services module, one of them also called by
// a Celery task) converts, each helper keeping its sync form beside an async twin; and each
// refusal keeps every file as it was, with the path to the blocker named.

const MODELS = `from django.db import models


class PullRequest(models.Model):
    number = models.IntegerField()
    archive = models.FileField()


class Review(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    external_id = models.IntegerField()
    state = models.CharField(max_length=20)


class Commit(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    sha = models.CharField(max_length=40)


class File(models.Model):
    pull_request = models.ForeignKey(PullRequest, on_delete=models.CASCADE)
    name = models.CharField(max_length=200)
`;

const SERVICES = `from .models import Commit, File, Review


def _process_reviews(pr, reviews):
    for review in reviews:
        Review.objects.update_or_create(
            pull_request=pr,
            external_id=review["id"],  # GitHub's id, not ours
            defaults={"state": review["state"]},
        )


def _process_commits(pr, commits):
    for commit in commits:
        Commit.objects.update_or_create(pull_request=pr, sha=commit["sha"])


def _process_files(pr, files):
    for name in files:
        File.objects.update_or_create(pull_request=pr, name=name)
`;

const SYNC = `from asgiref.sync import sync_to_async

from .services import _process_commits, _process_files, _process_reviews


@sync_to_async
def _process_pr_async(pr, data):
    _process_reviews(pr, data["reviews"])
    _process_commits(pr, data["commits"])
    _process_files(pr, data["files"])


async def handle_webhook(pr, data):
    await _process_pr_async(pr, data)
`;

const TASKS = `from celery import shared_task

from .models import PullRequest
from .services import _process_files


@shared_task
def refresh_files(pr_id, files):
    pr = PullRequest.objects.get(pk=pr_id)
    _process_files(pr, files)
`;

function project(extra: Record<string, string> = {}, make = tempProject) {
  return make({
    "requirements.txt": "Django==5.2\ncelery==5.4\n",
    "manage.py": "",
    "reviews/__init__.py": "",
    "reviews/models.py": MODELS,
    "reviews/services.py": SERVICES,
    "reviews/sync.py": SYNC,
    "reviews/tasks.py": TASKS,
    ...extra,
  });
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

afterEach(removeTempProjects);

describe("a wrapper converting through functions of other files", () => {
  it("converts the team-doc shape: twins beside the helpers, the task unchanged", () => {
    const dir = project();
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const services = read(dir, "reviews/services.py");
    // Each helper keeps its sync form for the task.
    for (const def of SERVICES.split("\n\n\n").slice(1)) expect(services).toContain(def);
    expect(services).toContain(
      [
        "async def _aprocess_reviews(pr, reviews):",
        "    for review in reviews:",
        "        await Review.objects.aupdate_or_create(",
        "            pull_request=pr,",
        '            external_id=review["id"],  # GitHub\'s id, not ours',
      ].join("\n"),
    );
    expect(services).toContain(
      "\n\n\nasync def _aprocess_files(pr, files):\n    for name in files:\n        await File.objects.aupdate_or_create(pull_request=pr, name=name)\n",
    );
    expect(read(dir, "reviews/sync.py")).toBe(
      [
        "from .services import _aprocess_commits, _aprocess_files, _aprocess_reviews",
        "",
        "",
        "async def _process_pr_async(pr, data):",
        '    await _aprocess_reviews(pr, data["reviews"])',
        '    await _aprocess_commits(pr, data["commits"])',
        '    await _aprocess_files(pr, data["files"])',
        "",
        "",
        "async def handle_webhook(pr, data):",
        "    await _process_pr_async(pr, data)",
        "",
      ].join("\n"),
    );
    expect(read(dir, "reviews/tasks.py")).toBe(TASKS);
    const compiled = compileWithCPython(
      new Map(["services", "sync"].map((m) => [m, read(dir, `reviews/${m}.py`)])),
    );
    expect([...compiled.values()].filter(Boolean)).toEqual([]);
    // Idempotent: the second run has nothing left to do.
    expect(asyncshift(dir, ["--check", "."]).code).toBe(0);
  });

  it("follows `services.helper(...)` and `sync_to_async(helper)(...)` too", () => {
    const views = `from asgiref.sync import sync_to_async

from reviews import services
from reviews.services import _process_commits


@sync_to_async
def files_view_work(pr, data):
    services._process_files(pr, data)


async def commits_view(request, pr):
    await sync_to_async(_process_commits)(pr, request.POST["commits"])
`;
    const dir = project({ "reviews/views.py": views });
    asyncshift(dir, ["--write", "reviews/views.py", "reviews/services.py"]);
    const written = read(dir, "reviews/views.py");
    expect(written).toContain(
      "async def files_view_work(pr, data):\n    await services._aprocess_files(pr, data)",
    );
    expect(written).toContain('    await _aprocess_commits(pr, request.POST["commits"])');
    expect(written).toContain("from reviews.services import _aprocess_commits\n");
    expect(written).not.toContain("sync_to_async");
    expect(read(dir, "reviews/services.py")).toContain("async def _aprocess_commits(pr, commits):");
  });

  it("follows self.helper() into a base class of another module", () => {
    const base = `from .models import Review


class BaseSync:
    def _store_reviews(self, reviews):
        for review in reviews:
            Review.objects.filter(external_id=review["id"]).update(state=review["state"])
`;
    const consumer = `from asgiref.sync import sync_to_async

from .base import BaseSync


class ReviewSync(BaseSync):
    @sync_to_async
    def store(self, reviews):
        self._store_reviews(reviews)
`;
    const dir = project({ "reviews/base.py": base, "reviews/consumer.py": consumer });
    asyncshift(dir, ["--write", "."]);
    expect(read(dir, "reviews/consumer.py")).toContain(
      "    async def store(self, reviews):\n        await self._astore_reviews(reviews)\n",
    );
    const written = read(dir, "reviews/base.py");
    expect(written).toContain(
      "    def _store_reviews(self, reviews):\n        for review in reviews:\n            Review.objects",
    );
    expect(written).toContain(
      '\n    async def _astore_reviews(self, reviews):\n        for review in reviews:\n            await Review.objects.filter(external_id=review["id"]).aupdate(state=review["state"])\n',
    );
    expect(asyncshift(dir, ["--check", "."]).code).toBe(0);
  });

  it("follows a static or class method of a service class in another module", () => {
    const service = `from .models import Review


class ReviewService:
    @staticmethod
    def close_all(pr):
        Review.objects.filter(pull_request=pr).update(state="closed")

    @classmethod
    def count_open(cls, pr):
        return Review.objects.filter(pull_request=pr, state="open").count()
`;
    const consumer = `from asgiref.sync import sync_to_async

from .service import ReviewService


@sync_to_async
def close_and_count(pr):
    ReviewService.close_all(pr)
    return ReviewService.count_open(pr)
`;
    const dir = project({ "reviews/service.py": service, "reviews/consumer.py": consumer });
    asyncshift(dir, ["--write", "."]);
    expect(read(dir, "reviews/consumer.py")).toContain(
      "async def close_and_count(pr):\n    await ReviewService.aclose_all(pr)\n    return await ReviewService.acount_open(pr)\n",
    );
    const written = read(dir, "reviews/service.py");
    expect(written).toContain(
      '    @staticmethod\n    async def aclose_all(pr):\n        await Review.objects.filter(pull_request=pr).aupdate(state="closed")\n',
    );
    expect(written).toContain(
      '    @classmethod\n    async def acount_open(cls, pr):\n        return await Review.objects.filter(pull_request=pr, state="open").acount()\n',
    );
    expect(written).toContain("    @staticmethod\n    def close_all(pr):\n");
    expect(asyncshift(dir, ["--check", "."]).code).toBe(0);
  });

  it("says which project class a method it does not follow belongs to (a package re-export)", () => {
    const dir = project({
      "reviews/rbac/__init__.py": "from .service import RbacService\n",
      "reviews/rbac/service.py": `from reviews.models import Review


class RbacService:
    @staticmethod
    def visible(user):
        return Review.objects.filter(state=user)
`,
      "reviews/consumer.py": `from asgiref.sync import sync_to_async

from reviews.rbac import RbacService
from reviews.models import Review


@sync_to_async
def can_view(user, pk):
    RbacService.visible(user)
    return Review.objects.filter(pk=pk).exists()
`,
    });
    const result = asyncshift(dir, ["."]);
    expect(result.stdout).toContain(
      "AS205 @sync_to_async wrapper can_view() kept: line 9: RbacService.visible() is a method of RbacService, imported from reviews.rbac in this project, which the chain does not follow",
    );
  });

  it("tells a test that patches a helper the wrapper now awaits as a twin (AS920)", () => {
    const test = `from unittest import mock

from reviews.sync import handle_webhook


@mock.patch("reviews.sync._process_files")
def test_webhook(process_files):
    handle_webhook(None, {"reviews": [], "commits": [], "files": []})
`;
    const dir = project({ "tests/test_sync.py": test });
    const result = asyncshift(dir, ["."]);
    expect(result.stdout).toContain(
      "tests/test_sync.py:6:1: AS920 this test patches reviews.sync._process_files, which reviews.sync no longer calls: it now awaits the async twin _aprocess_files",
    );
  });

  it("uses a twin already there (a run stopped after writing it), adding the others", () => {
    const dir = project();
    const twin = `\n\nasync def _aprocess_files(pr, files):\n    for name in files:\n        await File.objects.aupdate_or_create(pull_request=pr, name=name)\n`;
    writeFileSync(join(dir, "reviews/services.py"), `${SERVICES}${twin}`);
    asyncshift(dir, ["--write", "."]);
    const services = read(dir, "reviews/services.py");
    expect(services.split("async def _aprocess_files").length).toBe(2);
    expect(services).toContain("async def _aprocess_reviews(pr, reviews):");
    expect(read(dir, "reviews/sync.py")).toContain('    await _aprocess_files(pr, data["files"])');
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
  function unchanged(dir: string) {
    expect(read(dir, "reviews/services.py")).toBe(SERVICES);
    expect(read(dir, "reviews/sync.py")).toBe(SYNC);
  }

  it("names the blocker deep in the chain, with its file and line", () => {
    const dir = project();
    const services = SERVICES.replace(
      "        File.objects.update_or_create(pull_request=pr, name=name)\n",
      '        File.objects.update_or_create(pull_request=pr, name=name)\n    pr.archive.save("files.zip", b"")\n',
    );
    writeFileSync(join(dir, "reviews/services.py"), services);
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.stdout).toContain(
      "reviews/sync.py:10:5: AS205 @sync_to_async wrapper _process_pr_async() kept: _process_pr_async -> _process_files -> reviews/services.py line 21: pr.archive.save(): FileField and storage .save() have no async API",
    );
    expect(read(dir, "reviews/services.py")).toBe(services);
    expect(read(dir, "reviews/sync.py")).toBe(SYNC);
  });

  it("refuses a cycle of calls between files", () => {
    const dir = project({
      "reviews/audit.py": `from .models import Review\n\n\ndef audit(pr):\n    from .services import _process_commits\n    Review.objects.filter(pull_request=pr).update(state="seen")\n    _process_commits(pr, [])\n`,
    });
    const services = SERVICES.replace(
      "from .models import Commit, File, Review\n",
      "from .audit import audit\nfrom .models import Commit, File, Review\n",
    ).replace(
      '        Commit.objects.update_or_create(pull_request=pr, sha=commit["sha"])\n',
      '        Commit.objects.update_or_create(pull_request=pr, sha=commit["sha"])\n    audit(pr)\n',
    );
    writeFileSync(join(dir, "reviews/services.py"), services);
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.stdout).toContain(
      "AS208 @sync_to_async wrapper _process_pr_async() kept: _process_pr_async -> _process_commits -> audit -> _process_commits: a cycle of calls is not converted",
    );
    expect(read(dir, "reviews/sync.py")).toBe(SYNC);
  });

  it("refuses a twin whose name is taken in the helper's file", () => {
    const dir = project();
    const services = `${SERVICES}\n\nasync def _aprocess_files(pr):\n    return None\n`;
    writeFileSync(join(dir, "reviews/services.py"), services);
    const result = asyncshift(dir, ["--write", "."]);
    expect(result.stdout).toContain(
      "AS208 @sync_to_async wrapper _process_pr_async() kept: _process_pr_async -> _process_files: _process_files() in reviews/services.py needs an async twin, but the name _aprocess_files is already used in that file",
    );
    expect(read(dir, "reviews/services.py")).toBe(services);
    expect(read(dir, "reviews/sync.py")).toBe(SYNC);
  });

  it("keeps a chain that reaches a file the run does not rewrite (pre-commit names one file)", () => {
    const dir = project();
    const result = asyncshift(dir, ["--write", "reviews/sync.py"]);
    expect(result.stdout).toContain(
      "AS208 @sync_to_async wrapper _process_pr_async() kept: _process_pr_async -> _process_reviews: this run does not rewrite reviews/services.py (it was not named, or has uncommitted changes); run on it too, or on the whole project",
    );
    unchanged(dir);
  });

  it("keeps a chain that reaches a file --write refuses (uncommitted changes)", () => {
    const dir = project({}, tempRepo);
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
    unchanged(dir);
  });
});
