import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run, SETUP } from "../../src/api.js";
import { outlineOf } from "../../src/python/outline.js";
import { packOutline } from "../../src/python/packed-outline.js";
import { unpackOutline } from "../helpers/outline.js";
import { CACHE_DIR, IndexCache, namedCallsFloor } from "../../src/project/index-cache.js";
import { Pool } from "../../src/runner/pool.js";
import { projectPrePass, stampClock } from "../../src/project/project-index.js";
import { factsOfFile } from "../../src/project/project-facts.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";
import { callsNamed } from "../../src/project/index-lookup.js";
import { namedCallsOf } from "../../src/project/named-calls.js";
import { lastSegment } from "../../src/python/lookup.js";

afterEach(() => {
  removeTempProjects();
  stampClock.now = () => Date.now();
  namedCallsFloor.files = 2000;
});

/** The cache's entries and calls files, whatever the cache's version. */
const cacheFilesOf = (dir: string): string[] =>
  readdirSync(join(dir, CACHE_DIR))
    .filter((name) => /^(index|calls|named-calls)-v\d+\.(json|txt)$/.test(name))
    .sort((a, b) => b.localeCompare(a))
    .map((name) => join(dir, CACHE_DIR, name));

// Methods, a nested def, decorators with arguments, awaited and dotted calls, a call inside a
// multi-line argument list with a comment, a call handed request.user, non-ASCII names, CRLF line
// ends and patch targets.
const SOURCE = [
  "from unittest import mock",
  "from django.db import models",
  "from shop.kitchen import räumen",
  "",
  "class Küche(models.Model):",
  "    objects = models.Manager()",
  "",
  "    @sync_to_async(thread_sensitive=True)",
  "    def räumen(self, *, force=False):",
  "        def inner():",
  "            return helper(  # why: the comment holds a ( too",
  "                self.items.all(),",
  "            )",
  "        return inner()",
  "",
  "async def poll(job, request):",
  "    POOL.submit(räumen, job)  # a reference that is not a call",
  "    await asyncio.sleep(1)",
  "    await open_orders_for(request.user)",
  "    return await sync_to_async(job.refresh)()",
  "",
  '@mock.patch("billing.tasks.asyncio.run")',
  "def test_poll(run):",
  '    with mock.patch.object(tasks.asyncio, "run"):',
  "        poll(None)",
  "",
].join("\r\n");

