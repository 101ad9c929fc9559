import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { TRANSFORMS } from "../transforms/index.js";

// The engine never names a transform (DESIGN.md, "Shape"): the registry is handed in from the
// composition roots, and what concerns one transform lives in `transforms/`.

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");

function typescriptFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .map((name) => join(ROOT, dir, name));
}

/** The string literals of a TypeScript file (comments and prose excluded), with their lines. */
function stringLiterals(path: string): { text: string; line: number }[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node))
      found.push({
        text: node.text,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      });
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Functions (declarations, methods, arrows) longer than `max` lines, as `path:line name (n lines)`. */
function longFunctions(path: string, max: number): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, "utf8"), ts.ScriptTarget.Latest);
  const long: string[] = [];
  const lineOf = (at: number) => source.getLineAndCharacterOfPosition(at).line + 1;
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const start = lineOf(node.getStart(source));
      const lines = lineOf(node.getEnd()) - start + 1;
      const name = node.name?.getText(source) ?? "(anonymous)";
      if (lines > max) long.push(`${relative(ROOT, path)}:${start} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

/** The files of `files` each one imports (relative imports only, `.js` named for its `.ts`). */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const path of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(path, "utf8"), true, true);
    const targets = importedFiles
      .filter((f) => f.fileName.startsWith("."))
      .map((f) => resolve(dirname(path), f.fileName.replace(/\.js$/, ".ts")))
      .filter((target) => known.has(target));
    graph.set(path, targets);
  }
  return graph;
}

/** One cycle of imports per strongly tied group, as `a -> b -> a`; none when the graph is a DAG. */
function importCycles(graph: Map<string, string[]>): string[] {
  const state = new Map<string, "open" | "done">();
  const cycles: string[] = [];
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") {
        const loop = [...stack.slice(stack.indexOf(next)), next];
        cycles.push(loop.map((f) => relative(ROOT, f)).join(" -> "));
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const CODE = [...typescriptFiles("src"), ...typescriptFiles("transforms")];

describe("structure", () => {
  it("no file in src/ or transforms/ is over 600 lines", () => {
    const lines = (path: string) => readFileSync(path, "utf8").split("\n").length - 1;
    expect(CODE.filter((path) => lines(path) > 600).map((path) => relative(ROOT, path))).toEqual(
      [],
    );
  });

  it("no function in src/ or transforms/ is over 80 lines", () => {
    expect(CODE.flatMap((path) => longFunctions(path, 80))).toEqual([]);
  });

  it("no file under src/ names a registered transform id as a string literal", () => {
    const ids = new Set(TRANSFORMS.map((t) => t.meta.id));
    const naming = typescriptFiles("src").flatMap((path) =>
      stringLiterals(path)
        .filter((s) => ids.has(s.text))
        .map((s) => `${relative(ROOT, path)}:${s.line}: "${s.text}"`),
    );
    expect(naming).toEqual([]);
  });

  it("no file of src/ or transforms/ imports itself through others (no import cycle)", () => {
    expect(importCycles(importGraph(CODE))).toEqual([]);
  });
});
