import { existsSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  transformSource,
  type ReportedDiagnostic,
  type SourceResult,
} from "../src/engine/pipeline.js";
import { factsOfFile, projectFacts } from "../src/project/project-facts.js";
import type { Context, ProjectFacts, Transform } from "../src/model/types.js";
import { makeContext, type ContextOptions } from "../src/config/context.js";
import { TRANSFORMS, transformById } from "../transforms/index.js";
import { compileWithCPython, PYTHON } from "./helpers/compile.js";

/**
 * snapshots/<transform>/<case>.input.py -> <case>.output.py (+ <case>.diagnostics.json, and an
 * optional <case>.options.json). UPDATE_SNAPSHOTS=1 writes what the code produces: review the diff.
 */
const ROOT = new URL("../snapshots/", import.meta.url).pathname;
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

/** A case's options: the run's, and the transform's own settings by name (`mode`, `twins`). */
interface CaseOptions extends ContextOptions, Record<string, unknown> {
  /** Path the file is given as (skip globs match it); default `app/<case>.py`. */
  path?: string;
  /** Overrides of the project facts (usesDjango, djangoVersion, ...). */
  project?: Partial<ProjectFacts>;
  /** Codes never reported, and whether unused suppression comments are (AS910). */
  ignore?: string[];
  reportUnusedIgnores?: boolean;
  /** Oldest Python 3 minor version that compiles the case (newer syntax); default any. */
  pythonMinor?: number;
}

interface Case {
  transform: string;
  name: string;
  input: string;
  options: CaseOptions;
  result?: SourceResult;
  rerun?: SourceResult;
}

/** Diagnostics as stored in .diagnostics.json: position, code, severity, message, suggestion. */
function stored(diagnostics: ReportedDiagnostic[]) {
  return diagnostics.map(({ code, severity, line, column, message, suggestion }) => ({
    code,
    severity,
    line,
    column,
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
  }));
}

function contextFor(transform: Transform, input: string, options: CaseOptions): Context {
  const facts = factsOfFile(input);
  const project = projectFacts({ usesDjango: true, usesAsgiref: false }, [
    { path: options.path ?? "case.py", facts },
  ]);
  const own = Object.keys(transform.meta.options ?? {}).filter((k) => options[k] !== undefined);
  // `settings` gives other transforms' settings a transform reads (missing-await: to-thread's twins).
  const settings = {
    ...options.settings,
    [transform.meta.id]: Object.fromEntries(own.map((k) => [k, options[k]])),
  };
  return makeContext(
    { ...options, settings } as ContextOptions,
    { ...project, ...options.project },
    TRANSFORMS.filter((t) => t === transform || options.settings?.[t.meta.id] !== undefined),
  );
}

function run(c: Case, source: string): SourceResult {
  const transform = transformById(c.transform)!;
  return transformSource({
    source,
    path: c.options.path ?? `app/${c.name}.py`,
    transforms: [transform],
    ctx: contextFor(transform, source, c.options),
    ...(c.options.ignore ? { ignore: c.options.ignore } : {}),
    ...(c.options.reportUnusedIgnores ? { reportUnusedIgnores: true } : {}),
  });
}

const cases: Case[] = [];
for (const transform of readdirSync(ROOT).sort()) {
  for (const file of readdirSync(join(ROOT, transform)).sort()) {
    if (!file.endsWith(".input.py")) continue;
    const name = file.slice(0, -".input.py".length);
    const optionsFile = join(ROOT, transform, `${name}.options.json`);
    cases.push({
      transform,
      name,
      input: readFileSync(join(ROOT, transform, file), "utf8"),
      options: existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, "utf8")) : {},
    });
  }
}

let verdicts = new Map<string, string | undefined>();

beforeAll(() => {
  for (const c of cases) {
    c.result = run(c, c.input);
    c.rerun = run(c, c.result.output);
  }
  // One CPython process checks every output.
  verdicts = compileWithCPython(
    new Map(cases.map((c) => [`${c.transform}/${c.name}`, c.result!.output])),
  );
});

describe("snapshot folders", () => {
  it("name only registered transforms", () => {
    for (const folder of readdirSync(ROOT)) expect(transformById(folder), folder).toBeDefined();
  });
  it.each(TRANSFORMS.map((t) => t.meta.id))("%s has cases", (id) => {
    expect(cases.filter((c) => c.transform === id).length).toBeGreaterThan(0);
  });
});

describe.each(cases.map((c) => [`${c.transform}/${c.name}`, c] as const))("%s", (_, c) => {
  const base = join(ROOT, c.transform, c.name);

  // As django-upgrade's check_noop: a case without an .output.py must leave its input unchanged.
  it("produces the expected output", () => {
    const expectedFile = `${base}.output.py`;
    const changes = c.result!.output !== c.input;
    if (UPDATE && changes) writeFileSync(expectedFile, c.result!.output);
    if (UPDATE && !changes && existsSync(expectedFile)) unlinkSync(expectedFile);
    expect(c.result!.status).not.toBe("failed");
    const expected = existsSync(expectedFile) ? readFileSync(expectedFile, "utf8") : c.input;
    expect(c.result!.output).toBe(expected);
  });

  it("stores an output only when the output differs from the input", () => {
    const expectedFile = `${base}.output.py`;
    if (existsSync(expectedFile)) expect(readFileSync(expectedFile, "utf8")).not.toBe(c.input);
  });

  it("reports the expected diagnostics", () => {
    const expectedFile = `${base}.diagnostics.json`;
    const actual = stored(c.result!.diagnostics);
    if (UPDATE) {
      if (actual.length > 0) writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + "\n");
      else if (existsSync(expectedFile)) writeFileSync(expectedFile, "[]\n");
    }
    const expected = existsSync(expectedFile) ? JSON.parse(readFileSync(expectedFile, "utf8")) : [];
    expect(actual).toEqual(expected);
  });

  it("is idempotent", () => {
    expect(c.rerun!.edits).toEqual([]);
    expect(c.rerun!.output).toBe(c.result!.output);
  });

  it("compiles with CPython", () => {
    // Newer syntax needs a newer interpreter (pyenv's 3.13 on this machine): its absence fails.
    expect(PYTHON.minor, `needs Python 3.${c.options.pythonMinor ?? 0}`).toBeGreaterThanOrEqual(
      c.options.pythonMinor ?? 0,
    );
    expect(verdicts.get(`${c.transform}/${c.name}`)).toBeUndefined();
  });
});
