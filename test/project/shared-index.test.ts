import { afterEach, describe, expect, it } from "vitest";
import { SETUP } from "../../src/api.js";
import { Pool } from "../../src/runner/pool.js";
import { removeTempProjects, tempProject } from "../helpers/project.js";
import type { ProjectIndex } from "../../src/model/types.js";

afterEach(removeTempProjects);

describe("the project index on the pool", () => {
  it("reaches every job's project facts once shared, and is dropped when the pool closes", async () => {
    const dir = tempProject({ "a.py": "import asyncio\n" });
    const index: ProjectIndex = { root: dir, functions: [], calls: [], patches: [] };
    const pool = new Pool(1, SETUP.pool);
    pool.shareIndex(index);
    const { withSharedIndex } = await import("../../src/project/shared-index.js");
    expect(withSharedIndex({ usesDjango: true, usesAsgiref: false, models: {} }).index).toBe(index);
    await pool.close();
    expect(
      withSharedIndex({ usesDjango: true, usesAsgiref: false, models: {} }).index,
    ).toBeUndefined();
  });
});
