// Check 8 of `npm run stress` (issue 22, items 2 and 3): a monorepo whose services share module
// names, and helpers that other modules name without calling them. See projectStress.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { asyncshift, compileFiles, snapshot } from "./stress-run.mjs";

const MODELS = `from django.db import models


class Order(models.Model):
    status = models.CharField(max_length=20, default="new")
    stock = models.IntegerField(default=0)
    level = models.IntegerField(default=0)
`;

/** Plain ORM work: converts, its twin in this service's own helpers. */
const HELPERS_PLAIN = `from app.models import Order


def mark_paid(pk):
    Order.objects.filter(pk=pk).update(status="paid")
`;

/** Same module, same name, another service: transaction.atomic() must never run on the loop. */
const HELPERS_ATOMIC = `from django.db import transaction

from app.models import Order


def mark_paid(pk):
    with transaction.atomic():
        order = Order.objects.select_for_update().get(pk=pk)
        order.status = "paid"
        order.save(update_fields=["status"])
`;

const VIEWS = `from asgiref.sync import sync_to_async
from django.http import JsonResponse

from app.helpers import mark_paid


@sync_to_async
def _confirm(pk):
    mark_paid(pk)


async def confirm(request, pk):
    await _confirm(pk)
    return JsonResponse({"ok": True})
`;

/** A wrapper whose helpers other modules name: only _touch may become async in place. */
const STOCK = `from asgiref.sync import sync_to_async
from django.db.models import F

from app.models import Order


def restock(pk, n):
    Order.objects.filter(pk=pk).update(stock=F("stock") + n)


def _recount(pk):
    Order.objects.filter(pk=pk).update(level=F("stock"))


def sync_levels(pk):
    Order.objects.filter(pk=pk, stock__lt=0).update(stock=0)


def _touch(pk):
    Order.objects.filter(pk=pk).update(status=F("status"))


@sync_to_async
def restock_now(pk, n):
    restock(pk, n)
    _recount(pk)
    sync_levels(pk)
    _touch(pk)
`;

const JOBS = `from concurrent.futures import ThreadPoolExecutor

from app.stock import restock

POOL = ThreadPoolExecutor(max_workers=2)


def restock_later(pk, n=10):
    return POOL.submit(restock, pk, n)
`;

const ADMIN_TOOLS = `from app import stock


def run_check(name, pk):
    return getattr(stock, "_recount")(pk)
`;

const SETTINGS = `NIGHTLY_JOBS = ["app.stock.sync_levels"]\n`;

const service = (i) => `services/svc${String(i).padStart(2, "0")}`;
/** Odd services hold the atomic helper: they sort before and after plain ones. */
const isAtomic = (i) => i % 2 === 1;

function monorepo(dir, services) {
  const files = { "README.md": "Services deployed apart, each run from its own folder.\n" };
  for (let i = 0; i < services; i++) {
    const s = service(i);
    Object.assign(files, {
      [`${s}/manage.py`]: "",
      [`${s}/requirements.txt`]: "Django==5.2\n",
      [`${s}/app/__init__.py`]: "",
      [`${s}/app/models.py`]: MODELS,
      [`${s}/app/helpers.py`]: isAtomic(i) ? HELPERS_ATOMIC : HELPERS_PLAIN,
      [`${s}/app/views.py`]: VIEWS,
      [`${s}/app/stock.py`]: STOCK,
      [`${s}/app/jobs.py`]: JOBS,
      [`${s}/app/admin_tools.py`]: ADMIN_TOOLS,
      [`${s}/app/settings.py`]: SETTINGS,
    });
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  const git = (...args) =>
    execFileSync("git", args, {
      cwd: dir,
      stdio: "ignore",
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: "stress",
        GIT_AUTHOR_EMAIL: "stress@example.com",
        GIT_COMMITTER_NAME: "stress",
        GIT_COMMITTER_EMAIL: "stress@example.com",
      },
    });
  git("init", "-q", "-b", "main");
  git("add", "-A");
  git("commit", "-q", "-m", "services");
}

const count = (text, what) => text.split(what).length - 1;

