import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { requireBuild } from "../helpers/cli.js";
import { filesUnder } from "../helpers/project-snapshots.js";
import { asyncshift, git, removeTempProjects, tempRepo } from "../helpers/project.js";

// Issue 22, item 2, end to end: two services of one repository that both have a module
// `app.helpers` are two modules. Each service runs `python manage.py` from its own folder, so
// `from app.helpers import mark_paid` in one names that service's file, never the other's.

beforeAll(requireBuild);
afterEach(removeTempProjects);

const CASE = new URL(
  "../../snapshots/native-orm/monorepo-services-same-module-name/",
  import.meta.url,
).pathname;

function monorepo(): string {
  return tempRepo(Object.fromEntries(filesUnder(join(CASE, "input"))));
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");

describe("a monorepo whose services share module names", () => {
  it("plans each service's wrapper against its own helper, from the repository's root", () => {
    const dir = monorepo();
    const paymentsHelpers = read(dir, "services/payments/app/helpers.py");
    const first = asyncshift(dir, ["--write", "-t", "native-orm", "."]);
    expect(first.code, first.stderr).toBe(0);
    // The payments helper holds transaction.atomic(): no twin of it may run on the event loop.
    expect(read(dir, "services/payments/app/helpers.py")).toBe(paymentsHelpers);
    expect(read(dir, "services/payments/app/views.py")).toContain("@sync_to_async");
    expect(first.stdout).toMatch(
      /services\/payments\/app\/views\.py:9:5: AS203 .*services\/payments\/app\/helpers\.py line 8: transaction\.atomic/,
    );
    // The invoicing wrapper converts, awaiting the twin of its own helper.
    expect(read(dir, "services/invoicing/app/helpers.py")).toContain("async def amark_paid");
    expect(read(dir, "services/invoicing/app/views.py")).toContain("await amark_paid(invoice_id)");
    // A second run, with the index cache warm, finds nothing more to do.
    const second = asyncshift(dir, ["--check", "-t", "native-orm", "."]);
    expect(second.code, second.stdout).toBe(0);
    expect(git(dir, "status", "--porcelain", "services/payments")).toBe("");
  });

  it("gives the same plan when only the changed service's files are named", () => {
    const dir = monorepo();
    // Warm the cache from the root, then name one file of each service (pre-commit's way).
    expect(asyncshift(dir, ["-t", "native-orm", "."]).code).toBe(0);
    const named = asyncshift(dir, [
      "--write",
      "-t",
      "native-orm",
      "services/payments/app/views.py",
      "services/payments/app/helpers.py",
      "services/invoicing/app/views.py",
      "services/invoicing/app/helpers.py",
    ]);
    expect(named.code, named.stderr).toBe(0);
    expect(git(dir, "status", "--porcelain", "services/payments")).toBe("");
    expect(read(dir, "services/invoicing/app/helpers.py")).toContain("async def amark_paid");
  });
});
