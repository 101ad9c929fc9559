import { existsSync } from "node:fs";
import yargs, { type Argv } from "yargs";
import {
  ConfigError,
  expectCodes,
  expectMegabytes,
  FORMATTER_CHOICES,
  resolveOptions,
  type FormatterChoice,
  type GivenOptions,
  type Options,
} from "../config/options.js";
import { PathError } from "../runner/files.js";
import { GitError } from "../runner/git.js";
import { LockError } from "../runner/project-lock.js";
import { interruptedSummary, interruptHandling } from "./interrupt.js";
import { stdinCommand } from "./stdin.js";
import { terminalWidth, write, writePieces } from "./streams.js";
import {
  booleanValueError,
  flagValues,
  otherCommandHint,
  pathsOf,
  subcommandShadowNote,
  usageMessage,
} from "./args.js";
import { inventory } from "../inventory/index.js";
import { progressBar, wantsProgress } from "./progress.js";
import { explainCode, listCodes, listTransforms } from "../report/docs.js";
import { formatGithub } from "../report/github.js";
import { formatInventoryJson, formatInventoryText } from "../report/inventory.js";
import { jsonChunks } from "../report/json.js";
import { formatSarif } from "../report/sarif.js";
import { formatText } from "../report/text.js";
import { defaultJobs, run, selectedTransforms, UsageError } from "../runner/run.js";
import type { RunResult } from "../model/results.js";
import { TRANSFORMS } from "../../transforms/index.js";
import { SETUP } from "../api.js";
import { VERSION } from "../version.js";
import { settingsFromFlags, transformFlags, type TransformFlagArgs } from "./transform-flags.js";
import { interactiveCommand, withVerification } from "./review-command.js";
import { VerifyInterrupted } from "../runner/verify.js";

/** Flags of the run command; each is undefined unless given, so the config file can fill it. */
interface RunArgs extends TransformFlagArgs {
  paths?: string[];
  write?: boolean;
  check?: boolean;
  interactive?: boolean;
  "--"?: string[];
  transform?: string | string[];
  format?: Options["format"];
  diff?: boolean;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  jobs?: number;
  include?: string | string[];
  exclude?: string | string[];
  config?: string;
  "unsafe-fixes"?: boolean;
  django?: boolean;
  "django-version"?: string;
  "allow-dirty"?: boolean;
  cache?: boolean;
  "changed-since"?: string;
  "stdin-filename"?: string;
  "extend-ignore"?: string | string[];
  "report-unused-ignores"?: boolean;
  "format-with"?: FormatterChoice;
  "formatter-from-venv"?: boolean;
  "max-file-size"?: number;
  verify?: string | false;
  "verify-timeout"?: number;
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
      requiresArg: true,
      describe: "Only files matching this glob (repeatable; replaces the config's)",
    })
    .option("exclude", {
      type: "string",
      requiresArg: true,
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
      requiresArg: true,
      describe:
        "Run only this transform (repeatable or a comma list, run in the order given; see `list`)",
    })
    .option("django", {
      type: "boolean",
      describe: "Treat the project as a Django project whatever detection says",
    })
    .option("django-version", {
      type: "string",
      describe: "Target Django version X.Y (default: from dependency files, else 4.2)",
    })
    .options(transformFlags(TRANSFORMS))
    .option("cache", {
      type: "boolean",
      describe:
        "Keep the project index in .asyncshift_cache/ under the project root (--no-cache: read every file)",
    })
    .option("jobs", {
      alias: "j",
      type: "number",
      describe: "Worker threads (default: available cores)",
    })
    .option("max-file-size", {
      type: "number",
      requiresArg: true,
      describe: "Skip files larger than this many megabytes (AS913; default 10)",
    });
}

function reportFlags<T>(y: Argv<T>) {
  return fileFlags(y)
    .option("format", {
      choices: ["text", "json"] as const,
      describe: "A table (text) or one JSON document for scripts",
    })
    .option("color", { type: "boolean", describe: "Colour the table" })
    .example([
      ["$0 report .", "Table of asyncio.run, sync_to_async and to_thread sites per file"],
      ["$0 report --format json src/ > inventory.json", "The same for scripts"],
    ]);
}

function runFlags<T>(y: Argv<T>) {
  return outputFlags(fileSelectionFlags(modeFlags(fileFlags(y))));
}

