import { existsSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { RUNNER_CODES } from "../model/codes.js";
import { explainCode } from "./docs.js";
import { patchRoot } from "./text.js";
import type { ReportedDiagnostic, ReportedEdit } from "../engine/pipeline.js";
import type { FileResult, RunResult } from "../model/results.js";
import type { CodeDoc, Severity, Transform } from "../model/types.js";

/** SARIF 2.1.0 (OASIS): the format GitHub code scanning and most editors read. */
const SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
const INFORMATION_URI = "https://github.com/asyncshift/asyncshift";

type Level = "error" | "warning" | "note";

const LEVEL: Record<Severity, Level> = { error: "error", warning: "warning", info: "note" };

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface Rule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri?: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: Level };
  properties: { source: string };
}

/** The help `asyncshift explain CODE` prints, as text and as Markdown. */
function helpOf(
  code: string,
  doc: CodeDoc,
  transforms: readonly Transform[],
): { text: string; markdown: string } {
  const markdown = [doc.explanation];
  if (doc.before) markdown.push("", "Before:", "", "```python", doc.before, "```");
  if (doc.after) markdown.push("", "After:", "", "```python", doc.after, "```");
  const text = explainCode(transforms, code) ?? doc.explanation;
  return { text: text.trimEnd(), markdown: markdown.join("\n") };
}

/**
 * The README's section on a code: its heading `#### CODE — title`, as GitHub makes anchors
 * (lower case, punctuation dropped, each space a hyphen).
 */
export function helpUriOf(code: string, doc: CodeDoc): string {
  const slug = `${code} — ${doc.title}`
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
  return `${INFORMATION_URI}#${slug}`;
}

/** PascalCase rule name from a title, as SARIF viewers show it ("AsyncioRunCalledFromSyncCode"). */
function ruleName(title: string): string {
  return title
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join("");
}

/**
 * Every diagnostic code as a rule, plus one rule per transform for its rewrites (an edit is a
 * result of the transform's rule, with the exact fix attached).
 */
export function sarifRules(transforms: readonly Transform[]): Rule[] {
  const rules: Rule[] = [];
  for (const { meta } of transforms) {
    rules.push({
      id: meta.id,
      name: ruleName(meta.id),
      shortDescription: { text: meta.summary },
      fullDescription: {
        text: `${meta.summary}. Run \`asyncshift --write -t ${meta.id}\` to apply the rewrite.`,
      },
      help: {
        text: `asyncshift ${meta.id}: ${meta.summary}. \`asyncshift list\` shows its diagnostic codes.`,
        markdown: `**asyncshift ${meta.id}**: ${meta.summary}.`,
      },
      defaultConfiguration: { level: "warning" },
      properties: { source: meta.id },
    });
    for (const [code, doc] of Object.entries(meta.codes))
      rules.push(codeRule(code, doc, meta.id, transforms));
  }
  for (const [code, doc] of Object.entries(RUNNER_CODES))
    rules.push(codeRule(code, doc, "runner", transforms));
  return rules;
}

function codeRule(
  code: string,
  doc: CodeDoc,
  source: string,
  transforms: readonly Transform[],
): Rule {
  return {
    id: code,
    name: ruleName(doc.title),
    shortDescription: { text: doc.title },
    fullDescription: { text: doc.explanation },
    helpUri: helpUriOf(code, doc),
    help: helpOf(code, doc, transforms),
    defaultConfiguration: { level: LEVEL[doc.severity] },
    properties: { source },
  };
}

function location(uri: string, region: Region) {
  return {
    physicalLocation: { artifactLocation: { uri, uriBaseId: "%SRCROOT%" }, region },
  };
}

/** The file's path as a relative URI reference (spaces and other reserved characters escaped). */
function uriOf(path: string): string {
  return path.split("/").map(encodeURIComponent).join("/");
}

function diagnosticResult(uri: string, d: ReportedDiagnostic, ruleIndex: Map<string, number>) {
  const message =
    d.suggestion !== undefined ? `${d.message}\nSuggestion: ${d.suggestion}` : d.message;
  return {
    ruleId: d.code,
    ...(ruleIndex.has(d.code) ? { ruleIndex: ruleIndex.get(d.code)! } : {}),
    level: LEVEL[d.severity],
    message: { text: message },
    locations: [
      location(uri, {
        startLine: d.line,
        startColumn: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
      }),
    ],
  };
}

