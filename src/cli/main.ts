import { readFileSync } from "node:fs";
import yargs, { type Argv } from "yargs";
import { resolve } from "node:path";
import pc from "picocolors";
import { projectDirOf, transformSource } from "../api.js";
import { ConfigError, resolveOptions, type GivenOptions, type Options } from "../config/options.js";
import { decodeSource } from "../runner/file-job.js";
import { FORMATTER_CHOICES, type FormatterChoice } from "../runner/formatter.js";
import { displayPath, PathError } from "../runner/files.js";
import { GitError, uncommittedFiles } from "../runner/git.js";
import { reviewHunks } from "./interactive.js";
import { inventory } from "../inventory/index.js";
import { progressBar, wantsProgress } from "./progress.js";
import { explainCode, listTransforms } from "../report/docs.js";
import { formatGithub } from "../report/github.js";
import { formatInventoryJson, formatInventoryText } from "../report/inventory.js";
import { jsonChunks } from "../report/json.js";
import { formatSarif } from "../report/sarif.js";
import { formatDiagnostic, formatText } from "../report/text.js";
import {
  defaultJobs,
  exitCodeOf,
  run,
  selectedTransforms,
  UsageError,
  type RunResult,
} from "../runner/run.js";
import { TRANSFORMS } from "../../transforms/index.js";

const VERSION = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  }
).version;

/** Flags of the run command; each is undefined unless given, so the config file can fill it. */
interface RunArgs {
  paths?: string[];
  write?: boolean;
  check?: boolean;
  interactive?: boolean;
  transform?: string[];
  format?: Options["format"];
  diff?: boolean;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  jobs?: number;
  include?: string[];
  exclude?: string[];
  config?: string;
  "unsafe-fixes"?: boolean;
  django?: boolean;
  "django-version"?: string;
  "to-thread"?: Options["toThreadMode"];
  "allow-dirty"?: boolean;
  "changed-since"?: string;
  "stdin-filename"?: string;
  "format-with"?: FormatterChoice;
}

/** Flags that choose files and read the configuration: shared by `run` and `report`. */
function fileFlags<T>(y: Argv<T>) {
  return y
    .positional("paths", {
      describe: "Python files or folders (folders are searched for .py files; default: .)",
      type: "string",
      array: true,
    })
    .option("include", {
      type: "string",
      array: true,
      describe: "Only files matching this glob (repeatable; replaces the config's)",
    })
    .option("exclude", {
      type: "string",
      array: true,
      describe: "Skip files matching this glob (repeatable; replaces the config's)",
    })
    .option("config", {
      type: "string",
      describe:
        "pyproject.toml to read [tool.asyncshift] from (default: nearest above the first path)",
    })
    .option("transform", {
      alias: "t",
      type: "string",
      array: true,
      describe: "Run only this transform (repeatable, run in the order given; see `list`)",
    })
    .option("django", {
      type: "boolean",
      describe: "Treat the project as a Django project whatever detection says",
    })
    .option("django-version", {
      type: "string",
      describe: "Target Django version X.Y (default: from dependency files, else 4.2)",
    })
    .option("to-thread", {
      choices: ["native", "unwrap"] as const,
      describe: "to-thread mode: native async calls, or unwrap the thread wrappers",
    })
    .option("jobs", {
      alias: "j",
      type: "number",
      describe: "Worker threads (default: available cores)",
    });
}

