import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { requireBuild, runCli, tempFolders } from "../helpers/cli.js";
import { inventoryOfSource } from "../../src/inventory/file.js";
import { makeContext } from "../../src/config/context.js";
import type { ProjectFacts, ProjectIndex } from "../../src/model/types.js";
import { transformById } from "../../transforms/index.js";

const missingAwait = transformById("missing-await")!;

const index: ProjectIndex = {
  root: "/project",
  functions: [
    {
      module: "app.mail",
      path: "app/mail.py",
      name: "send_welcome",
      nested: false,
      async: true,
      decorators: [],
      line: 4,
    },
  ],
  calls: [],
  patches: [],
};

const project: ProjectFacts = { usesDjango: true, usesAsgiref: true, models: {}, index };

const source =
  "from .mail import send_welcome\n\n\n" +
  "async def signup(user):\n    send_welcome(user)\n\n\n" +
  "def legacy(user):  # the async helper, dropped\n    send_welcome(user)\n";

describe("missing-await in the inventory", () => {
  const ctx = makeContext({}, project, [missingAwait]);

  it("resolves a relative import against the file's module", () => {
    const file = inventoryOfSource(
      "app/views.py",
      source,
      [missingAwait],
      ctx,
      {},
      new Set(),
      "app.views",
    );
    expect(file.sites.map((s) => [s.kind, s.context, s.line])).toEqual([
      ["coroutine-not-awaited", "async", 5],
      ["coroutine-not-awaited", "sync", 9],
    ]);
  });

  it("finds nothing through a relative import when the module is unknown", () => {
    const file = inventoryOfSource("app/views.py", source, [missingAwait], ctx, {}, new Set());
    expect(file.sites).toEqual([]);
  });
});

describe("missing-await and direct twins in a run", () => {
  const temps = tempFolders("asyncshift-await-");
  beforeAll(requireBuild);
  afterEach(temps.removeAll);

  /** A project of three modules: the index the pre-pass builds resolves the imports. */
  function project(): string {
    const dir = temps.make();
    mkdirSync(join(dir, "app"));
    const files: Record<string, string> = {
      "pyproject.toml":
        '[tool.asyncshift.to-thread.twins]\n"redis_manager.*" = "async_redis_manager.*"\n',
      "app/__init__.py": "",
      "app/mail.py":
        "import asyncio\n\n\nasync def send_welcome(user):\n    await asyncio.sleep(0)\n\n\n" +
        "def refresh():\n    asyncio.run(send_welcome(None))\n",
      "app/cache.py": "redis_manager = None\nasync_redis_manager = None\n",
      "app/views.py":
        "from .cache import async_redis_manager, redis_manager\nfrom .mail import refresh, send_welcome\n\n\n" +
        "async def signup(user):\n    send_welcome(user)\n    refresh()\n" +
        "    return redis_manager.get_task_status(user)\n\n\n" +
        "def legacy(user):  # the async helper, dropped\n    send_welcome(user)\n",
    };
    for (const [path, text] of Object.entries(files)) writeFileSync(join(dir, path), text);
    return dir;
  }

  it("awaits the project coroutine, replaces the twin call, reports the sync caller and the loop", () => {
    const dir = project();
    const result = runCli(dir, ["--write", "."]);
    expect(readFileSync(join(dir, "app/views.py"), "utf8")).toBe(
      "from .cache import async_redis_manager\nfrom .mail import refresh, send_welcome\n\n\n" +
        "async def signup(user):\n    await send_welcome(user)\n    refresh()\n" +
        "    return await async_redis_manager.get_task_status(user)\n\n\n" +
        "def legacy(user):  # the async helper, dropped\n    send_welcome(user)\n",
    );
    expect(result.stdout).toContain("app/views.py:12:5: AS402");
    expect(result.stdout).toContain("app/mail.py:9:5: AS405");
    expect(result.stdout).toContain("async def signup (app/views.py:7, as refresh())");
  });
});
