/**
 * Library calls that block the calling thread, by qualified name, with the native async form to
 * use instead: what ruff's ASYNC2xx rules list. Read by the transforms that report blocking calls
 * in `async def` and that explain why a thread call stays in its thread.
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