function runFlags<T>(y: Argv<T>) {
  return fileFlags(y)
    .option("write", { type: "boolean", describe: "Apply the changes to the files" })
    .option("check", {
      type: "boolean",
      describe: "Change nothing; exit 1 when any change is pending (for CI and pre-commit)",
    })
    .option("interactive", {
      alias: "i",
      type: "boolean",
      describe: "Review each change and apply those you accept: [y]es [n]o [a]ll [d]one [q]uit",
    })
    .option("unsafe-fixes", {
      type: "boolean",
      describe: "Also apply fixes that are likely but not proven right",
    })
    .option("allow-dirty", {
      type: "boolean",
      describe: "With --write: also write files that have uncommitted git changes",
    })
    .option("format-with", {
      choices: FORMATTER_CHOICES,
      describe:
        "Formatter run on changed files: auto (the one pyproject.toml configures), ruff, black, none",
    })
    .conflicts("write", ["check", "interactive"])
    .conflicts("check", "interactive")
    .group(["write", "check", "interactive", "unsafe-fixes", "allow-dirty", "format-with"], "Mode:")
    .group(["transform", "django", "django-version", "to-thread"], "Transforms:")
    .option("changed-since", {
      type: "string",
      describe:
        "Only files changed since this git revision, plus untracked ones (e.g. origin/main)",
    })
    .option("stdin-filename", {
      type: "string",
      describe:
        "Read one file's source from standard input as PATH; print the result to standard output, diagnostics to standard error",
    })
    .conflicts("stdin-filename", ["write", "interactive", "changed-since"])
    .group(["include", "exclude", "changed-since", "stdin-filename", "config", "jobs"], "Files:")
    .option("format", {
      choices: ["text", "json", "sarif", "github"] as const,
      describe: "Output format: text, json, sarif (SARIF 2.1.0), github (workflow annotations)",
    })
    .option("diff", { type: "boolean", describe: "Print diffs (--no-diff: diagnostics only)" })
    .option("quiet", {
      alias: "q",
      type: "boolean",
      describe: "Print only errors and the summary; no progress bar",
    })
    .option("color", {
      type: "boolean",
      describe: "Colour the output (default: when standard output is a terminal)",
    })
    .option("verbose", { type: "boolean", describe: "Show stack traces of internal errors" })
    .group(["format", "diff", "quiet", "color", "verbose"], "Output:");
}

/** What the command line gave, by Options name; flags not given stay undefined. */
function givenOptions(args: RunArgs): GivenOptions {
  const mode: Options["mode"] | undefined = args.write ? "write" : args.check ? "check" : undefined;
  return {
    ...(args.paths && args.paths.length > 0 ? { paths: args.paths } : {}),
    mode,
    transforms: args.transform,
    format: args.format,
    diff: args.diff,
    quiet: args.quiet,
    verbose: args.verbose,
    jobs: args.jobs,
    include: args.include,
    exclude: args.exclude,
    unsafeFixes: args["unsafe-fixes"],
    django: args.django,
    djangoVersion: args["django-version"],
    toThreadMode: args["to-thread"],
    allowDirty: args["allow-dirty"],
    changedSince: args["changed-since"],
    formatWith: args["format-with"],
    config: args.config,
  };
}

/** Defaults, then [tool.asyncshift], then flags given on the command line. */
export function resolveCliOptions(args: RunArgs): Options {
  const options = resolveOptions({
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    ...givenOptions(args),
    // Not a [tool.asyncshift] key: the flag, else every core.
    jobs: args.jobs ?? defaultJobs(),
    ...(args.color !== undefined ? { color: args.color } : {}),
  });
  if (args.interactive && options.format !== "text")
    throw new UsageError(
      `--interactive shows hunks as text; it cannot be used with --format ${options.format}`,
    );
  return options;
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once("drain", resolve);
  });
}

/** The report in pieces: a large run's JSON document is never held as one string. */
function formatRun(result: RunResult, options: Options): Iterable<string> {
  switch (options.format) {
    case "json":
      return jsonChunks(result, VERSION);
    case "sarif":
      return [formatSarif(result, selectedTransforms(result.transforms), VERSION)];
    case "github":
      return [formatGithub(result)];
    case "text":
      return [
        formatText(result, {
          color: options.color,
          diff: options.diff,
          quiet: options.quiet,
          verbose: options.verbose,
        }),
      ];
  }
}

/** Writes pieces in writes of about 64 KB, each waiting for the stream to drain. */
async function writePieces(stream: NodeJS.WriteStream, pieces: Iterable<string>): Promise<void> {
  let pending = "";
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= 65_536) {
      await write(stream, pending);
      pending = "";
    }
  }
  if (pending) await write(stream, pending);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const decoded = decodeSource(Buffer.concat(chunks));
  if ("problem" in decoded) throw new UsageError(`standard input: ${decoded.problem.message}`);
  return decoded.text;
}

