import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { SETUP } from "../../src/api.js";
import { callsNamed } from "../../src/project/index-lookup.js";
import { namedCallsOf } from "../../src/project/named-calls.js";
import { packIndex, unpackIndex } from "../../src/project/packed-index.js";
import { projectPrePass } from "../../src/project/project-index.js";
import { lastSegment } from "../../src/python/lookup.js";
import { Pool } from "../../src/runner/pool.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";

afterEach(removeTempProjects);

const FILES = {
  "pyproject.toml": '[project]\nname = "shop"\ndependencies = ["Django>=4.2"]\n',
  "shop/__init__.py": "",
  "shop/orders.py": [
    "from asgiref.sync import sync_to_async",
    "from .stock import restock, reserve",
    "",
    "restock(0)  # at module level",
    "",
    "class Checkout:",
    "    async def place(self, request, order):",
    "        await sync_to_async(reserve)(order)",
    "        await notify_owner(request.user)",
    "        return restock(order.id)",
    "",
    "async def notify_owner(user):",
    "    pass",
  ].join("\n"),
  "shop/stock.py": [
    "def restock(n):",
    "    return reserve(n)",
    "",
    "def reserve(n):",
    "    POOL.submit(restock, n)",
    "    return n",
  ].join("\n"),
};

describe("the project index as a worker is sent it", () => {
  it("gives the same calls, references and lookups as the index it was packed from", async () => {
    const dir = tempProject(FILES);
    const files = ["shop/__init__.py", "shop/orders.py", "shop/stock.py"].map((f) => join(dir, f));
    const pool = new Pool(1, SETUP.pool);
    const { index } = await projectPrePass(
      pool,
      files,
      { paths: [dir], cache: false },
      dir,
      "k",
      () => files,
    );
    await pool.close();
    // Across the thread boundary: a structured clone, as postMessage makes.
    const unpacked = unpackIndex(structuredClone(packIndex(index)));
    const names = [...new Set(index.calls.map((c) => lastSegment(c.callee))), "nowhere"];
    // A name's calls before any job made them all, from the columns alone.
    expect(names.map((n) => namedCallsOf(unpacked, n) !== undefined)).toEqual(
      names.map(() => true),
    );
    const named = names.map((n) => JSON.stringify(callsNamed(unpacked, n)));
    expect(named).toEqual(names.map((n) => JSON.stringify(callsNamed(index, n))));
    expect(JSON.parse(named[names.indexOf("restock")])).toEqual([
      { path: "shop/orders.py", line: 4, callee: "restock", awaited: false },
      {
        path: "shop/orders.py",
        line: 10,
        callee: "restock",
        awaited: false,
        within: "Checkout.place",
      },
    ]);
    expect(index.calls.some((c) => c.passesUser)).toBe(true);
    expect(JSON.stringify(unpacked.calls)).toBe(JSON.stringify(index.calls));
    expect(unpacked.functions).toEqual(index.functions);
    expect(unpacked.patches).toEqual(index.patches);
    expect(unpacked.references).toEqual(index.references);
    expect(unpacked.references?.length).toBeGreaterThan(0);
  });
});
