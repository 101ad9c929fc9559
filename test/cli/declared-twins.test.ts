import { afterAll, describe, expect, it } from "vitest";
import { asyncshift, removeTempProjects, tempProject } from "../helpers/project.js";

afterAll(removeTempProjects);

const PROJECT = {
  "pyproject.toml": [
    "[project]",
    'name = "billing"',
    'dependencies = ["fastapi"]',
    "",
    "[tool.asyncshift.to-thread.twins]",
    '"rates.fetch_rates" = "rates.fetch_rates_cached"',
    "",
  ].join("\n"),
  "billing/__init__.py": "",
  "billing/views.py": [
    "import asyncio",
    "",
    "from billing import rates",
    "",
    "",
    "async def rates():",
    "    return await asyncio.to_thread(rates.fetch_rates)",
    "",
  ].join("\n"),
};

/** The project with `billing/rates.py` defining the declared twin with `keyword` ("def" or "async def"). */
function projectWithTwin(keyword: string): string {
  return tempProject({
    ...PROJECT,
    "billing/rates.py": [
      "def fetch_rates():",
      "    return {}",
      "",
      "",
      `${keyword} fetch_rates_cached():`,
      "    return {}",
      "",
    ].join("\n"),
  });
}

describe("a declared twin the project defines", () => {
  it("must be an async def: a sync one is a configuration error (exit 2)", () => {
    const dir = projectWithTwin("def");
    const result = asyncshift(dir, ["billing/views.py"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      '"rates.fetch_rates": the twin "rates.fetch_rates_cached" is a sync def of the project (billing/rates.py:5)',
    );
  });

  it("is used when it is an async def", () => {
    const dir = projectWithTwin("async def");
    const result = asyncshift(dir, ["billing/views.py"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("+    return await rates.fetch_rates_cached()");
  });
});