/** --stdin-filename: the source from standard input, the result on standard output. */
async function stdinCommand(args: RunArgs, options: Options): Promise<number> {
  const path = args["stdin-filename"]!;
  const source = await readStdin();
  const shown = displayPath(resolve(path));
  const result = transformSource(source, {
    path: shown,
    transforms: options.transforms,
    unsafeFixes: options.unsafeFixes,
    django: options.django,
    toThreadMode: options.toThreadMode,
    twins: options.twins,
    skip: options.skip,
    projectDir: projectDirOf(path),
    ...(options.djangoVersion ? { djangoVersion: options.djangoVersion } : {}),
  });
  await write(process.stdout, result.output);
  const c = pc.createColors(
    Boolean(process.stderr.isTTY) && !process.env.NO_COLOR && options.color,
  );
  const lines = result.diagnostics
    .filter((d) => !options.quiet || d.severity === "error")
    .map((d) => formatDiagnostic(shown, d, c));
  if (!options.quiet) lines.push(...result.notices.map((n) => `note: ${n}`));
  if (lines.length > 0) await write(process.stderr, lines.join("\n") + "\n");
  const internal = result.diagnostics.some((d) => d.code === "AS999" || d.code === "AS901");
  if (internal) return 2;
  const errors = result.diagnostics.some((d) => d.severity === "error");
  return errors || (options.mode === "check" && result.changed) ? 1 : 0;
}

/** --interactive: a dry run keeping each file's text, then a question per hunk. */
async function interactiveCommand(options: Options): Promise<number> {
  const result = await run({ ...options, mode: "dry-run" }, { keepText: true });
  const changed = result.files.filter((f) => f.status === "changed");
  const dirty = options.allowDirty
    ? new Set<string>()
    : new Set(
        [...uncommittedFiles(changed.map((f) => resolve(f.path)))].map((f) => displayPath(f)),
      );
  const reviewed = await reviewHunks(result.files, {
    input: process.stdin,
    output: process.stdout,
    color: options.color,
    cwd: process.cwd(),
    dirty,
  });
  const lines: string[] = [];
  for (const file of result.files)
    for (const d of file.diagnostics)
      lines.push(formatDiagnostic(file.path, d, pc.createColors(options.color)));
  for (const file of reviewed) {
    if (file.refused) lines.push(`${file.path}: not written: ${file.refused}`);
    else if (file.written && file.accepted < file.hunks)
      lines.push(
        `${file.path}: ${file.accepted} of ${file.hunks} changes applied; check its imports`,
      );
  }
  const written = reviewed.filter((f) => f.written).length;
  lines.push(
    `${changed.length} file${changed.length === 1 ? "" : "s"} with changes; ${written} written; ` +
      `${reviewed.reduce((n, f) => n + f.accepted, 0)} of ${reviewed.reduce((n, f) => n + f.hunks, 0)} changes accepted`,
  );
  await write(process.stdout, lines.join("\n") + "\n");
  const refused = reviewed.some((f) => f.refused);
  return refused ? 1 : exitCodeOf("dry-run", result.files);
}

async function runCommand(args: RunArgs): Promise<number> {
  const options = resolveCliOptions(args);
  if (args["stdin-filename"] !== undefined) return stdinCommand(args, options);
  if (args.interactive) return interactiveCommand(options);
  const progress = wantsProgress(process.stderr, options.quiet)
    ? progressBar(process.stderr)
    : undefined;
  let result: RunResult;
  try {
    result = await run(options, {
      ...(progress ? { onProgress: progress.onProgress } : {}),
      // SARIF fixes are checked against the text as read.
      keepText: options.format === "sarif",
    });
  } finally {
    progress?.stop();
  }
  await writePieces(process.stdout, formatRun(result, options));
  return result.exitCode;
}

interface ReportArgs {
  paths?: string[];
  include?: string[];
  exclude?: string[];
  config?: string;
  transform?: string[];
  django?: boolean;
  "django-version"?: string;
  "to-thread"?: Options["toThreadMode"];
  format?: "text" | "json";
  color?: boolean;
}

