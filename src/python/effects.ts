/**
 * The one catalogue of what a Python call does, by qualified name: blocking I/O (with its native
 * async form), CPU-bound work (a thread is its right place), or in-memory work that touches no
 * database, file or network. blocking-calls reports the blocking ones in `async def`, to-thread
 * explains why a thread call stays in its thread, and native-orm lets in-memory calls stay inside
 * a converted wrapper.
 */

/** What a blocking call does: the family its async alternative belongs to. */
export type BlockingFamily = "http" | "subprocess" | "file" | "redis";

export interface BlockingCall {
  family: BlockingFamily;
  /** The ruff rule that flags the call, or "" when ruff has none. */
  rule: string;
  /** The native async form, as advice. */
  replacement: string;
}

const HTTP_VERBS = ["get", "post", "put", "patch", "delete", "head", "options", "request"];
const SUBPROCESS_RUNS = [
  "run",
  "call",
  "check_call",
  "check_output",
  "getoutput",
  "getstatusoutput",
];

const httpCall = (rule: string, replacement: string): BlockingCall => ({
  family: "http",
  rule,
  replacement,
});
const processCall = (rule: string, replacement: string): BlockingCall => ({
  family: "subprocess",
  rule,
  replacement,
});

/** Blocking library calls, by qualified name, with the native replacement. */
export const BLOCKING_CALLS: ReadonlyMap<string, BlockingCall> = new Map([
  ...HTTP_VERBS.map((v): [string, BlockingCall] => [
    `requests.${v}`,
    httpCall("ASYNC210", `await client.${v}(...) on an httpx.AsyncClient`),
  ]),
  ...["Session", "session"].map((v): [string, BlockingCall] => [
    `requests.${v}`,
    httpCall("ASYNC210", "httpx.AsyncClient"),
  ]),
  ...[...HTTP_VERBS, "stream"].map((v): [string, BlockingCall] => [
    `httpx.${v}`,
    httpCall("ASYNC210", `await client.${v}(...) on an httpx.AsyncClient`),
  ]),
  ["httpx.Client", httpCall("ASYNC212", "httpx.AsyncClient")],
  ["urllib.request.urlopen", httpCall("ASYNC210", "await client.get(...) on an httpx.AsyncClient")],
  ...SUBPROCESS_RUNS.map((v): [string, BlockingCall] => [
    `subprocess.${v}`,
    processCall("ASYNC221", "await asyncio.create_subprocess_exec(...)"),
  ]),
  ["os.system", processCall("ASYNC221", "await asyncio.create_subprocess_shell(...)")],
  ["subprocess.Popen", processCall("ASYNC220", "await asyncio.create_subprocess_exec(...)")],
  ["os.popen", processCall("ASYNC220", "await asyncio.create_subprocess_shell(...)")],
  ...["wait", "waitpid", "wait3", "wait4"].map((v): [string, BlockingCall] => [
    `os.${v}`,
    processCall("ASYNC222", "await proc.wait() on an asyncio subprocess"),
  ]),
  [
    "io.open",
    {
      family: "file",
      rule: "ASYNC230",
      replacement: "await anyio.open_file(...) or aiofiles.open(...)",
    },
  ],
  ...["Redis", "StrictRedis", "from_url", "Redis.from_url"].map((v): [string, BlockingCall] => [
    `redis.${v}`,
    { family: "redis", rule: "", replacement: `redis.asyncio.${v}(...)` },
  ]),
]);

/** What calls of a module's functions do: CPU-bound work, in-memory work, or both. */
interface ModuleEffect {
  /** CPU-bound: a worker thread is the right place (to-thread leaves it there). */
  cpu?: true;
  /** Touches no database, file or network: a converted wrapper may keep it on the loop. */
  inMemory?: true;
}

const CPU: ModuleEffect = { cpu: true };
const IN_MEMORY: ModuleEffect = { inMemory: true };
const BOTH: ModuleEffect = { cpu: true, inMemory: true };

/**
 * Modules by what their functions do. Compression, parsing and imaging modules are CPU-bound but
 * also open files (`gzip.open`, `csv.reader(f)`, `PIL.Image.open`): not in-memory. pathlib builds
 * paths in memory; its values' methods touch the file system (native-orm reads that apart).
 */
const MODULE_EFFECTS: ReadonlyMap<string, ModuleEffect> = new Map([
  ...["hashlib", "hmac", "base64", "json", "re", "orjson", "zlib", "bcrypt", "argon2"].map(
    (m): [string, ModuleEffect] => [m, BOTH],
  ),
  ...[
    "pickle",
    "gzip",
    "bz2",
    "lzma",
    "csv",
    "xml",
    "lxml",
    "PIL",
    "numpy",
    "pandas",
    "markdown",
    "yaml",
    "cryptography",
  ].map((m): [string, ModuleEffect] => [m, CPU]),
  ...[
    "datetime",
    "decimal",
    "uuid",
    "logging",
    "math",
    "itertools",
    "collections",
    "functools",
    "operator",
    "string",
    "typing",
    "dataclasses",
    "enum",
    "copy",
    "random",
    "textwrap",
    "statistics",
    "traceback",
    "pathlib",
    "calendar",
    "fractions",
    "secrets",
    "binascii",
    "html",
    "urllib.parse",
    "unicodedata",
    "bisect",
    "heapq",
    "ipaddress",
    "django.utils.timezone",
    "django.utils.dateparse",
    "django.utils.text",
    "django.utils.translation",
    "django.urls",
    "django.db.models",
  ].map((m): [string, ModuleEffect] => [m, IN_MEMORY]),
]);

/** The effect of the module a qualified name belongs to (its longest listed prefix). */
function moduleEffect(qualified: string | undefined): ModuleEffect | undefined {
  if (!qualified) return undefined;
  const parts = qualified.split(".");
  for (let n = parts.length; n > 0; n--) {
    const effect = MODULE_EFFECTS.get(parts.slice(0, n).join("."));
    if (effect) return effect;
  }
  return undefined;
}

/** The blocking call a qualified name is, with its native replacement. */
export function blockingCall(qualified: string | undefined): BlockingCall | undefined {
  return qualified ? BLOCKING_CALLS.get(qualified) : undefined;
}

/** Is the call CPU-bound work, whose right place is a worker thread? */
export function isCpuBound(qualified: string | undefined): boolean {
  return moduleEffect(qualified)?.cpu === true;
}

/** Does the call work in memory only (no database, file or network)? */
export function isInMemory(qualified: string | undefined): boolean {
  return moduleEffect(qualified)?.inMemory === true && !blockingCall(qualified);
}
