import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import AjvDraft04 from "ajv-draft-04";
import { afterEach, describe, expect, it } from "vitest";
import { RUNNER_CODES } from "../../src/model/codes.js";
import { helpUriOf, sourceRoot } from "../../src/report/sarif.js";
import {
  asyncshift,
  git,
  removeTempProjects,
  REQUIREMENTS,
  TASK,
  tempProject,
  tempRepo,
} from "../helpers/project.js";

afterEach(removeTempProjects);

/** The OASIS SARIF 2.1.0 schema, as @microsoft/jest-sarif ships it. */
const SCHEMA = JSON.parse(
  readFileSync(
    createRequire(import.meta.url).resolve(
      "@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json",
    ),
    "utf8",
  ),
);
// The schema is draft-04. Formats (uri, date-time) are not asserted here: URIs are checked below.
// A CommonJS module whose exports are also its own `default`.
const validate = new AjvDraft04.default({
  strict: false,
  validateFormats: false,
  allErrors: true,
  unicodeRegExp: false,
}).compile(SCHEMA);

const VIEW = "import asyncio\n\nasync def view():\n    asyncio.run(work())\n";

interface Log {
  runs: {
    originalUriBaseIds: Record<string, { uri: string }>;
    tool: { driver: { rules: { id: string; helpUri?: string; help: { text: string } }[] } };
    results: {
      ruleId: string;
      locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[];
    }[];
  }[];
}

describe("--format sarif", () => {
  it("is valid against the SARIF 2.1.0 schema", () => {
    const dir = tempRepo({
      "requirements.txt": REQUIREMENTS,
      "app/tasks.py": TASK,
      "app/views.py": VIEW,
      "app/my file.py": TASK,
    });
    const result = asyncshift(dir, ["--format", "sarif", "."]);
    const log = JSON.parse(result.stdout);
    const valid = validate(log);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(validate({ version: "2.1.0" })).toBe(false);
  });

  it("URIs are relative to the repository root, which is %SRCROOT%, from any folder", () => {
    const dir = tempRepo({
      "requirements.txt": REQUIREMENTS,
      "src/app/tasks.py": TASK,
      "src/app/views.py": VIEW,
    });
    const log = JSON.parse(
      asyncshift(join(dir, "src"), ["--format", "sarif", "app"]).stdout,
    ) as Log;
    const run = log.runs[0];
    expect(run.originalUriBaseIds["%SRCROOT%"].uri).toBe(`file://${dir}/`);
    const uris = run.results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    expect(uris.length).toBeGreaterThan(0);
    for (const location of uris) {
      expect(location.uriBaseId).toBe("%SRCROOT%");
      expect(location.uri).toMatch(/^src\/app\/(tasks|views)\.py$/);
    }
    git(dir, "status");
  });

  it("each code's rule has the explain text as help and a helpUri to its documentation page", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/views.py": VIEW });
    const log = JSON.parse(asyncshift(dir, ["--format", "sarif", "."]).stdout) as Log;
    const rules = log.runs[0].tool.driver.rules;
    const as102 = rules.find((r) => r.id === "AS102")!;
    const explained = asyncshift(dir, ["explain", "AS102"]).stdout.trimEnd();
    expect(as102.help.text).toBe(explained);
    expect(as102.helpUri).toMatch(/\/docs\/codes\/AS102\.md$/);
    const results = log.runs[0].results.filter((r) => r.ruleId === "AS102");
    expect(results).toHaveLength(1);
  });

  it("helpUri names a generated page that exists", () => {
    const uri = helpUriOf("AS900");
    const path = uri.split("/blob/main/")[1];
    expect(readFileSync(new URL(`../../${path}`, import.meta.url), "utf8")).toContain(
      `# AS900: ${RUNNER_CODES.AS900.title}`,
    );
    expect(sourceRoot("/nowhere/a", ["b.py", "/nowhere/c/d.py"])).toBe("/nowhere");
  });
});