/** How a run treats the files: --write, --check, -i, which fixes, what is verified. */
function modeFlags<T>(y: Argv<T>) {
  return y
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
    .option("formatter-from-venv", {
      type: "boolean",
      describe:
        "Let the formatter run from the project's .venv/ or venv/ (off: nothing shipped in the scanned tree runs)",
    })
    .option("extend-ignore", {
      type: "string",
      requiresArg: true,
      describe: "Never report this code (repeatable or a comma list; adds to the config's ignore)",
    })
    .option("report-unused-ignores", {
      type: "boolean",
      describe: "Report `# asyncshift: ignore` comments that suppress nothing (AS910)",
    })
    .option("verify", {
      type: "string",
      requiresArg: true,
      describe:
        "With --write or -i: run this test command before and after writing, and revert the write groups it fails with (default: `verify` in [tool.asyncshift]; --no-verify: none)",
    })
    .option("verify-timeout", {
      type: "number",
      requiresArg: true,
      describe:
        "Seconds one run of the --verify command may take before it is stopped (default 1800)",
    })
    .group(["extend-ignore", "report-unused-ignores"], "Diagnostics:")
    .conflicts("write", ["check", "interactive"])
    .conflicts("check", "interactive")
    .group(
      [
        "write",
        "check",
        "interactive",
        "unsafe-fixes",
        "allow-dirty",
        "format-with",
        "formatter-from-venv",
        "verify",
        "verify-timeout",
      ],
      "Mode:",
    )
    .group(
      ["transform", "django", "django-version", ...Object.keys(transformFlags(TRANSFORMS))],
      "Transforms:",
    );
}

/** Which files a run reads beyond the paths: --changed-since, --stdin-filename. */
function fileSelectionFlags<T>(y: Argv<T>) {
  return y
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
    .group(
      ["include", "exclude", "changed-since", "stdin-filename", "config", "jobs", "max-file-size"],
      "Files:",
    );
}

/** What a run prints: --format, --diff, --quiet, --color, --verbose. */
function outputFlags<T>(y: Argv<T>) {
  return y
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
  const paths = pathsOf(args.paths, args["--"]);
  return {
    ...(paths ? { paths } : {}),
    mode,
    transforms: flagValues(args.transform, { commaList: true }),
    format: args.format,
    // --write names the files it rewrote; their diffs only with --diff.
    diff: args.diff ?? (args.write ? false : undefined),
    quiet: args.quiet,
    verbose: args.verbose,
    jobs: args.jobs,
    include: flagValues(args.include, { commaList: false }),
    exclude: flagValues(args.exclude, { commaList: false }),
    unsafeFixes: args["unsafe-fixes"],
    django: args.django,
    djangoVersion: args["django-version"],
    settings: settingsFromFlags(TRANSFORMS, args),
    allowDirty: args["allow-dirty"],
    changedSince: args["changed-since"],
    cache: args.cache,
    ignore: ignoredCodes(args["extend-ignore"]),
    reportUnusedIgnores: args["report-unused-ignores"],
    formatWith: args["format-with"],
    formatterFromVenv: args["formatter-from-venv"],
    maxFileSize:
      args["max-file-size"] === undefined
        ? undefined
        : expectMegabytes(args["max-file-size"], "--max-file-size"),
    verify: args.verify === false ? undefined : args.verify,
    verifyTimeout: args["verify-timeout"],
    config: args.config,
  };
}

/** --extend-ignore's codes, each known: a typo would silently ignore nothing. */
function ignoredCodes(value: string | string[] | undefined): string[] | undefined {
  const codes = flagValues(value, { commaList: true });
  return codes && expectCodes(codes, "--extend-ignore", TRANSFORMS);
}

/** Defaults, then [tool.asyncshift], then flags given on the command line. */
export function resolveCliOptions(args: RunArgs): Options {
  const options = resolveOptions(
    {
      color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
      ...givenOptions(args),
      // Not a [tool.asyncshift] key: the flag, else every core.
      jobs: args.jobs ?? defaultJobs(),
      ...(args.color !== undefined ? { color: args.color } : {}),
    },
    TRANSFORMS,
  );
  if (args.interactive && options.format !== "text")
    throw new UsageError(
      `--interactive shows hunks as text; it cannot be used with --format ${options.format}`,
    );
  if (typeof args.verify === "string" && !args.write && !args.interactive)
    throw new UsageError(
      "--verify tests the changes it writes: use it with --write (or -i); a dry run and --check change nothing to test",
    );
  // --no-verify turns off the configured command; a dry run or --check never runs it.
  if (args.verify === false || (options.mode !== "write" && !args.interactive)) {
    const { verify: _off, ...rest } = options;
    return rest;
  }
  return options;
}

