import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asyncshift, removeTempProjects, tempProject } from "../helpers/project.js";
import { filesUnder } from "../helpers/project-snapshots.js";

// native-orm through calls of the same file, decided with the project index (issue 15, part 1):
// the project cases snapshots/native-orm/chain-project-*/ show the rewrites (a twin beside a
// function other files call or a test patches, in place otherwise); here, `asyncshift report`.

const INPUT = filesUnder(
  join(
    new URL("../../snapshots/native-orm/chain-project-twins-for-other-callers/", import.meta.url)
      .pathname,
    "input",
  ),
);

afterEach(removeTempProjects);

describe("a wrapper converting through the functions of its module", () => {
  it("`asyncshift report` lists the chain", () => {
    const dir = tempProject(Object.fromEntries(INPUT));
    const result = asyncshift(dir, ["report", "shop"]);
    expect(result.stdout).toContain(
      "shop/sync.py:19: sync_to_async converts through calls _process_pr_async -> _process_reviews, _touch, process_states",
    );
  });
});
