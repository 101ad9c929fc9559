import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Readable, Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { reviewSites } from "../../src/cli/interactive.js";
import type { FileResult } from "../../src/model/results.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

afterEach(removeTempProjects);

// A wrapper converted through a twin added in another file: the two files are one write group.
const SERVICES = "def close_order(pk):\n    Order.objects.filter(pk=pk).update(status='closed')\n";
const SERVICES_AFTER =
  SERVICES +
  "\n\nasync def aclose_order(pk):\n    await Order.objects.filter(pk=pk).aupdate(status='closed')\n";
const VIEWS =
  "from asgiref.sync import sync_to_async\n\nfrom .services import close_order\n\n\n" +
  "@sync_to_async\ndef close(pk):\n    close_order(pk)\n";
const VIEWS_AFTER =
  "from .services import aclose_order\n\n\nasync def close(pk):\n    await aclose_order(pk)\n";
const OTHER = "import asyncio\n\n\ndef job():\n    asyncio.run(work())\n";
const OTHER_AFTER =
  "from asgiref.sync import async_to_sync\n\n\ndef job():\n    async_to_sync(work)()\n";

function changed(
  path: string,
  original: string,
  output: string,
  site: { code: string; line: number; message: string },
  group?: string,
): FileResult {
  return {
    path,
    status: "changed",
    diagnostics: [],
    skippedBy: [],
    edits: [],
    written: false,
    original,
    output,
    ...(group ? { group } : {}),
    fixes: [
      {
        ...site,
        source: "native-orm",
        column: 1,
        endLine: site.line,
        endColumn: 2,
        applicability: "safe",
      },
    ],
  };
}

/** Reviews the three files; the group is the results' own, or (`groups`) the run's write groups. */
async function review(dir: string, answers: string, dirty: string[] = [], groups?: string[][]) {
  let shown = "";
  const output = new Writable({
    write(chunk, _encoding, done) {
      shown += String(chunk);
      done();
    },
  });
  const files = [
    changed("shop/other.py", OTHER, OTHER_AFTER, {
      code: "AS101",
      line: 5,
      message: "asyncio.run() in sync code",
    }),
    changed(
      "shop/services.py",
      SERVICES,
      SERVICES_AFTER,
      { code: "AS214", line: 4, message: "async twin added" },
      groups ? undefined : "chain:shop.views",
    ),
    changed(
      "shop/views.py",
      VIEWS,
      VIEWS_AFTER,
      { code: "AS210", line: 6, message: "wrapper converted through a twin" },
      groups ? undefined : "chain:shop.views",
    ),
  ];
  const reviewed = await reviewSites(files, {
    input: Readable.from([answers]),
    output,
    color: false,
    cwd: dir,
    dirty: new Set(dirty),
    ...(groups ? { groups } : {}),
  });
  return { shown, reviewed };
}

function project() {
  return tempProject({
    "shop/services.py": SERVICES,
    "shop/views.py": VIEWS,
    "shop/other.py": OTHER,
  });
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("-i: a change across files is accepted or declined whole", () => {
  it("asks once for the whole group, naming its files and each site's code and why", async () => {
    const dir = project();
    const { shown, reviewed } = await review(dir, "n\ny\n");
    expect(shown.match(/Apply this change\?/g)).toHaveLength(2);
    expect(shown).toContain(
      "one change across 2 files, written together or not at all: shop/services.py, shop/views.py",
    );
    expect(shown).toContain("shop/views.py:6 AS210 wrapper converted through a twin");
    expect(shown).toContain("shop/services.py:4 AS214 async twin added");
    expect(shown).toContain("Apply this change? [y]es, [n]o, [q]uit: ");
    expect(read(dir, "shop/other.py")).toBe(OTHER);
    expect(read(dir, "shop/services.py")).toBe(SERVICES_AFTER);
    expect(read(dir, "shop/views.py")).toBe(VIEWS_AFTER);
    expect(reviewed.filter((f) => f.written).map((f) => f.path)).toEqual([
      "shop/services.py",
      "shop/views.py",
    ]);
  });

  it("declined, neither file is written", async () => {
    const dir = project();
    await review(dir, "y\nn\n");
    expect(read(dir, "shop/other.py")).toBe(OTHER_AFTER);
    expect(read(dir, "shop/services.py")).toBe(SERVICES);
    expect(read(dir, "shop/views.py")).toBe(VIEWS);
  });

  it("one file of the group refused (uncommitted changes): none is written, and both say why", async () => {
    const dir = project();
    const { reviewed } = await review(dir, "n\ny\n", ["shop/services.py"]);
    expect(read(dir, "shop/services.py")).toBe(SERVICES);
    expect(read(dir, "shop/views.py")).toBe(VIEWS);
    const views = reviewed.find((f) => f.path === "shop/views.py")!;
    expect(views.written).toBe(false);
    expect(views.refused).toContain("shop/services.py: it has uncommitted changes");
  });

  it("the run's write groups (display paths) make the same one question", async () => {
    const dir = project();
    const groups = [["shop/services.py", "shop/views.py"]];
    const { shown } = await review(dir, "n\nn\n", [], groups);
    expect(shown.match(/Apply this change\?/g)).toHaveLength(2);
    expect(shown).toContain("one change across 2 files");
    expect(read(dir, "shop/views.py")).toBe(VIEWS);
    await review(dir, "n\ny\n", [], groups);
    expect(read(dir, "shop/services.py")).toBe(SERVICES_AFTER);
    expect(read(dir, "shop/views.py")).toBe(VIEWS_AFTER);
  });
});