async function reportCommand(args: ReportArgs): Promise<number> {
  const options = resolveCliOptions({ ...args, format: "text" });
  const result = await inventory(options);
  const output =
    args.format === "json"
      ? formatInventoryJson(result, VERSION)
      : formatInventoryText(result, options.color);
  await write(process.stdout, output);
  return 0;
}

const EXAMPLES: [string, string][] = [
  ["$0 src/", "Dry run: print the diff and diagnostics for every .py file under src/"],
  ["$0 --write .", "Apply every transform to the project"],
  ["$0 --check .", "In CI: exit 1 when any change is pending"],
  ["$0 -t asyncio-run --write app/tasks.py", "Apply one transform to one file"],
  ["$0 --format json . > report.json", "Machine-readable report"],
  ["$0 -i app/", "Review each change and apply the ones you accept"],
  ["$0 --check --changed-since origin/main .", "CI: only files changed on the branch"],
  ["$0 --format sarif . > asyncshift.sarif", "For GitHub code scanning"],
  ["$0 --format github --check .", "Annotations in a GitHub Actions log"],
  ["$0 --stdin-filename app/tasks.py < app/tasks.py", "Editors: source in, result out"],
  ["$0 report .", "Inventory of the sites, before deciding"],
  ["$0 explain AS101", "Why a diagnostic is reported, with an example"],
];

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const fail = (message: string) => {
    process.stderr.write(`asyncshift: ${message}\n`);
    exitCode = 2;
  };
  const guarded =
    <A>(body: (args: A) => Promise<number> | number) =>
    async (args: A) => {
      try {
        exitCode = await body(args);
      } catch (error) {
        if (
          error instanceof UsageError ||
          error instanceof ConfigError ||
          error instanceof GitError ||
          error instanceof PathError
        ) {
          fail(error.message);
        } else {
          fail(`internal error: ${(error as Error).stack ?? String(error)}`);
        }
      }
    };
  const cli = yargs(argv)
    .scriptName("asyncshift")
    .usage(
      "$0 [paths..]\n\nMigrate Python (Django, Celery, FastAPI) code to correct async usage.\n" +
        "Dry run by default: prints a diff and diagnostics; --write applies.",
    )
    .command(
      ["run [paths..]", "$0 [paths..]"],
      "Run the transforms (dry run by default)",
      runFlags,
      guarded(runCommand),
    )
    .command(
      "report [paths..]",
      "Inventory before migrating: sites per file and in total, nothing changed",
      (y) =>
        fileFlags(y)
          .option("format", {
            choices: ["text", "json"] as const,
            describe: "A table (text) or one JSON document for scripts",
          })
          .option("color", { type: "boolean", describe: "Colour the table" })
          .example([
            ["$0 report .", "Table of asyncio.run, sync_to_async and to_thread sites per file"],
            ["$0 report --format json src/ > inventory.json", "The same for scripts"],
          ]),
      guarded(reportCommand),
    )
    .command(
      "list",
      "List the transforms and their diagnostic codes",
      {},
      guarded(() => {
        process.stdout.write(listTransforms(TRANSFORMS));
        return 0;
      }),
    )
    .command(
      "explain <code>",
      "Explain a diagnostic code, with a before/after example",
      (y) => y.positional("code", { type: "string", demandOption: true }),
      guarded((args: { code: string }) => {
        const text = explainCode(TRANSFORMS, args.code);
        if (!text)
          throw new UsageError(`unknown code "${args.code}"; \`asyncshift list\` shows them`);
        process.stdout.write(text);
        return 0;
      }),
    )
    .example(EXAMPLES)
    .epilogue(
      "Exit codes: 0 nothing pending or all applied; 1 changes pending with --check, or an error " +
        "diagnostic; 2 usage error or internal failure.",
    )
    .strict()
    .version(VERSION)
    .help()
    .alias("h", "help")
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((message, error) => {
      // Throwing stops yargs before any command handler runs.
      throw error ?? new UsageError(`${message}\nRun \`asyncshift --help\` for usage.`);
    });
  try {
    await cli.parseAsync();
  } catch (error) {
    fail(error instanceof UsageError ? error.message : `internal error: ${(error as Error).stack}`);
  }
  return exitCode;
}