/** The report in pieces: a large run's JSON document is never held as one string. */
function formatRun(result: RunResult, options: Options): Iterable<string> {
  switch (options.format) {
    case "json":
      return jsonChunks(result, VERSION);
    case "sarif":
      return [formatSarif(result, selectedTransforms(TRANSFORMS, result.transforms), VERSION)];
    case "github":
      return [formatGithub(result, TRANSFORMS)];
    case "text":
      return [
        formatText(result, TRANSFORMS, {
          color: options.color,
          diff: options.diff,
          quiet: options.quiet,
          verbose: options.verbose,
          paths: options.paths,
          cwd: process.cwd(),
        }),
      ];
  }
}

async function runCommand(args: RunArgs): Promise<number> {
  const hint = otherCommandHint(asStrings(args.paths), existsSync);
  if (hint) throw new UsageError(hint);
  const options = resolveCliOptions(args);
  if (args["stdin-filename"] !== undefined)
    return stdinCommand(args["stdin-filename"], options, SETUP, VERSION);
  if (args.interactive) return interactiveCommand(options);
  const progress = wantsProgress(process.stderr, options.quiet)
    ? progressBar(process.stderr)
    : undefined;
  // Ctrl-C and SIGTERM are the run's while it runs; --verify takes them over for its suites.
  const runOnce = async () => {
    const interrupt = interruptHandling(() => progress?.stop());
    try {
      return await run(options, SETUP, {
        ...(progress ? { onProgress: progress.onProgress } : {}),
        // SARIF fixes are checked against the text as read; --verify restores it.
        keepText: options.format === "sarif" || options.verify !== undefined,
        onWait: (message) => process.stderr.write(`asyncshift: ${message}\n`),
        // --verify holds the project's lock from its baseline to its last switch.
        lockHeld: options.verify !== undefined,
        signal: interrupt.signal,
        onWriting: interrupt.writing,
      });
    } finally {
      progress?.stop();
      interrupt.dispose();
    }
  };
  const result = await withVerification(options, runOnce);
  await writePieces(process.stdout, formatRun(result, options));
  if (!result.interrupted) return result.exitCode;
  await write(process.stderr, interruptedSummary(result));
  return 130;
}

interface ReportArgs extends TransformFlagArgs {
  paths?: string[];
  "max-file-size"?: number;
  "--"?: string[];
  include?: string | string[];
  exclude?: string | string[];
  config?: string;
  transform?: string | string[];
  django?: boolean;
  "django-version"?: string;
  format?: "text" | "json";
  color?: boolean;
}

async function reportCommand(args: ReportArgs): Promise<number> {
  const options = resolveCliOptions({ ...args, format: "text" });
  const result = await inventory(options, SETUP);
  const output =
    args.format === "json"
      ? formatInventoryJson(result, TRANSFORMS, VERSION)
      : formatInventoryText(result, TRANSFORMS, options.color, terminalWidth(process.stdout));
  await write(process.stdout, output);
  return 0;
}

const EXAMPLES: [string, string][] = [
  ["$0 src/", "Dry run: print the diff and diagnostics for every .py file under src/"],
  ["$0 --write .", "Apply every transform to the project"],
  ["$0 --check .", "In CI: exit 1 when any change is pending"],
  [`$0 -t ${TRANSFORMS[0].meta.id} --write app/tasks.py`, "Apply one transform to one file"],
  ["$0 --format json . > report.json", "Machine-readable report"],
  ["$0 -i app/", "Review each change and apply the ones you accept"],
  ["$0 --check --changed-since origin/main .", "CI: only files changed on the branch"],
  ["$0 --format sarif . > asyncshift.sarif", "For GitHub code scanning"],
  ["$0 --format github --check .", "Annotations in a GitHub Actions log"],
  ["$0 --stdin-filename app/tasks.py < app/tasks.py", "Editors: source in, result out"],
  ["$0 report .", "Inventory of the sites, before deciding"],
  ["$0 explain AS101", "Why a diagnostic is reported, with an example"],
];

