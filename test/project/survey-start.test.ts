import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/api.js";
import { takeWorkCounts } from "../../src/syntax/work-counts.js";
import { typedSurvey } from "../../transforms/missing-await/typed.js";
import { typedStart } from "../../transforms/missing-await/typed-start.js";
import type { IndexedFunction, IndexedModule, ProjectIndex } from "../../src/model/types.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

/*
 * missing-await's typed survey starts from the files that may reach an awaitable it can find
 * (issue 25): by the project's imports (survey-imports.ts) and, when no file names `Awaitable` or
 * `Coroutine`, by the names a site's text must hold. Each route a hit takes is here, beside
 * files that reach none; the run must say what the survey says when it reads every file.
 */

afterEach(removeTempProjects);

const INVENTORY = `class InventoryClient:
    async def reserve(self, sku):
        return sku


class Ledger:
    def reserve(self, sku):
        return sku
`;

// A maker annotated with the class under another name: `ret:` then `type:`.
const FACTORY = `from .inventory import InventoryClient as Client


def make_client() -> Client:
    return Client()
`;

const CHECKOUT = `from clients.factory import make_client


async def checkout(sku):
    client = make_client()
    if not client.reserve(sku):  # a coroutine: always true
        raise ValueError(sku)
`;

const HOLD = `from clients.inventory import InventoryClient


async def hold(client: InventoryClient, sku):
    if client.reserve(sku):
        return sku
    return None
`;

// A package re-exporting an async def under another name.
const PERMS = `from .rules import may_edit as can_edit  # noqa: F401
`;

const RULES = `async def may_edit(user_id):
    return user_id == 1
`;

const EDIT = `from perms import can_edit


async def edit(user_id):
    if not can_edit(user_id):
        return "refused"
    return "ok"
`;

// Files whose sites reach nothing async: the same attribute names, other classes or no import.
const plain = (k: number) => `from clients.inventory import Ledger


def book${k}(ledger: Ledger, sku):
    if ledger.reserve(sku):
        return {"sku": sku}.get("sku")
    return None
`;

const loose = (k: number) => `def count${k}(rows):
    total = rows.get("total")
    if total.reserve(1):
        return total
    return 0
`;

function project(extra: Record<string, string> = {}): string {
  const files: Record<string, string> = {
    "pyproject.toml": '[project]\nname = "shop"\n',
    "clients/__init__.py": "",
    "clients/inventory.py": INVENTORY,
    "clients/factory.py": FACTORY,
    "shop/__init__.py": "",
    "shop/checkout.py": CHECKOUT,
    "shop/hold.py": HOLD,
    "shop/edit.py": EDIT,
    "perms/__init__.py": PERMS,
    "perms/rules.py": RULES,
    ...extra,
  };
  for (let k = 0; k < 6; k++) {
    files[`books/plain${k}.py`] = plain(k);
    files[`books/loose${k}.py`] = loose(k);
  }
  return tempProject(files);
}

/** The run's files and the parses it made, with the survey's start as given. */
async function surveyed(dir: string, everyFile: boolean) {
  const { start } = typedSurvey;
  if (everyFile) typedSurvey.start = (_index, _ctx, rewritten) => [...rewritten];
  try {
    takeWorkCounts();
    const result = await run([dir], {
      config: false,
      cache: false,
      jobs: 1,
      transforms: ["missing-await"],
    });
    return { files: result.files, parses: takeWorkCounts().parses };
  } finally {
    typedSurvey.start = start;
  }
}

describe("the typed survey's start", () => {
  it("finds every hit reading only the files that may reach one", async () => {
    const dir = project();
    const all = await surveyed(dir, true);
    const started = await surveyed(dir, false);
    expect(JSON.stringify(started.files)).toBe(JSON.stringify(all.files));
    // Each site awaited: the hits were found.
    const changed = started.files.filter((f) => f.status === "changed").map((f) => f.path);
    for (const path of ["shop/checkout.py", "shop/hold.py", "shop/edit.py"])
      expect(changed.some((p) => p.endsWith(path))).toBe(true);
    // The twelve books files are not read; the three with sites are (and the async defs' files).
    expect(all.parses - started.parses).toBeGreaterThanOrEqual(12);
  });

  it("reads every file that imports its way to one when a file names Awaitable", async () => {
    const extra = {
      "clients/types.py":
        "from typing import Awaitable, Callable\n\nHook = Callable[[int], Awaitable[bool]]\n",
    };
    const dir = project(extra);
    const all = await surveyed(dir, true);
    const started = await surveyed(dir, false);
    expect(JSON.stringify(started.files)).toBe(JSON.stringify(all.files));
    // The loose files import nothing: still left out.
    expect(all.parses - started.parses).toBeGreaterThanOrEqual(6);
  });
});

describe("the typed survey's start of a few files", () => {
  const asyncDef = (module: string, name: string, path: string, className?: string) =>
    ({
      module,
      path,
      name,
      ...(className ? { className } : {}),
      nested: false,
      async: true,
      decorators: [],
      line: 1,
    }) satisfies IndexedFunction;
  const mod = (module: string, imports: string[], more: Partial<IndexedModule> = {}) => ({
    module,
    imports,
    ...more,
  });
  const modules: Record<string, IndexedModule> = {
    "clients/inventory.py": mod("clients.inventory", []),
    "clients/factory.py": mod("clients.factory", ["clients.inventory.InventoryClient"], {
      renames: [["InventoryClient", "Client"]],
      returns: { make_client: "Client" },
    }),
    "perms/__init__.py": mod("perms", ["perms.rules.may_edit"], {
      renames: [["may_edit", "can_edit"]],
    }),
    "perms/rules.py": mod("perms.rules", []),
    "hooks/types.py": mod("hooks.types", ["typing.Awaitable"], {
      awaitableTypes: true,
      annotated: ["Hooks.on_save\tHook"],
      assigned: ["Hook"],
    }),
    "books/hooked.py": mod("books.hooked", ["hooks.types.Hooks"]),
    "books/plain.py": mod("books.plain", ["clients.inventory.Ledger"]),
    "books/made.py": mod("books.made", ["clients.factory.make_client"]),
    "books/edit.py": mod("books.edit", ["perms.can_edit"]),
    "books/star.py": mod("books.star", ["clients.*"]),
    "books/loose.py": mod("books.loose", []),
    "svc/books/plain.py": mod("svc/books.plain", ["books.plain"]),
  };
  const index = {
    root: "/p",
    functions: [
      asyncDef("clients.inventory", "reserve", "clients/inventory.py", "InventoryClient"),
      asyncDef("perms.rules", "may_edit", "perms/rules.py"),
    ],
    calls: [],
    patches: [],
    references: [],
    modules,
  } as ProjectIndex;

  it("walked from each file, is the start the whole project's reach gives it", () => {
    const paths = Object.keys(modules);
    const everyFile = typedStart(index, new Set(paths));
    const pathOf = (start: (typeof everyFile)[number]) =>
      typeof start === "string" ? start : start.path;
    expect(everyFile.length).toBeGreaterThan(4);
    for (const path of paths)
      expect(typedStart(index, new Set([path]))).toEqual(
        everyFile.filter((start) => pathOf(start) === path),
      );
  });
});