describe("the index cache", () => {
  it("gives back exactly the pre-pass it was given, through the file", () => {
    const root = tempProject({ "a.py": SOURCE });
    const outline = outlineOf(SOURCE);
    expect(outline.functions.some((f) => f.parent !== undefined)).toBe(true);
    expect(outline.patches).toHaveLength(2);
    expect(unpackOutline(packOutline(outline))).toEqual(outline);
    const prePass = { facts: factsOfFile(SOURCE), inert: false, outline: packOutline(outline) };
    const stat = { size: 1234, hash: "a".repeat(64) };
    const written = new IndexCache(root, "key");
    written.set("a.py", stat, prePass);
    written.set("b.py", stat, { inert: true });
    written.save(new Set(["a.py", "b.py"]));
    const read = new IndexCache(root, "key");
    // A name imported and handed on, attributes handed on whole, a string naming a dotted path.
    expect(outline.references).toEqual([
      { kind: 0, text: "shop.kitchen.räumen", line: 17 },
      { kind: 6, text: "user", line: 19 },
      { kind: 6, text: "refresh", line: 20 },
      { kind: 4, text: "billing.tasks.asyncio.run", line: 22 },
      { kind: 6, text: "asyncio", line: 24 },
    ]);
    // The outline comes back without its calls and references, read apart when asked for.
    const { c, r, ...withoutCalls } = prePass.outline;
    expect(read.get("a.py", stat)).toEqual({ ...prePass, outline: withoutCalls });
    expect(read.callsOf("a.py")).toEqual(c);
    expect(read.referencesOf("a.py")).toEqual(r);
    expect(read.get("b.py", stat)).toEqual({ inert: true });
    expect(read.get("a.py", { ...stat, size: 1235 })).toBeUndefined();
    expect(read.get("a.py", { ...stat, hash: "b".repeat(64) })).toBeUndefined();
    expect(new IndexCache(root, "another key").get("a.py", stat)).toBeUndefined();
  });

  it("is not rewritten by a run that read no file again", async () => {
    const dir = tempProject({
      "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["Django>=4.2"]\n',
      "shop/__init__.py": "",
      "shop/models.py": SOURCE,
      "shop/views.py":
        "from .models import Küche\n\nasync def view():\n    return Küche.objects.get()\n",
    });
    const named = join(dir, "shop/views.py");
    // Files written a moment ago are hashed on every run (see RACY_WINDOW_NS): the clock moves on,
    // so both runs trust the stamps, however long the machine takes between them.
    stampClock.now = () => Date.now() + 60_000;
    namedCallsFloor.files = 1;
    const cold = await run([named], { config: false });
    const cacheFiles = cacheFilesOf(dir);
    expect(cacheFiles).toHaveLength(3);
    const before = cacheFiles.map((f) => readFileSync(f, "utf8"));
    for (const f of cacheFiles) utimesSync(f, 1_600_000_000, 1_600_000_000);
    const warm = await run([named], { config: false });
    for (const f of cacheFiles) expect(statSync(f).mtimeMs).toBe(1_600_000_000_000);
    expect(cacheFiles.map((f) => readFileSync(f, "utf8"))).toEqual(before);
    // Everything a run reports but its timing.
    const shown = (r: typeof cold) => JSON.stringify(r.files);
    expect(shown(warm)).toBe(shown(cold));
    expect(cold.files[0].status).toBe("changed");
  });

  it("gives the index the same calls and references cold, warm, and with the calls file gone or not matching", async () => {
    const dir = tempProject({
      "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["Django>=4.2"]\n',
      "shop/__init__.py": "",
      "shop/models.py": SOURCE,
      "shop/views.py":
        "from .models import poll\n\nasync def view(job, r):\n    await poll(job, r)\n",
    });
    const files = ["shop/__init__.py", "shop/models.py", "shop/views.py"].map((f) => join(dir, f));
    const calls = async () => {
      const pool = new Pool(1, SETUP.pool);
      const { index } = await projectPrePass(pool, files, { paths: [dir] }, dir, "k", () => []);
      await pool.close();
      return JSON.stringify([index.calls, index.references]);
    };
    const cold = await calls();
    expect(JSON.parse(cold)[0].length).toBeGreaterThan(2);
    expect(JSON.parse(cold)[1]).toEqual([
      { path: "shop/models.py", line: 17, kind: "value", target: "shop.kitchen.räumen" },
      { path: "shop/models.py", line: 19, kind: "attribute", target: "user" },
      { path: "shop/models.py", line: 20, kind: "attribute", target: "refresh" },
      { path: "shop/models.py", line: 22, kind: "path", target: "billing.tasks.asyncio.run" },
      { path: "shop/models.py", line: 24, kind: "attribute", target: "asyncio" },
    ]);
    expect(await calls()).toBe(cold);
    const callsFile = cacheFilesOf(dir).find((f) => /calls-v\d+\.json$/.test(f))!;
    writeFileSync(callsFile, JSON.stringify({ token: "other", calls: {}, references: {} }));
    expect(await calls()).toBe(cold);
    rmSync(callsFile);
    expect(await calls()).toBe(cold);
    expect(new IndexCache(dir, "k").callsOf("shop/models.py")).toBeUndefined();
  });

  it("answers a name's calls from the named-calls file on an untouched warm run, as the index's calls say", async () => {
    const helpers = [
      "from .models import poll",
      "",
      "class Runner:",
      "    def run(self, job):",
      "        return poll(job, None)  # a method's call",
      "",
      "def räumen(job):",
      "    Runner().run(job)",
      "    return poll(job, None)",
    ].join("\n");
    const dir = tempProject({
      "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["Django>=4.2"]\n',
      "shop/__init__.py": "",
      "shop/models.py": SOURCE,
      "shop/helpers.py": helpers,
      "shop/views.py":
        "from .helpers import räumen\nfrom .models import poll\n\nasync def view(job, r):\n    await poll(job, r)\n    räumen(job)\n",
    });
    stampClock.now = () => Date.now() + 60_000;
    namedCallsFloor.files = 1;
    const all = ["shop/__init__.py", "shop/helpers.py", "shop/models.py", "shop/views.py"];
    // The named file first: the index lists it first, and its calls come first.
    const named = join(dir, "shop/views.py");
    const byName = async (source?: { file: string; text: string }) => {
      const pool = new Pool(1, SETUP.pool);
      const { index } = await projectPrePass(
        pool,
        [named],
        { paths: [named] },
        dir,
        "k",
        () => all.map((f) => join(dir, f)),
        source,
      );
      await pool.close();
      const names = [...new Set(index.functions.map((f) => f.name)), "sync_to_async", "nowhere"];
      const fromFile = names.map((n) => namedCallsOf(index, n) !== undefined);
      const answers = names.map((n) => JSON.stringify(callsNamed(index, n)));
      // What the index's own calls say, once made (the lookup reads those from then on).
      const made = names.map((n) =>
        JSON.stringify(index.calls.filter((c) => lastSegment(c.callee) === n)),
      );
      expect(answers).toEqual(made);
      expect(names.map((n) => namedCallsOf(index, n))).toEqual(names.map(() => undefined));
      return { fromFile, answers, poll: answers[names.indexOf("poll")] };
    };
    const cold = await byName();
    expect(cold.fromFile.every((f) => !f)).toBe(true);
    // In index order (the named file first), each file's in source order, methods' named so.
    expect(
      (JSON.parse(cold.poll) as { path: string; within?: string }[]).map(
        (c) => `${c.path} ${c.within}`,
      ),
    ).toEqual([
      "shop/views.py view",
      "shop/helpers.py Runner.run",
      "shop/helpers.py räumen",
      "shop/models.py test_poll",
    ]);
    const warm = await byName();
    expect(warm.fromFile.every((f) => f)).toBe(true);
    expect(warm.answers).toEqual(cold.answers);
    // A text not read from disk: its calls are the text's, not the stored file's.
    const text = "from .models import poll\n\nasync def view(job):\n    poll(job, None)\n";
    const fromText = await byName({ file: named, text });
    expect(fromText.fromFile.every((f) => !f)).toBe(true);
    // The named-calls file gone, or of other entries: the calls are made as before.
    const namedFile = cacheFilesOf(dir).find((f) => f.endsWith(".txt"))!;
    writeFileSync(namedFile, JSON.stringify({ token: "other", paths: [], names: {} }) + "\n");
    expect((await byName()).answers).toEqual(cold.answers);
    rmSync(namedFile);
    expect((await byName()).answers).toEqual(cold.answers);
    // Fewer files than the floor: no such file is written, and the calls are made as before.
    namedCallsFloor.files = 10;
    rmSync(join(dir, CACHE_DIR), { recursive: true });
    expect((await byName()).answers).toEqual(cold.answers);
    expect((await byName()).fromFile.every((f) => !f)).toBe(true);
    expect(cacheFilesOf(dir).some((f) => f.endsWith(".txt"))).toBe(false);
  });

  it("keeps the project facts the files give, equal to those made afresh, for the same working folder and named files", async () => {
    const dir = tempProject({
      "requirements.txt": "Django==4.2.9\n",
      "manage.py": "",
      "shop/__init__.py": "",
      "shop/models.py": SOURCE,
      "shop/views.py":
        "from django.http import HttpResponse\n\ndef view(request) -> Küche:\n    pass\n",
      "conftest.py": 'import os\nos.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "1")\n',
    });
    stampClock.now = () => Date.now() + 60_000;
    const all = ["conftest.py", "manage.py", "shop/__init__.py", "shop/models.py", "shop/views.py"];
    const factsFile = () =>
      readdirSync(join(dir, CACHE_DIR)).find((f) => /^facts-v\d+\.json$/.test(f));
    const facts = async (named: string, cwd = dir) => {
      const pool = new Pool(1, SETUP.pool);
      const files = [join(dir, named)];
      const { project } = await projectPrePass(pool, files, { paths: files }, cwd, "k", () =>
        all.map((f) => join(dir, f)),
      );
      await pool.close();
      const { index, ...rest } = project;
      return JSON.stringify(rest);
    };
    const cold = await facts("shop/views.py");
    expect(JSON.parse(cold)).toMatchObject({
      usesDjango: true,
      djangoEvidence: join(dir, "requirements.txt"),
      djangoVersion: "4.2",
      asyncUnsafeAllowedIn: "conftest.py",
    });
    expect(factsFile()).toBeDefined();
    const kept = readFileSync(join(dir, CACHE_DIR, factsFile()!), "utf8");
    expect(await facts("shop/views.py")).toBe(cold);
    // Read, not made again: the file is as the cold run left it.
    expect(readFileSync(join(dir, CACHE_DIR, factsFile()!), "utf8")).toBe(kept);
    // Another file named first, another working folder: made again (the order and the paths
    // shown may differ), and as a run without the cache makes them.
    for (const [named, cwd] of [
      ["shop/models.py", dir],
      ["shop/views.py", join(dir, "shop")],
    ]) {
      const warm = await facts(named, cwd);
      rmSync(join(dir, CACHE_DIR), { recursive: true });
      expect(await facts(named, cwd)).toBe(warm);
    }
  });
});
