import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generatedDocs } from "../src/report/docs-pages.js";
import { TRANSFORMS } from "../transforms/index.js";
import { RUNNER_CODES } from "../src/model/codes.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The Markdown a user reads: README, CONTRIBUTING, CHANGELOG and everything under docs/. */
function markdownFiles(): string[] {
  const files = ["README.md", "CONTRIBUTING.md", "CHANGELOG.md", "bench/README.md"];
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`;
      if (statSync(join(ROOT, path)).isDirectory()) walk(path);
      else if (name.endsWith(".md")) files.push(path);
    }
  };
  walk("docs");
  return files;
}

/** Markdown outside fenced code blocks. */
function unfenced(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "");
}

/** Markdown outside code blocks and inline code spans, where a link is a link. */
function prose(text: string): string {
  return unfenced(text).replace(/`[^`\n]*`/g, "");
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const [, heading] of unfenced(text).matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const base = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  for (const [, id] of text.matchAll(/<a (?:id|name)="([^"]+)"/g)) out.add(id);
  return out;
}

function brokenLinks(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const broken: string[] = [];
  for (const [, target] of prose(text).matchAll(/\]\(([^)\s]+)(?: "[^"]*")?\)/g)) {
    if (/^[a-z]+:/i.test(target)) continue;
    const [path, anchor] = target.split("#");
    const resolved = path ? join(ROOT, dirname(file), decodeURI(path)) : join(ROOT, file);
    if (!existsSync(resolved)) {
      broken.push(`${file}: ${target} (no such file)`);
      continue;
    }
    if (anchor && !statSync(resolved).isDirectory()) {
      const headings = anchors(readFileSync(resolved, "utf8"));
      if (!headings.has(anchor))
        broken.push(`${file}: ${target} (no heading #${anchor} in ${relative(ROOT, resolved)})`);
    }
  }
  return broken;
}

describe("documentation", () => {
  it("every relative link in README, CONTRIBUTING and docs/ resolves, anchors included", () => {
    const files = markdownFiles();
    expect(files).toContain("docs/codes/AS101.md");
    expect(files.flatMap(brokenLinks)).toEqual([]);
  });

  it("the generated pages are current (run `npm run docs`)", () => {
    const pages = generatedDocs(TRANSFORMS);
    for (const [path, text] of pages)
      expect(readFileSync(join(ROOT, path), "utf8"), path).toBe(text);
    const onDisk = readdirSync(join(ROOT, "docs/codes")).map((name) => `docs/codes/${name}`);
    expect(onDisk.sort()).toEqual([...pages.keys()].sort());
  });

  it("has one page per code, in the order ruff's rule pages read", () => {
    const codes = [
      ...TRANSFORMS.flatMap((t) => Object.keys(t.meta.codes)),
      ...Object.keys(RUNNER_CODES),
    ];
    const pages = generatedDocs(TRANSFORMS);
    for (const code of codes) expect(pages.has(`docs/codes/${code}.md`), code).toBe(true);
    const as101 = pages.get("docs/codes/AS101.md")!;
    const order = [
      "# AS101:",
      "## What it does and why",
      "## Example",
      "Use instead:",
      "## Fix safety",
    ];
    const at = order.map((h) => as101.indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(as101).toContain("carries a **safe** fix");
    expect(pages.get("docs/codes/AS201.md")).toContain("**unsafe** fix");
    expect(pages.get("docs/codes/AS205.md")).toContain("No automatic fix");
  });

  it("README is a user's page: short, Install near the top, a page per transform", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme.split("\n").length).toBeLessThanOrEqual(400);
    const headings = [...readme.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings.slice(0, 3)).toContain("Install");
    for (const words of [
      "pip install asyncshift",
      "pipx run asyncshift",
      "uvx asyncshift",
      "npx asyncshift",
      "id: asyncshift\n",
      "id: asyncshift-fix",
    ])
      expect(readme, words).toContain(words);
    for (const { meta } of TRANSFORMS)
      expect(readme, meta.id).toContain(`(docs/transforms/${meta.id}.md)`);
  });

  it("gives exactly the two set-up commands of a checkout", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    expect(readme).toContain("npm install && npx asyncshift examples/\nnpm test\n");
  });

  it("documents every transform and every flag of the run command", () => {
    const cli = readFileSync(join(ROOT, "docs/cli.md"), "utf8");
    for (const { meta } of TRANSFORMS)
      expect(existsSync(join(ROOT, `docs/transforms/${meta.id}.md`)), meta.id).toBe(true);
    for (const flag of [
      "--write",
      "--check",
      "--unsafe-fixes",
      "--transform",
      "--django",
      "--django-version",
      "--format",
      "--no-diff",
      "--quiet",
      "--color",
      "--jobs",
      "--diff",
      "--extend-ignore",
      "--report-unused-ignores",
      "--stdin-filename",
      "--interactive",
    ])
      expect(cli, flag).toContain(flag);
  });

  it("each code's documented fix safety is what its snapshot cases show", () => {
    // Every entry of every snapshot's diagnostics and fixes, with the applicability of its fix.
    const seen = new Map<string, { with: Set<string>; without: number }>();
    const walk = (dir: string) => {
      for (const name of readdirSync(join(ROOT, dir))) {
        const path = `${dir}/${name}`;
        if (statSync(join(ROOT, path)).isDirectory()) walk(path);
        else if (/(diagnostics|fixes)\.json$/.test(name))
          for (const entry of JSON.parse(readFileSync(join(ROOT, path), "utf8")) as {
            code: string;
            fix?: string;
          }[]) {
            const s = seen.get(entry.code) ?? { with: new Set<string>(), without: 0 };
            if (entry.fix) s.with.add(entry.fix);
            else s.without++;
            seen.set(entry.code, s);
          }
      }
    };
    walk("snapshots");
    const docs = Object.fromEntries(TRANSFORMS.flatMap((t) => Object.entries(t.meta.codes)));
    for (const [code, { with: fixes, without }] of seen) {
      const fix = docs[code]?.fix;
      if (!docs[code]) continue;
      const allowed = fix ? [fix.applicability, ...(fix.sometimesUnsafe ? ["unsafe"] : [])] : [];
      for (const applicability of fixes) expect(allowed, code).toContain(applicability);
      if (fix)
        expect([...fixes], `${code}: no case shows its ${fix.applicability} fix`).toContain(
          fix.applicability,
        );
      if (fix?.always) expect(without, `${code}: a case without its fix`).toBe(0);
    }
  });
});