/** The text a reported edit's region covers in `text` (columns count code points), if it exists. */
function textAt(text: string, edit: ReportedEdit): string | undefined {
  const lines = text.split("\n");
  const offset = (line: number, column: number): number | undefined => {
    if (line < 1 || line > lines.length) return undefined;
    let at = 0;
    for (let i = 0; i < line - 1; i++) at += lines[i].length + 1;
    const chars = [...lines[line - 1]];
    if (column - 1 > chars.length) return undefined;
    return at + chars.slice(0, column - 1).join("").length;
  };
  const start = offset(edit.line, edit.column);
  const end = offset(edit.endLine, edit.endColumn);
  return start === undefined || end === undefined ? undefined : text.slice(start, end);
}

/**
 * A fix only when every edit's region holds, in the file as read, exactly the text it replaces: a
 * later transform's edit inside text an earlier one inserted has no exact place in the original.
 */
function exactFix(file: Extract<FileResult, { status: "changed" }>, uri: string) {
  const original = file.original?.replace(/^\uFEFF/, "");
  if (original === undefined) return undefined;
  if (!file.edits.every((e) => textAt(original, e) === e.before)) return undefined;
  return {
    description: { text: `Apply asyncshift's rewrite of ${file.path}` },
    artifactChanges: [
      {
        artifactLocation: { uri, uriBaseId: "%SRCROOT%" },
        replacements: file.edits.map((e) => ({
          deletedRegion: {
            startLine: e.line,
            startColumn: e.column,
            endLine: e.endLine,
            endColumn: e.endColumn,
          },
          insertedContent: { text: e.after },
        })),
      },
    ],
  };
}

/** Rewrites as results: one per site, at the site, with the code that names the rewrite. */
function editResults(
  file: Extract<FileResult, { status: "changed" }>,
  uri: string,
  mode: RunResult["mode"],
  ruleIndex: Map<string, number>,
) {
  const fix = exactFix(file, uri);
  const done = mode === "write" && file.written;
  return (file.fixes ?? []).map((site, i) => ({
    ruleId: site.code,
    ...(ruleIndex.has(site.code) ? { ruleIndex: ruleIndex.get(site.code)! } : {}),
    level: (done ? "note" : "warning") as Level,
    kind: done ? "informational" : "fail",
    message: {
      text: done
        ? `${site.message} (rewritten by ${site.source})`
        : `${site.message} (${site.source} would rewrite it; run asyncshift --write)`,
    },
    locations: [
      location(uri, {
        startLine: site.line,
        startColumn: site.column,
        endLine: site.endLine,
        endColumn: site.endColumn,
      }),
    ],
    // The fix covers the whole file's rewrite, so it rides on the file's first result only.
    ...(fix && i === 0 && !done ? { fixes: [fix] } : {}),
  }));
}

/**
 * %SRCROOT%: the root of the git work tree holding the working folder (code scanning resolves
 * URIs against it), else the working folder; raised to a folder holding every file, so that every
 * URI is relative to it.
 */
export function sourceRoot(cwd: string, paths: readonly string[]): string {
  let root = resolve(cwd);
  for (let dir = root; ; dir = dirname(dir)) {
    if (existsSync(join(dir, ".git"))) {
      root = dir;
      break;
    }
    if (dirname(dir) === dir) break;
  }
  return patchRoot(
    root,
    paths.map((p) => resolve(cwd, p)),
  );
}

/** One SARIF 2.1.0 log with one run: the tool and its rules, then every result. */
export function formatSarif(
  result: RunResult,
  transforms: readonly Transform[],
  toolVersion: string,
  cwd = process.cwd(),
): string {
  const rules = sarifRules(transforms);
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results: unknown[] = [];
  const root = sourceRoot(
    cwd,
    result.files.map((f) => f.path),
  );
  for (const file of result.files) {
    const uri = uriOf(relative(root, resolve(cwd, file.path)).split(sep).join("/"));
    if (file.status === "changed") results.push(...editResults(file, uri, result.mode, ruleIndex));
    for (const d of file.diagnostics) results.push(diagnosticResult(uri, d, ruleIndex));
  }
  const log = {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "asyncshift",
            version: toolVersion,
            semanticVersion: toolVersion,
            informationUri: INFORMATION_URI,
            rules,
          },
        },
        // Columns count characters (code points), as editors show them.
        columnKind: "unicodeCodePoints",
        originalUriBaseIds: { "%SRCROOT%": { uri: pathToFileUri(root) } },
        invocations: [
          {
            executionSuccessful: result.exitCode !== 2,
            toolExecutionNotifications: result.notices.map((n) => ({
              level: "note",
              message: { text: n.message },
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + "\n";
}

function pathToFileUri(dir: string): string {
  const withSlash = dir.endsWith("/") ? dir : dir + "/";
  return "file://" + withSlash.split("/").map(encodeURIComponent).join("/");
}
