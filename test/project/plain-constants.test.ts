import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { moduleConstantValues } from "../../src/project/plain-constants.js";

describe("moduleConstantValues", () => {
  const root = mkdtempSync(join(tmpdir(), "asyncshift-constants-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, "utils"));
  writeFileSync(join(root, "utils", "__init__.py"), "");
  const consts = join(root, "utils", "consts.py");
  const views = join(root, "views.py");
  writeFileSync(views, "from utils.consts import STATUS\n");

  it("reads a constant another module assigns", () => {
    writeFileSync(consts, 'STATUS = (("new", "New"), ("done", "Done"))\n');
    const values = moduleConstantValues(root, views, "utils.consts.STATUS");
    expect(values?.map((v) => v.type)).toEqual(["tuple"]);
  });

  // The API and `verify` run twice in one process: a module changed between runs is read again.
  it("reads the module again once it changed", () => {
    writeFileSync(consts, "from elsewhere import STATUS\n");
    const later = new Date(Date.now() + 5_000);
    utimesSync(consts, later, later);
    expect(moduleConstantValues(root, views, "utils.consts.STATUS")).toBeUndefined();
  });
});
