import {
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  transformSource,
  type ReportedDiagnostic,
  type SourceResult,
} from "../../src/engine/pipeline.js";
import type { ReportedFix } from "../../src/model/reported.js";
import { factsOfFile, projectFacts } from "../../src/project/project-facts.js";
import type { Context, ProjectFacts, Transform } from "../../src/model/types.js";
import { makeContext, type ContextOptions } from "../../src/config/context.js";
import { TRANSFORMS, transformById } from "../../transforms/index.js";
import { compileWithCPython, PYTHON } from "./compile.js";
import {
  filesUnder,
  readProjectCase,
  runProjectCase,
  writeProjectCase,
  type ProjectCase,
  type ProjectRun,
} from "./project-snapshots.js";
import { shardFiles, shardOf } from "./shards.js";

/**
 * snapshots/<transform>/<case>.input.py -> <case>.output.py (+ <case>.diagnostics.json, and an
 * optional <case>.options.json); a folder snapshots/<transform>/<case>/ is a small project run as
 * the command line runs it (see project-snapshots.ts). UPDATE_SNAPSHOTS=1 writes what the code
 * produces: review the diff.
 *
 * The cases are spread over the files test/snapshots/shard-<i>.test.ts by a hash of their names,
 * so that the test workers share them and a new case lands in a shard without a list to edit;
 * test/snapshots/folders.test.ts checks what concerns every case at once. One case:
 * `npx vitest run test/snapshots -t '<transform>/<case>'` (a shard runs only the cases selected).
 */
const ROOT = new URL("../../snapshots/", import.meta.url).pathname;
const SHARD_FOLDER = new URL("../snapshots/", import.meta.url).pathname;

/** How many files the cases are spread over: test/snapshots/shard-0.test.ts to shard-<SHARDS - 1>. */
export const SHARDS = 3;
const UPDATE = process.env.UPDATE_SNAPSHOTS === "1";

/** A case's options: the run's, and the transform's own settings by name (`mode`, `twins`). */
interface CaseOptions extends ContextOptions, Record<string, unknown> {
  /** Path the file is given as (skip globs match it); default `app/<case>.py`. */
  path?: string;
  /**
   * Overrides of the project facts (usesDjango, djangoVersion, ...). Never an index: a case about
   * other files is a project case (a folder with input/), whose index the run builds.
   */
  project?: Partial<Omit<ProjectFacts, "index">>;
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

/**
 * Diagnostics as stored in .diagnostics.json: position, code, severity, message, suggestion, and
 * the applicability of the finding's fix when it has one.
 */
function stored(diagnostics: ReportedDiagnostic[]) {
  return diagnostics.map(({ code, severity, line, column, message, suggestion, fix }) => ({
    code,
    severity,
    line,
    column,
    message,
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...(fix !== undefined ? { fix } : {}),
  }));
}

/** The sites rewritten, as stored in .fixes.json: code, position, message, applicability. */
function storedFixes(fixes: ReportedFix[]) {
  return fixes.map(({ code, line, column, message, applicability }) => ({
    code,
    line,
    column,
    message,
    fix: applicability,
  }));
}

/** UPDATE_SNAPSHOTS=1: `items` in `file` as JSON when there are any, else no file. */
function writeJsonOrNothing(file: string, items: unknown[]): void {
  if (items.length > 0) writeFileSync(file, JSON.stringify(items, null, 2) + "\n");
  else if (existsSync(file)) unlinkSync(file);
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

/** Every case under snapshots/, in folder and name order. */
function readCases(): { cases: Case[]; projectCases: ProjectCase[] } {
  const cases: Case[] = [];
  const projectCases: ProjectCase[] = [];
  for (const transform of readdirSync(ROOT).sort()) {
    for (const file of readdirSync(join(ROOT, transform)).sort()) {
      if (statSync(join(ROOT, transform, file)).isDirectory()) {
        projectCases.push(readProjectCase(ROOT, transform, file));
        continue;
      }
      if (!file.endsWith(".input.py")) continue;
      const name = file.slice(0, -".input.py".length);
      const optionsFile = join(ROOT, transform, `${name}.options.json`);
      const options: CaseOptions = existsSync(optionsFile)
        ? JSON.parse(readFileSync(optionsFile, "utf8"))
        : {};
      if (options.project && "index" in options.project)
        throw new Error(`${transform}/${name}: an index by hand; make it a project case (input/)`);
      cases.push({
        transform,
        name,
        input: readFileSync(join(ROOT, transform, file), "utf8"),
        options,
      });
    }
  }
  return { cases, projectCases };
}

/** The codes a case's stored expectations show: reported (diagnostics) or applied (fixes). */
function storedCodes(files: string[]): string[] {
  return files
    .filter((file) => existsSync(file))
    .flatMap((file) =>
      (JSON.parse(readFileSync(file, "utf8")) as { code: string }[]).map((d) => d.code),
    );
}

/**
 * What concerns every case at once: the folders, each transform's cases, and that the shard files
 * are exactly 0 to SHARDS - 1, so that every case runs in one.
 */
export function snapshotFolderChecks(): void {
  const { cases, projectCases } = readCases();
  describe("snapshot folders", () => {
    it("name only registered transforms", () => {
      for (const folder of readdirSync(ROOT)) expect(transformById(folder), folder).toBeDefined();
    });
    it.each(TRANSFORMS.map((t) => t.meta.id))("%s has cases", (id) => {
      const count = [...cases, ...projectCases].filter((c) => c.transform === id).length;
      expect(count).toBeGreaterThan(0);
    });
    // A reader finds every code at work in a case: reported (.diagnostics.json) or applied
    // (.fixes.json). Read from the stored files, which every case's own tests hold its run to.
    it.each(TRANSFORMS.map((t) => [t.meta.id, t] as const))(
      "%s shows every code it declares",
      (id, t) => {
        const shown = new Set([
          ...cases
            .filter((c) => c.transform === id)
            .flatMap((c) => {
              const base = join(ROOT, c.transform, c.name);
              return storedCodes([`${base}.diagnostics.json`, `${base}.fixes.json`]);
            }),
          ...projectCases
            .filter((c) => c.transform === id)
            .flatMap((c) =>
              storedCodes([join(c.dir, "diagnostics.json"), join(c.dir, "fixes.json")]),
            ),
        ]);
        expect(Object.keys(t.meta.codes).filter((code) => !shown.has(code))).toEqual([]);
      },
    );
    it("spread over the shard files 0 to SHARDS - 1", () => {
      const shards = readdirSync(SHARD_FOLDER).filter((f) => /^shard-\d+\.test\.ts$/.test(f));
      expect(shards.sort()).toEqual(shardFiles("shard-", SHARDS).sort());
    });
  });
}

/**
 * The cases of one shard, with every check of each. The runs are made before the tests, only for
 * the cases a test is selected in (`-t`), and CPython compiles all their outputs in one process.
 */
export function snapshotShard(shard: number): void {
  const all = readCases();
  const cases = all.cases.filter((c) => shardOf(c.transform, c.name, SHARDS) === shard);
  const projectCases = all.projectCases.filter(
    (c) => shardOf(c.transform, c.name, SHARDS) === shard,
  );
  let verdicts = new Map<string, string | undefined>();

  beforeAll(async ({}, file) => {
    const selected = new Set(
      file.tasks.filter((t) => t.type === "suite" && t.mode === "run").map((t) => t.name),
    );
    const ran = cases.filter((c) => selected.has(`${c.transform}/${c.name}`));
    const ranProjects = projectCases.filter((c) => selected.has(`${c.transform}/${c.name}/`));
    for (const c of ran) {
      c.result = run(c, c.input);
      c.rerun = run(c, c.result.output);
    }
    for (const c of ranProjects) await runProjectCase(c);
    // One CPython process checks every output (a project case's: every file it changed).
    verdicts = compileWithCPython(
      new Map([
        ...ran.map((c) => [`${c.transform}/${c.name}`, c.result!.output] as const),
        ...ranProjects.flatMap((c) =>
          [...c.result!.changed].map(
            ([path, text]) => [`${c.transform}/${c.name}/${path}`, text] as const,
          ),
        ),
      ]),
    );
  });

  singleFileCases(cases, () => verdicts);
  projectFolderCases(projectCases, () => verdicts);
}

function singleFileCases(cases: Case[], verdicts: () => Map<string, string | undefined>): void {
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
      const expected = existsSync(expectedFile)
        ? JSON.parse(readFileSync(expectedFile, "utf8"))
        : [];
      expect(actual).toEqual(expected);
    });

