/**
 * What yargs parsed, made into what the user meant: one value per flag use, comma lists, paths
 * after `--`, and usage messages that name flags as the user types them.
 */

/** A repeatable flag's values: yargs gives a string for one use and an array for several. */
export function flagValues(
  value: string | string[] | undefined,
  { commaList }: { commaList: boolean },
): string[] | undefined {
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  // Globs may hold commas (`{a,b}`): only lists of names are split.
  return commaList ? values.flatMap((v) => v.split(",")).filter((v) => v !== "") : values;
}

/** The paths to run on: the positional ones, then every argument after `--` (a path, whatever it looks like). */
export function pathsOf(positional: unknown, afterDashes: unknown): string[] | undefined {
  const paths = [...asStrings(positional), ...asStrings(afterDashes)];
  return paths.length > 0 ? paths : undefined;
}

function asStrings(value: unknown): string[] {
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * Flags other tools have that mean something else here, and what to write instead
 * (black's and ruff's `--fix`, `--diff`-only habits).
 */
const OTHER_TOOLS: Record<string, string> = {
  "dry-run": "a dry run is the default: drop --dry-run (--check exits 1 when changes are pending)",
  fix: "did you mean --write?",
  apply: "did you mean --write?",
  "in-place": "did you mean --write?",
  "output-format": "did you mean --format?",
  select: "did you mean --transform?",
  ignore: "did you mean --extend-ignore?",
};

/**
 * Edit distance counting two swapped neighbours as one edit (`--wirte` is one from `--write`),
 * for "did you mean": short flags only, so the quadratic table is small.
 */
function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(
        d[i - 1][j] + 1,
        d[i][j - 1] + 1,
        d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.length][b.length];
}

function spelled(flag: string): string {
  return flag.length === 1 ? `-${flag}` : `--${flag}`;
}

/** "unknown flag --x: did you mean --y?" for one flag yargs did not know. */
export function unknownFlagMessage(flag: string, known: readonly string[]): string {
  const head = `unknown flag ${spelled(flag)}`;
  const hint = OTHER_TOOLS[flag];
  if (hint) return `${head}: ${hint}`;
  const close = known
    .filter((k) => k.length > 1)
    .map((k) => ({ k, d: distance(flag, k) }))
    .filter(({ k, d }) => d <= Math.max(1, Math.floor(k.length / 4)) || k.startsWith(flag))
    .sort((a, b) => a.d - b.d);
  return close.length > 0 ? `${head}: did you mean ${spelled(close[0].k)}?` : head;
}

/**
 * yargs' "Unknown argument(s): a, b" as one line per flag with a suggestion; other messages as
 * they are. Without camel-case expansion yargs names each flag once, as typed.
 */
export function usageMessage(message: string, known: readonly string[]): string {
  const noValue = /^Not enough arguments following: (.*)$/.exec(message);
  if (noValue) return `${spelled(noValue[1])} needs a value`;
  if (message.startsWith("Invalid values:")) return invalidChoices(message);
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (!unknown) return message;
  return unknown[1]
    .split(", ")
    .map((flag) => unknownFlagMessage(flag, known))
    .join("\n");
}

/**
 * yargs' "Invalid values: / Argument: format, Given: "xml", Choices: "text", ..." as one line a
 * flag: `--format must be one of text, json, sarif, github, not "xml"`.
 */
function invalidChoices(message: string): string {
  const lines = [...message.matchAll(/Argument: ([^,]+), Given: (.*?), Choices: (.*)$/gm)].map(
    ([, flag, given, choices]) =>
      `${spelled(flag)} must be one of ${choices.replace(/"/g, "")}, not ${given}`,
  );
  return lines.length > 0 ? lines.join("\n") : message;
}

/**
 * A value given to a flag that takes none (`--write=yes`): yargs reads any word but "true" as
 * false, so the run would silently be a dry run. Returns the usage message, if any.
 */
export function booleanValueError(
  argv: readonly string[],
  booleans: ReadonlySet<string>,
): string | undefined {
  for (const arg of argv) {
    if (arg === "--") break;
    const given = /^--(?:no-)?([^=]+)=(.*)$/.exec(arg);
    if (!given || !booleans.has(given[1]) || /^(true|false)$/.test(given[2])) continue;
    return `--${given[1]} takes no value (given ${arg}): write --${given[1]} alone, or --no-${given[1]}`;
  }
  return undefined;
}

/** Other tools' subcommands and the flag that does the same here (ruff's `check` and `--fix`). */
const OTHER_COMMANDS: Record<string, string> = {
  check: "--check",
  fix: "--write",
  write: "--write",
  apply: "--write",
};

/**
 * "did you mean `asyncshift --check .`?" when the first path is another tool's subcommand and no
 * such file or folder exists here.
 */
export function otherCommandHint(
  paths: readonly string[] | undefined,
  exists: (path: string) => boolean,
): string | undefined {
  const first = paths?.[0];
  if (first === undefined || !(first in OTHER_COMMANDS) || exists(first)) return undefined;
  const rest = paths!.slice(1);
  const flag = OTHER_COMMANDS[first];
  return (
    `${first}: no such file or folder, and not a command of asyncshift: ` +
    `did you mean \`asyncshift ${[flag, ...(rest.length > 0 ? rest : ["."])].join(" ")}\`?`
  );
}

const SUBCOMMANDS = ["run", "report", "list", "explain"];

/**
 * A note when the first argument names both a subcommand and a file or folder here: the
 * subcommand runs, and `./NAME` is how to name the folder.
 */
export function subcommandShadowNote(
  argv: readonly string[],
  exists: (path: string) => boolean,
): string | undefined {
  const first = argv[0];
  if (first === undefined || !SUBCOMMANDS.includes(first) || !exists(first)) return undefined;
  return `note: \`${first}\` is the ${first} subcommand; for the folder or file here, write ./${first}`;
}
