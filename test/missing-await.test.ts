import { describe, expect, it } from "vitest";
import { inventoryOfSource } from "../src/inventory/file.js";
import { makeContext } from "../src/config/context.js";
import type { ProjectFacts, ProjectIndex } from "../src/model/types.js";
import { transformById } from "../transforms/index.js";

const missingAwait = transformById("missing-await")!;

const index: ProjectIndex = {
  root: "/project",
  functions: [
    {
      module: "app.mail",
      path: "app/mail.py",
      name: "send_welcome",
      nested: false,
      async: true,
      decorators: [],
      line: 4,
    },
  ],
  calls: [],
  patches: [],
};

const project: ProjectFacts = { usesDjango: true, usesAsgiref: true, models: {}, index };

const source =
  "from .mail import send_welcome\n\n\n" +
  "async def signup(user):\n    send_welcome(user)\n\n\n" +
  "def legacy(user):  # the async helper, dropped\n    send_welcome(user)\n";

describe("missing-await in the inventory", () => {
  const ctx = makeContext({}, project, [missingAwait]);

  it("resolves a relative import against the file's module", () => {
    const file = inventoryOfSource(
      "app/views.py",
      source,
      [missingAwait],
      ctx,
      {},
      new Set(),
      "app.views",
    );
    expect(file.sites.map((s) => [s.kind, s.context, s.line])).toEqual([
      ["coroutine-not-awaited", "async", 5],
      ["coroutine-not-awaited", "sync", 9],
    ]);
  });

  it("finds nothing through a relative import when the module is unknown", () => {
    const file = inventoryOfSource("app/views.py", source, [missingAwait], ctx, {}, new Set());
    expect(file.sites).toEqual([]);
  });
});
