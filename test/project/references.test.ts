import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SETUP } from "../../src/api.js";
import type { IndexedFunction, ProjectIndex } from "../../src/model/types.js";
import { projectPrePass } from "../../src/project/project-index.js";
import { describeReference, referencesTo } from "../../src/project/references.js";
import { Pool } from "../../src/runner/pool.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

// Issue 22, item 3: the project index records the references to a function that are not calls
// of it, so that only a function nothing else names is converted in place.

afterEach(removeTempProjects);

async function indexOf(files: Record<string, string>): Promise<ProjectIndex> {
  const dir = tempProject(files);
  const paths = Object.keys(files).map((f) => join(dir, f));
  const pool = new Pool(1, SETUP.pool);
  try {
    const { index } = await projectPrePass(
      pool,
      paths,
      { paths: [dir], cache: false },
      dir,
      "k",
      () => [],
    );
    return index;
  } finally {
    await pool.close();
  }
}

function fn(
  index: ProjectIndex,
  module: string,
  name: string,
  className?: string,
): IndexedFunction {
  const found = index.functions.find(
    (f) => f.module === module && f.name === name && f.className === className,
  );
  if (!found) throw new Error(`no ${module}:${name}`);
  return found;
}

const said = (index: ProjectIndex, f: IndexedFunction) =>
  referencesTo(index, f).map((r) => describeReference(r, f.name));

describe("references that are not calls", () => {
  it("finds each way another module, or the function's own, names a function", async () => {
    const index = await indexOf({
      "manage.py": "",
      "shop/__init__.py": "",
      "shop/stock.py": [
        "__all__ = ['exported']",
        "def restock(pk): pass",
        "def recount(pk): pass",
        "def by_getattr(pk): pass",
        "def exported(pk): pass",
        "def by_path(pk): pass",
        "def only_called(pk): pass",
        "def send(pk): pass",
        "class Inventory:",
        "    def refresh(self): pass",
        "    def untouched(self): pass",
        "",
      ].join("\n"),
      "shop/jobs.py": [
        "from concurrent.futures import ThreadPoolExecutor",
        "from . import stock",
        "from .stock import restock, only_called, send",
        "",
        "POOL = ThreadPoolExecutor()",
        "",
        "def later(pk, inventory):",
        "    POOL.submit(restock, pk)",
        "    POOL.submit(stock.recount, pk)",
        "    only_called(pk)",
        "    send.delay(pk)",
        "    POOL.submit(inventory.refresh)",
        "    inventory.untouched()",
        "",
      ].join("\n"),
      "shop/admin.py": "from shop import stock\n\ncheck = getattr(stock, 'by_getattr')\n",
      "shop/settings.py": "JOBS = ['shop.stock.by_path']\n",
      "shop/everything.py": "from shop.stock import *\nfrom shop.loose import *\n",
      "shop/loose.py": "def public(pk): pass\n\n\ndef _private(pk): pass\n",
    });
    const stock = (name: string, className?: string) => fn(index, "shop.stock", name, className);
    expect(said(index, stock("restock"))).toEqual([
      "shop/jobs.py line 8 hands restock on as a value",
    ]);
    expect(said(index, stock("recount"))).toEqual([
      "shop/jobs.py line 9 hands recount on as a value",
    ]);
    expect(said(index, stock("send"))).toEqual(["shop/jobs.py line 11 uses send.delay"]);
    expect(said(index, stock("by_getattr"))).toEqual([
      "shop/admin.py line 3 gets by_getattr by getattr",
    ]);
    // `import *` of a module with an `__all__` takes only what it lists.
    expect(said(index, stock("exported"))).toEqual([
      "shop/stock.py line 1 exports exported in __all__",
    ]);
    expect(said(index, stock("by_path"))).toEqual([
      'shop/settings.py line 1 names by_path in a string ("shop.stock.by_path")',
    ]);
    expect(said(index, stock("only_called"))).toEqual([]);
    expect(said(index, fn(index, "shop.loose", "public"))).toEqual([
      "shop/everything.py line 2 imports it with import *",
    ]);
    expect(said(index, fn(index, "shop.loose", "_private"))).toEqual([]);
    expect(said(index, stock("refresh", "Inventory"))).toEqual([
      "shop/jobs.py line 12 hands on .refresh as a value",
    ]);
    expect(said(index, stock("untouched", "Inventory"))).toEqual([]);
  });

  it("resolves a service's imports in its own import root (issue 22, item 2)", async () => {
    const service = (name: string) => ({
      [`services/${name}/manage.py`]: "",
      [`services/${name}/app/__init__.py`]: "",
      [`services/${name}/app/helpers.py`]: "def mark_paid(pk): pass\n",
    });
    const index = await indexOf({
      ".git/HEAD": "",
      ...service("invoicing"),
      ...service("payments"),
      "services/payments/app/jobs.py":
        "from app.helpers import mark_paid\n\nPOOL.submit(mark_paid, 1)\n",
    });
    const payments = fn(index, "services/payments/app.helpers", "mark_paid");
    const invoicing = fn(index, "services/invoicing/app.helpers", "mark_paid");
    expect(said(index, payments)).toEqual([
      "services/payments/app/jobs.py line 3 hands mark_paid on as a value",
    ]);
    expect(said(index, invoicing)).toEqual([]);
  });
});

describe("a package re-exporting a helper in its __all__", () => {
  it("is a reference to the helper where it is defined", async () => {
    const index = await indexOf({
      "manage.py": "",
      "shop/__init__.py": "from .stock import restock\n\n__all__ = ['restock']\n",
      "shop/stock.py": "def restock(pk): pass\n",
    });
    expect(said(index, fn(index, "shop.stock", "restock"))).toEqual([
      "shop/__init__.py line 3 hands restock on as a value",
    ]);
  });
});
