import { readFileSync } from "node:fs";
import yargs, { type Argv } from "yargs";
import {
  ConfigError,
  DEFAULT_OPTIONS,
  findConfigFile,
  isDjangoVersion,
  optionsFromFile,
  type Options,
} from "./config.js";
import { PathError } from "./files.js";
import { formatJson } from "./report/json.js";
import { formatText } from "./report/text.js";
import { explainCode, listTransforms } from "./report/docs.js";
import { defaultJobs, run, UsageError } from "./runner.js";
import { TRANSFORMS } from "../transforms/index.js";

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
}

function runFlags<T>(y: Argv<T>) {
  return y
    .positional("paths", {
      describe: "Python files or folders (folders are searched for .py files)",
      type: "string",
      array: true,
    })
    .option("write", { type: "boolean", describe: "Apply the changes to the files" })
    .option("check", {
      type: "boolean",
      describe: "Change nothing; exit 1 when any change is pending (for CI)",
    })
    .option("unsafe-fixes", {
      type: "boolean",
      describe: "Also apply fixes that are likely but not proven right",
    })
    .conflicts("write", "check")
    .group(["write", "check", "unsafe-fixes"], "Mode:")
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
    .group(["transform", "django", "django-version", "to-thread"], "Transforms:")
    .option("include", { type: "string", array: true, describe: "Only files matching this glob" })
    .option("exclude", { type: "string", array: true, describe: "Skip files matching this glob" })
    .option("config", {
      type: "string",
      describe: "pyproject.toml to read [tool.asyncshift] from (default: nearest)",
    })
    .option("jobs", {
      alias: "j",
      type: "number",
      describe: "Worker threads (default: available cores)",
    })
    .group(["include", "exclude", "config", "jobs"], "Files:")
    .option("format", {
      choices: ["text", "json"] as const,
      describe: "Output format (default: text)",
    })
    .option("diff", { type: "boolean", describe: "Print diffs (--no-diff: diagnostics only)" })
    .option("quiet", {
      alias: "q",
      type: "boolean",
      describe: "Print only errors and the summary",
    })
    .option("color", {
      type: "boolean",
      describe: "Colour the output (default: when standard output is a terminal)",
    })
    .option("verbose", { type: "boolean", describe: "Show stack traces of internal errors" })
    .group(["format", "diff", "quiet", "color", "verbose"], "Output:");
}

/** Defaults, then [tool.asyncshift], then flags given on the command line. */
export function resolveOptions(args: RunArgs): Options {
  const paths = args.paths && args.paths.length > 0 ? args.paths : ["."];
  const configFile = args.config ?? findConfigFile(paths[0]);
  const fromFile = configFile ? optionsFromFile(configFile) : {};
  const djangoVersion = args["django-version"] ?? fromFile.djangoVersion;
  if (djangoVersion !== undefined && !isDjangoVersion(djangoVersion))
    throw new UsageError(`--django-version must look like 4.2, not "${djangoVersion}"`);
  const given = <T>(value: T | undefined, fallback: T): T =>
    value !== undefined ? value : fallback;
  const options: Options = {
    ...DEFAULT_OPTIONS,
    ...fromFile,
    paths,
    mode: args.write ? "write" : args.check ? "check" : "dry-run",
    transforms: given(args.transform, fromFile.transforms ?? []),
    format: given(args.format, "text"),
    diff: given(args.diff, true),
    quiet: given(args.quiet, false),
    color: given(args.color, Boolean(process.stdout.isTTY) && !process.env.NO_COLOR),
    verbose: given(args.verbose, false),
    jobs: given(args.jobs, defaultJobs()),
    include: given(args.include, fromFile.include ?? []),
    exclude: given(args.exclude, fromFile.exclude ?? []),
    unsafeFixes: given(args["unsafe-fixes"], fromFile.unsafeFixes ?? false),
    django: given(args.django, fromFile.django ?? false),
    toThreadMode: given(args["to-thread"], fromFile.toThreadMode ?? "native"),
    twins: fromFile.twins ?? {},
    skip: fromFile.skip ?? {},
    ...(djangoVersion !== undefined ? { djangoVersion } : {}),
    ...(configFile ? { configFile } : {}),
  };
  if (!Number.isInteger(options.jobs) || options.jobs < 1)
    throw new UsageError(`--jobs must be a whole number of at least 1`);
  return options;
}

function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((resolve) => {
    if (stream.write(text)) resolve();
    else stream.once("drain", resolve);
  });
}

async function runCommand(args: RunArgs): Promise<number> {
  const options = resolveOptions(args);
  const result = await run(options);
  const output =
    options.format === "json"
      ? formatJson(result, VERSION)
      : formatText(result, {
          color: options.color,
          diff: options.diff,
          quiet: options.quiet,
          verbose: options.verbose,
        });
  await write(process.stdout, output);
  return result.exitCode;
}

const EXAMPLES: [string, string][] = [
  ["$0 src/", "Dry run: print the diff and diagnostics for every .py file under src/"],
  ["$0 --write .", "Apply every transform to the project"],
  ["$0 --check .", "In CI: exit 1 when any change is pending"],
  ["$0 -t asyncio-run --write app/tasks.py", "Apply one transform to one file"],
  ["$0 --format json . > report.json", "Machine-readable report"],
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