function listCommand(): number {
  process.stdout.write(listTransforms(TRANSFORMS));
  return 0;
}

/** `explain CODE`, or with no code the list of codes. */
function explainCommand(args: { code?: string }): number {
  if (args.code === undefined) {
    process.stdout.write(listCodes(TRANSFORMS));
    return 0;
  }
  const text = explainCode(TRANSFORMS, args.code);
  if (!text) throw new UsageError(`unknown code "${args.code}"; \`asyncshift list\` shows them`);
  process.stdout.write(text);
  return 0;
}

/** Each problem on its own line (every missing path is named), each saying who speaks. */
function failureText(message: string): string {
  const lines = message.split("\n").map((l) => (l.startsWith("Run `") ? l : `asyncshift: ${l}`));
  return lines.join("\n") + "\n";
}

/** yargs' failures as usage errors naming flags as typed; throwing stops it before any command. */
function usageFailure(cli: Argv, message: string, error: Error | undefined): never {
  // yargs' own validation errors (a flag without its value) are usage errors too.
  if (error && error.name !== "YError") throw error;
  // The flags of the command being parsed: yargs adds them to the one instance.
  const parsing = cli as unknown as { getOptions(): { key: Record<string, unknown> } };
  const known = Object.keys(parsing.getOptions().key);
  const text = usageMessage(error?.message ?? message, known);
  throw new UsageError(`${text}\nRun \`asyncshift --help\` for usage.`);
}

/** `asyncshift . | head`: a reader that stops early is not an internal error. */
function endQuietlyWhenOutputCloses(exitCode: () => number): void {
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(exitCode());
    throw error;
  });
}

function asStrings(value: unknown): string[] {
  return value === undefined ? [] : (Array.isArray(value) ? value : [value]).map(String);
}

/** The boolean flags of the command being parsed (yargs adds them to the one instance). */
function booleanFlags(cli: Argv): Set<string> {
  const parsing = cli as unknown as { getOptions(): { boolean: string[] } };
  return new Set(parsing.getOptions().boolean);
}

/** Runs the command line; resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  endQuietlyWhenOutputCloses(() => exitCode);
  const shadow = subcommandShadowNote(argv, existsSync);
  if (shadow) process.stderr.write(shadow + "\n");
  const fail = (message: string) => {
    process.stderr.write(failureText(message));
    exitCode = 2;
  };
  const guarded =
    <A>(body: (args: A) => Promise<number> | number) =>
    async (args: A) => {
      try {
        const valued = booleanValueError(argv, booleanFlags(cli));
        if (valued) throw new UsageError(`${valued}\nRun \`asyncshift --help\` for usage.`);
        exitCode = await body(args);
      } catch (error) {
        if (error instanceof VerifyInterrupted) {
          process.stderr.write(`asyncshift: ${error.message}\n`);
          exitCode = 130;
        } else if (
          error instanceof UsageError ||
          error instanceof ConfigError ||
          error instanceof GitError ||
          error instanceof LockError ||
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
      reportFlags,
      guarded(reportCommand),
    )
    .command("list", "List the transforms and their diagnostic codes", {}, guarded(listCommand))
    .command(
      "explain [code]",
      "Explain a diagnostic code, with a before/after example (no code: list them)",
      (y) => y.positional("code", { type: "string" }),
      guarded(explainCommand),
    )
    .example(EXAMPLES)
    .epilogue(
      "Exit codes (as black's): the dry run exits 0; --check exits 1 when a change is pending or " +
        "an error diagnostic exists; --write exits 1 when a file could not be written or an error " +
        "remains; 2 is a usage error or an internal failure.",
    )
    .strict()
    .version(VERSION)
    .help()
    .alias("h", "help")
    .wrap(Math.min(100, process.stdout.columns || 100))
    // Flags are named as typed (no camelCase twin in messages); arguments after `--` are paths.
    .parserConfiguration({ "camel-case-expansion": false, "populate--": true })
    .fail((message, error) => usageFailure(cli, message, error));
  try {
    await cli.parseAsync();
  } catch (error) {
    fail(error instanceof UsageError ? error.message : `internal error: ${(error as Error).stack}`);
  }
  return exitCode;
}
