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

/** Edit distance, for "did you mean": short flags only, so the quadratic table is small. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length];
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
  const unknown = /^Unknown arguments?: (.*)$/.exec(message);
  if (!unknown) return message;
  return unknown[1]
    .split(", ")
    .map((flag) => unknownFlagMessage(flag, known))
    .join("\n");
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
