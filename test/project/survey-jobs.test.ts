import { afterEach, describe, expect, it } from "vitest";
import { run, SETUP } from "../../src/api.js";
import { keepTreesHere } from "../../src/syntax/kept-trees.js";
import { takeWorkCounts } from "../../src/syntax/work-counts.js";
import { surveyFile, type SurveyJob } from "../../src/project/survey-job.js";
import type { JobKind } from "../../src/runner/pool.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

/*
 * The surveys go through their rounds side by side (issue 25): a file several surveys ask of in a
 * round is one job, read and parsed once for all of them. Before, each survey ran all its rounds
 * alone, so a file four surveys read was parsed four times wherever no tree was kept (a worker
 * thread keeps none; in one thread, the kept trees hold 2 MB of text).
 */

afterEach(() => {
  removeTempProjects();
  keepTreesHere(false);
});

// asyncio-run's survey starts at `asyncio`, blocking-calls' at `async def`, native-orm's at
// `sync_to_async`, missing-await's typed survey at an `async def` its imports may reach.
const VIEWS = `import asyncio

from asgiref.sync import sync_to_async

from shop.models import Order


async def total(request):
    count = await sync_to_async(Order.objects.count)()
    await asyncio.sleep(0)
    return count


def refresh():
    asyncio.run(total(None))
`;

const MODELS = `from django.db import models


class Order(models.Model):
    total = models.IntegerField()
`;

function project() {
  return tempProject({
    "manage.py": "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'shop.settings')\n",
    "requirements.txt": "Django==5.2\n",
    "shop/__init__.py": "",
    "shop/models.py": MODELS,
    "shop/views.py": VIEWS,
  });
}

/** The survey jobs of one run of `dir`, as the pool was handed them. */
async function surveyJobs(dir: string): Promise<SurveyJob[]> {
  const survey = SETUP.pool.kinds.survey as unknown as JobKind<{ kind: "survey"; job: SurveyJob }>;
  const original = survey.run;
  const jobs: SurveyJob[] = [];
  survey.run = (task) => {
    jobs.push(task.job);
    return original(task);
  };
  try {
    await run([dir], { config: false, cache: false, jobs: 1, django: true });
  } finally {
    survey.run = original;
  }
  return jobs;
}

describe("the surveys' jobs", () => {
  it("send one job per file and round, holding every survey that asks of the file", async () => {
    const jobs = await surveyJobs(project());
    const first = jobs.filter((job) => job.parts.some((part) => part.first));
    const views = first.filter((job) => job.path === "shop/views.py");
    expect(views).toHaveLength(1);
    expect(views[0].parts.map((part) => part.transform)).toEqual(
      expect.arrayContaining(["asyncio-run", "blocking-calls", "native-orm"]),
    );
    // No round sends a file twice.
    const paths = first.map((job) => job.path);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it("parse the file once for all its parts, each answered as when asked alone", async () => {
    const jobs = await surveyJobs(project());
    const job = jobs.find((j) => j.path === "shop/views.py" && j.parts.length >= 3)!;
    // As on a worker thread: no tree is kept between jobs.
    keepTreesHere(false);
    takeWorkCounts();
    const together = surveyFile(job, SETUP.registry);
    expect(takeWorkCounts().parses).toBe(1);
    const alone = job.parts.map((part) => surveyFile({ ...job, parts: [part] }, SETUP.registry)[0]);
    expect(takeWorkCounts().parses).toBe(job.parts.length);
    expect(JSON.stringify(together)).toBe(JSON.stringify(alone));
    expect(together.every((answer) => answer !== undefined && answer !== null)).toBe(true);
  });

  it("answer null without a parse when no part's start words are in the file", () => {
    const dir = tempProject({ "plain.py": "def f():\n    return 1\n" });
    const job: SurveyJob = {
      file: `${dir}/plain.py`,
      path: "plain.py",
      module: "plain",
      ctx: {
        options: {} as SurveyJob["ctx"]["options"],
        project: { usesDjango: false, usesAsgiref: false, models: {} },
      },
      parts: [
        { transform: "asyncio-run", first: true },
        { transform: "native-orm", first: true },
      ],
    };
    takeWorkCounts();
    expect(surveyFile(job, SETUP.registry)).toEqual([null, null]);
    expect(takeWorkCounts().parses).toBe(0);
  });
});