/** What must hold of one service after a run that converted what it may. */
function serviceProblems(dir, i, label, alone = false) {
  const s = service(i);
  const read = (path) => readFileSync(join(dir, s, path), "utf8");
  const problems = [];
  const helpers = read("app/helpers.py");
  const views = read("app/views.py");
  if (isAtomic(i)) {
    // Planned against another service's plain helper, this service would get a twin running
    // transaction.atomic() on the event loop.
    if (helpers !== HELPERS_ATOMIC)
      problems.push(`${label}: ${s}/app/helpers.py (transaction.atomic) was rewritten`);
    if (views !== VIEWS)
      problems.push(`${label}: ${s}/app/views.py was planned against another service`);
  } else {
    if (count(helpers, "async def amark_paid(") !== 1)
      problems.push(`${label}: ${s}/app/helpers.py has not its one twin amark_paid`);
    if (!views.includes("await amark_paid(pk)"))
      problems.push(`${label}: ${s}/app/views.py does not await its own helper's twin`);
  }
  const stock = read("app/stock.py");
  // Each is named by another module other than by a call: it keeps its sync form.
  for (const [name, twin, how] of [
    ["restock", "arestock", "handed to a thread pool"],
    ["_recount", "_arecount", "got by getattr"],
    ["sync_levels", "async_levels", "named in a settings string"],
  ]) {
    if (!new RegExp(`^def ${name}\\(`, "m").test(stock))
      problems.push(`${label}: ${s}/app/stock.py converted ${name} in place, but it is ${how}`);
    if (count(stock, `async def ${twin}(`) !== 1)
      problems.push(`${label}: ${s}/app/stock.py has not its one twin ${twin}`);
  }
  // Named by nothing else: converted in place when the run sees this service alone (from the
  // root, the other services' calls of their own _touch count, by name, and make a twin).
  if (alone && !/^async def _touch\(/m.test(stock))
    problems.push(
      `${label}: ${s}/app/stock.py: _touch, named by nothing else, was not converted in place`,
    );
  return problems;
}

/**
 * Check 8 (issue 22, items 2 and 3): a git repository of `services` Django services that all
 * have `app.helpers.mark_paid`, half of them running `transaction.atomic()` in it, and in each a
 * wrapper whose helpers other modules hand to a thread pool, get by getattr or name in a string.
 * A run from the repository's root must plan each service against its own helper and twin every
 * helper named other than by a call; changed files compile; a second run changes nothing; a run
 * naming a few files with the cache warm gives the same files; a run inside a service agrees.
 */
export function projectStress({ services = 12, log = () => {} } = {}) {
  const base = mkdtempSync(join(tmpdir(), "asyncshift-projects-"));
  const problems = [];
  const args = ["--write", "--jobs", "2", "-t", "native-orm", "."];
  try {
    const original = join(base, "original");
    monorepo(original, services);
    const before = snapshot(original);
    const reference = join(base, "reference");
    cpSync(original, reference, { recursive: true });
    const full = asyncshift(args, { cwd: reference });
    if (!full.report || full.code === 2)
      problems.push(`root run: exit ${full.code}: ${full.stderr.slice(0, 1000)}`);
    for (let i = 0; i < services; i++) problems.push(...serviceProblems(reference, i, "root run"));
    const after = snapshot(reference);
    const changed = [...after.keys()].filter(
      (p) => p.endsWith(".py") && after.get(p) !== before.get(p),
    );
    const verdicts = compileFiles(changed.map((p) => join(reference, p)));
    for (const [path, error] of verdicts)
      if (error) problems.push(`root run: ${path} does not compile: ${error}`);
    const again = asyncshift(["--check", "-t", "native-orm", "."], { cwd: reference });
    const pending = (again.report?.files ?? []).filter((f) => f.status === "changed");
    if (again.code !== 0 || pending.length > 0)
      problems.push(`second run: exit ${again.code}, ${pending.length} files still to change`);
    log(
      `projects: ${services} services, ${changed.length} files change; root run ${full.seconds.toFixed(1)}s`,
    );

    // Pre-commit's way: the cache made by a dry run, then a few files named.
    const warm = join(base, "warm");
    cpSync(original, warm, { recursive: true });
    asyncshift(["-t", "native-orm", "."], { cwd: warm });
    const named = [0, 1].flatMap((i) =>
      ["helpers.py", "views.py", "stock.py"].map((f) => `${service(i)}/app/${f}`),
    );
    const some = asyncshift(["--write", "-t", "native-orm", ...named], { cwd: warm });
    if (some.code === 2) problems.push(`named files: exit 2: ${some.stderr.slice(0, 1000)}`);
    for (const path of named)
      if (readFileSync(join(warm, path), "utf8") !== readFileSync(join(reference, path), "utf8"))
        problems.push(`named files, cache warm: ${path} differs from the root run's`);

    // Inside one service (its own root): the same plan for it.
    const inside = join(base, "inside");
    cpSync(original, inside, { recursive: true });
    for (const i of [0, 1]) {
      asyncshift(args, { cwd: join(inside, service(i)) });
      problems.push(...serviceProblems(inside, i, `run inside ${service(i)}`, true));
    }
    return {
      problems,
      figures: {
        services,
        changedFiles: changed.length,
        atomicServicesUntouched: [...Array(services).keys()].filter(
          (i) => isAtomic(i) && !changed.some((p) => p.startsWith(`${service(i)}/app/helpers`)),
        ).length,
        secondRunPending: pending.length,
      },
    };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}