    it("records the fixes applied", () => {
      const expectedFile = `${base}.fixes.json`;
      const actual = storedFixes(c.result!.fixes ?? []);
      if (UPDATE) writeJsonOrNothing(expectedFile, actual);
      const expected = existsSync(expectedFile)
        ? JSON.parse(readFileSync(expectedFile, "utf8"))
        : [];
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
      expect(verdicts().get(`${c.transform}/${c.name}`)).toBeUndefined();
    });
  });
}

function projectFolderCases(
  projectCases: ProjectCase[],
  verdicts: () => Map<string, string | undefined>,
): void {
  describe.each(projectCases.map((c) => [`${c.transform}/${c.name}/`, c] as const))(
    "%s",
    (_, c) => {
      if (UPDATE) beforeAll(() => writeProjectCase(c));

      it("changes exactly the files in output/, as they are there", () => {
        expect(c.result!.failed).toEqual([]);
        const expected = filesUnder(join(c.dir, "output"));
        expect([...c.result!.changed.keys()].sort()).toEqual([...expected.keys()].sort());
        for (const [path, text] of expected) expect(c.result!.changed.get(path), path).toBe(text);
      });

      it("stores an output only for files it changes", () => {
        for (const [path, text] of filesUnder(join(c.dir, "output"))) {
          expect(c.input.has(path), `${path} is not an input file`).toBe(true);
          expect(text, path).not.toBe(c.input.get(path));
        }
      });

      it("reports the expected diagnostics", () => {
        const file = join(c.dir, "diagnostics.json");
        const expected = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
        expect(c.result!.diagnostics).toEqual(expected);
      });

      it("records the fixes applied", () => {
        const file = join(c.dir, "fixes.json");
        const expected = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : [];
        expect(c.result!.fixes).toEqual(expected);
      });

      it("is idempotent", () => {
        expect(c.rerun!.failed).toEqual([]);
        expect([...c.rerun!.changed.keys()]).toEqual([]);
      });

      // AS920 is read from the code, not only from this run's rewrites: a run after --write says it
      // again. A removed thread wrapper leaves nothing in the code to read (`by` empty: "patch the
      // called function instead").
      it("keeps its AS920 findings on the run after --write", () => {
        const mocks = (run: ProjectRun) =>
          run.diagnostics.filter(
            (d) => d.code === "AS920" && !d.message.endsWith("patch the called function instead"),
          );
        expect(mocks(c.rerun!)).toEqual(expect.arrayContaining(mocks(c.result!)));
      });

      it("compiles with CPython", () => {
        const minor = c.options.pythonMinor ?? 0;
        expect(PYTHON.minor, `needs Python 3.${minor}`).toBeGreaterThanOrEqual(minor);
        for (const path of c.result!.changed.keys())
          expect(verdicts().get(`${c.transform}/${c.name}/${path}`), path).toBeUndefined();
      });
    },
  );
}
