import { afterEach, describe, expect, it } from "vitest";
import { run, TRANSFORMS } from "../../src/api.js";
import { formatJson } from "../../src/report/json.js";
import { summaryLine } from "../../src/report/text.js";
import { removeTempProjects, tempProject, REQUIREMENTS } from "../helpers/project.js";

afterEach(removeTempProjects);

const TASKS = `import asyncio

from celery import shared_task


@shared_task
def refresh(sku):
    asyncio.run(fetch_price(sku))


@shared_task
def refresh_all(skus):
    asyncio.run(
        fetch_prices(
            skus,
        )
    )
`;

describe("every rewrite carries a code, one result per site", () => {
  it("reports the sites a file's rewrites are made of, and the summary counts sites, not edits", async () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/tasks.py": TASKS });
    const result = await run([dir], { config: false, cache: false });
    const file = result.files.find((f) => f.path.endsWith("tasks.py"))!;
    expect(file.status).toBe("changed");
    if (file.status !== "changed") return;
    expect(file.fixes.map((f) => [f.code, f.line, f.source])).toEqual([
      ["AS101", 8, "asyncio-run"],
      ["AS101", 13, "asyncio-run"],
    ]);
    // Edits are text fragments: more than the two sites (and the import).
    expect(file.edits.length).toBeGreaterThan(2);
    expect(result.summary.sitesByTransform["asyncio-run"]).toBe(2);
    expect(summaryLine(result, TRANSFORMS)).toContain("rewrites: asyncio-run 2 sites");
    const json = JSON.parse(formatJson(result, "test"));
    expect(json.files[0].fixes.map((f: { code: string }) => f.code)).toEqual(["AS101", "AS101"]);
  });
});
