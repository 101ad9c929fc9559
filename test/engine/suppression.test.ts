import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { requireBuild } from "../helpers/cli.js";
import { Suppressions } from "../../src/engine/suppression.js";
import { asyncshift, removeTempProjects, REQUIREMENTS, tempProject } from "../helpers/project.js";

beforeAll(requireBuild);
afterEach(removeTempProjects);

describe("Suppressions", () => {
  const source = [
    "x = f()  # asyncshift: ignore[AS101,as202]",
    "y = g()  #asyncshift:ignore",
    's = "# asyncshift: ignore"; h()',
    "z = (  # noqa: E501  # asyncshift: ignore[AS301]",
    "    k()",
    ")\r",
    "w = 'é'  # asyncshift: ignore[AS102]\r",
  ].join("\n");
  const offsetOf = (line: number) =>
    source
      .split("\n")
      .slice(0, line - 1)
      .join("\n").length + (line > 1 ? 1 : 0);

  it("reads codes (any case, with or without spaces) and bare comments; not in strings", () => {
    const s = new Suppressions(source);
    expect(s.size).toBe(4);
    expect(s.isSuppressed("AS202", offsetOf(1))).toBe(true);
    expect(s.isSuppressed("AS102", offsetOf(1))).toBe(false);
    expect(s.isSuppressed("AS999", offsetOf(2))).toBe(true);
    expect(s.isSuppressed("AS102", offsetOf(3))).toBe(false);
    expect(s.isSuppressed("AS102", offsetOf(7) + 4)).toBe(true);
  });

  it("a comment on a statement's first line covers its other lines", () => {
    const s = new Suppressions(source);
    expect(s.isSuppressed("AS301", offsetOf(5) + 4)).toBe(false);
    expect(s.isSuppressed("AS301", offsetOf(5) + 4, offsetOf(4))).toBe(true);
  });

  it("remembers use: what was never used is what an unused report names", () => {
    const s = new Suppressions(source);
    s.isSuppressed("AS101", offsetOf(1));
    expect(s.bareAt(offsetOf(2))?.line).toBe(2);
    expect(s.bareAt(offsetOf(1))).toBeUndefined();
    const unused = s.unused().map((u) => [u.comment.line, u.codes]);
    expect(unused).toEqual([
      [1, ["AS202"]],
      [4, ["AS301"]],
      [7, ["AS102"]],
    ]);
  });
});

const HANDLER = `import asyncio


async def handler(sku):
    asyncio.run(fetch_price(sku))  # asyncshift: ignore[AS102]
    asyncio.run(fetch_price(sku))
    return sku  # asyncshift: ignore[AS301]
`;

describe("suppression from the command line and the configuration", () => {
  it("a comment suppresses its line only", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/views.py": HANDLER });
    const { stdout } = asyncshift(dir, ["--no-diff", "."]);
    expect(stdout.match(/AS102/g)).toHaveLength(1);
    expect(stdout).toContain("app/views.py:6:5: AS102");
    expect(stdout).not.toContain("AS910");
  });

  it("--report-unused-ignores names the codes that suppressed nothing", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/views.py": HANDLER });
    const { stdout } = asyncshift(dir, ["--report-unused-ignores", "--check", "."]);
    expect(stdout).toContain(
      "app/views.py:7:17: AS910 unused `# asyncshift: ignore[AS301]`: no AS301 reported on this line",
    );
  });

  it("--extend-ignore and ignore = [...] skip codes; an unknown code is a usage error", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/views.py": HANDLER });
    const flag = asyncshift(dir, ["--extend-ignore", "AS102", "--check", "."]);
    expect(flag.stdout).not.toContain("AS102");
    expect(flag.code).toBe(0);
    const configured = tempProject({
      "requirements.txt": REQUIREMENTS,
      "app/views.py": HANDLER,
      "pyproject.toml": '[tool.asyncshift]\nignore = ["as102"]\n',
    });
    expect(asyncshift(configured, ["--check", "."]).stdout).not.toContain("AS102");
    const typo = asyncshift(dir, ["--extend-ignore", "AS1O2", "."]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('--extend-ignore: unknown code "AS1O2"');
  });
});
