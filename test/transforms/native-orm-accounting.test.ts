import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parsePython } from "../../src/syntax/parse.js";
import { FileSemantics } from "../../src/python/semantics.js";
import { factsOfFile, projectFacts } from "../../src/project/project-facts.js";
import { makeContext } from "../../src/config/context.js";
import type { SyntaxNode, TransformSite } from "../../src/model/types.js";
import { TRANSFORMS } from "../../transforms/index.js";
import { transform } from "../../transforms/native-orm/index.js";

// Issue 23, item 9: every sync_to_async / database_sync_to_async site (call or decorator, class
// attributes too) ends as a rewrite or a diagnostic. This runs native-orm over every snapshot
// input of the repository that spells a wrapper, finds the sites on its own (a walk of the tree,
// not the transform's finder), and fails on any site the transform did not record, or recorded
// as silent.

const ROOT = new URL("../../snapshots/", import.meta.url).pathname;

/** Every `.py` under the snapshot folders (single-file inputs and multi-file cases' inputs). */
function corpus(dir = ROOT): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "output" ? [] : corpus(path);
    return e.name.endsWith(".py") && !e.name.endsWith(".output.py") ? [path] : [];
  });
}

/** The names a file binds to a wrapper: its own and `import ... as` aliases. */
function wrapperNames(source: string): Set<string> {
  const names = new Set(["sync_to_async", "database_sync_to_async"]);
  for (const m of source.matchAll(/\b(?:database_)?sync_to_async\s+as\s+(\w+)/g)) names.add(m[1]);
  return names;
}

/** Start offsets of the sites: each decorator naming a wrapper, each call of a wrapper. */
function sitesIn(root: SyntaxNode, names: Set<string>): number[] {
  const isWrapper = (n: SyntaxNode | null) =>
    !!n &&
    ((n.type === "identifier" && names.has(n.text)) ||
      (n.type === "attribute" && names.has(n.childForFieldName("attribute")?.text ?? "")));
  const starts = new Set<number>();
  for (const d of root.descendantsOfType("decorator")) {
    const e = d.namedChildren[0];
    if (isWrapper(e?.type === "call" ? e.childForFieldName("function") : e))
      starts.add(d.startIndex);
  }
  for (const c of root.descendantsOfType("call")) {
    if (!isWrapper(c.childForFieldName("function"))) continue;
    if (c.parent?.type === "decorator") continue;
    starts.add(c.startIndex);
  }
  return [...starts].sort((a, b) => a - b);
}

const files = corpus().filter((path) => /sync_to_async/.test(readFileSync(path, "utf8")));

describe("every sync_to_async site in the snapshot corpus is accounted for", () => {
  it("has a corpus", () => expect(files.length).toBeGreaterThan(80));

  it.each(files.map((path) => [path.slice(ROOT.length)]))("%s", (relative) => {
    const path = join(ROOT, relative);
    const source = readFileSync(path, "utf8");
    const tree = parsePython(source);
    // Imports of wrappers only: a stub import line would not make the file a Django project.
    if (!/from (asgiref\.sync|channels\.db) import|import asgiref/.test(source)) return;
    const project = projectFacts({ usesDjango: true, usesAsgiref: true }, [
      { path: "case.py", facts: factsOfFile(source) },
    ]);
    const options = optionsOf(path);
    // No Django: the runner skips the transform and says so once for the run.
    if ((options.project as { usesDjango?: boolean } | undefined)?.usesDjango === false) return;
    const ctx = makeContext(
      { ...(options.djangoVersion ? { djangoVersion: options.djangoVersion } : {}) },
      { ...project, ...(options.project ?? {}) },
      TRANSFORMS,
    );
    const file = new FileSemantics(`app/${relative.split("/").at(-1)}`, source, tree);
    const sites: TransformSite[] = (transform(file, ctx).sites ?? []).filter(
      (s) => s.kind === "sync_to_async",
    );
    const recorded = new Map(sites.map((s) => [s.start, s.context]));
    const lineOf = (at: number) => source.slice(0, at).split("\n").length;
    const missing = sitesIn(tree.rootNode, wrapperNames(source))
      .filter((at) => !recorded.has(at) && !insideRecorded(tree.rootNode, at, recorded))
      .map(lineOf);
    const silent = sites.filter((s) => s.context === "silent").map((s) => lineOf(s.start));
    expect({ missing, silent }).toEqual({ missing: [], silent: [] });
  });
});

/** A site inside a recorded site's call (the inner wrapper of a nested form) is its part. */
function insideRecorded(root: SyntaxNode, at: number, recorded: Map<number, string>): boolean {
  for (let n = root.descendantForIndex(at).parent; n && n.type !== "block"; n = n.parent)
    if (n.type === "call" && n.startIndex !== at && recorded.has(n.startIndex)) return true;
  return false;
}

function optionsOf(path: string): { djangoVersion?: string; project?: object } {
  const options = path.replace(/\.input\.py$/, ".options.json");
  return options !== path && existsSync(options) ? JSON.parse(readFileSync(options, "utf8")) : {};
}
