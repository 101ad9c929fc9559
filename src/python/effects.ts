/**
 * The one catalogue of what a Python call does, by qualified name: blocking I/O (with its native
 * async form), CPU-bound work (a thread is its right place), or in-memory work that touches no
 * database, file or network. blocking-calls reports the blocking ones in `async def`, to-thread
 * explains why a thread call stays in its thread, and native-orm lets in-memory calls stay inside
 * a converted wrapper.
 */

import { moduleEffect } from "./module-effects.js";
import { workerPools } from "./thread-waits.js";

/** What a blocking call does: the family its async alternative belongs to. */
export type BlockingFamily = "http" | "subprocess" | "file" | "redis" | "database";

export interface BlockingCall {
  family: BlockingFamily;
  /**
   * Makes a client and does no I/O itself (`httpx.Client()`, `redis.from_url()`): in `async def`
   * the client is used there; in a helper that returns it, only its use blocks.
   */
  constructs?: true;
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

/** aiofiles.tempfile's form of tempfile's functions that make a file or folder and return a name. */
const TEMP_TWIN: Readonly<Record<string, string>> = {
  mkstemp: "NamedTemporaryFile(delete=False)",
  mkdtemp: "TemporaryDirectory()",
};

/** Blocking library calls, by qualified name, with the native replacement. */
export const BLOCKING_CALLS: ReadonlyMap<string, BlockingCall> = new Map([
  ...HTTP_VERBS.map((v): [string, BlockingCall] => [
    `requests.${v}`,
    httpCall("ASYNC210", `await client.${v}(...) on an httpx.AsyncClient`),
  ]),
  ...["Session", "session"].map((v): [string, BlockingCall] => [
    `requests.${v}`,
    { ...httpCall("ASYNC210", "httpx.AsyncClient"), constructs: true },
  ]),
  ...[...HTTP_VERBS, "stream"].map((v): [string, BlockingCall] => [
    `httpx.${v}`,
    httpCall("ASYNC210", `await client.${v}(...) on an httpx.AsyncClient`),
  ]),
  ["httpx.Client", { ...httpCall("ASYNC212", "httpx.AsyncClient"), constructs: true }],
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
  // Temporary files are made on disk (hazard-review-3 H16, letta's markitdown parser).
  ...["NamedTemporaryFile", "TemporaryFile", "mkstemp", "mkdtemp"].map(
    (v): [string, BlockingCall] => [
      `tempfile.${v}`,
      {
        family: "file",
        rule: "",
        replacement: `aiofiles.tempfile.${TEMP_TWIN[v] ?? `${v}(...)`} with async with, or the whole file work in await asyncio.to_thread(...)`,
      },
    ],
  ),
  // File system calls: each a system call on the disk (ruff has no rule for them).
  ...["unlink", "remove", "rename", "replace", "rmdir", "removedirs", "mkdir", "makedirs"].map(
    (v): [string, BlockingCall] => [
      `os.${v}`,
      {
        family: "file",
        rule: "",
        replacement: `await aiofiles.os.${v}(...), or await asyncio.to_thread(os.${v}, ...)`,
      },
    ],
  ),
  // Whole-tree copies and removals: disk I/O as much as open() (ruff has no rule for them).
  ...["rmtree", "copytree", "copy", "copy2", "copyfile", "copyfileobj", "move"].map(
    (v): [string, BlockingCall] => [
      `shutil.${v}`,
      {
        family: "file",
        rule: "",
        replacement: `a worker thread (await asyncio.to_thread(shutil.${v}, ...)); the standard library has no async form`,
      },
    ],
  ),
  // sqlite opens and reads its file on connect (hazard-review F9c's reproduction).
  [
    "sqlite3.connect",
    { family: "database", rule: "", replacement: "await aiosqlite.connect(...)" },
  ],
  ...["Redis", "StrictRedis", "from_url", "Redis.from_url"].map((v): [string, BlockingCall] => [
    `redis.${v}`,
    { family: "redis", rule: "", replacement: `redis.asyncio.${v}(...)`, constructs: true },
  ]),
]);

/**
 * Django's storage API has no async form (Django 5.2 neither): its calls go to a thread, through
 * asgiref's `sync_to_async` as Django's own async views do.
 */
export const STORAGE_REPLACEMENT =
  "await sync_to_async(...) around the storage call (Django's storage API has no async form)";

/** STORAGE_REPLACEMENT naming the call: `await sync_to_async(default_storage.save)(...)`. */
export function storageReplacementFor(callee: string): string {
  return `await sync_to_async(${callee})(...) (Django's storage API has no async form)`;
}

/** A storage's methods that read or write the disk or a remote bucket. */
const STORAGE_METHODS = ["save", "open", "delete", "exists", "listdir", "size"];

const storageCall = (method: string): [string, BlockingCall] => [
  `django.core.files.storage.default_storage.${method}`,
  { family: "file", rule: "", replacement: STORAGE_REPLACEMENT },
];

/** Django's default storage: its reads and writes hit the disk or a remote bucket. */
export const STORAGE_CALLS: ReadonlyMap<string, BlockingCall> = new Map(
  STORAGE_METHODS.map(storageCall),
);

/** `storages["exports"]` (Django 4.2+): what a subscript of this name makes. */
export const STORAGES = "django.core.files.storage.storages";
export const STORAGE_CLASS = "django.core.files.storage.Storage";

/** What a file field of a model instance holds (`profile.avatar`). */
export const FIELD_FILE = "django.db.models.fields.files.FieldFile";

/**
 * A model field whose value is a FieldFile: Django's `FileField` and `ImageField`, and the
 * third-party subclasses named after them (`ThumbnailerImageField`, `PrivateFileField`).
 * `FilePathField` stores a path as text.
 */
export function isFileFieldClass(name: string): boolean {
  return /(?:File|Image)Field$/.test(name);
}

/** The methods of a value that block, by the class or factory that made it. */
export interface BlockingMethods {
  family: BlockingFamily;
  rule: string;
  /** The methods that block; `*` for every method but those in `except`. */
  methods: ReadonlySet<string> | "*";
  except?: ReadonlySet<string>;
  /** What the value is, for the message: "a sync SQLAlchemy Session". */
  what: string;
  replacement: string;
  /** A method ruff cites under another rule than `rule` (pathlib's `mkdir`: ASYNC240). */
  rules?: Readonly<Record<string, string>>;
  /** A method whose async form differs (`query`, which AsyncSession does not have). */
  replacements?: Readonly<Record<string, string>>;
  /**
   * A client whose requests are methods of its resources (`client.images.generate(...)`,
   * `client.chat.completions.create(...)`): every call through one resource attribute or more
   * blocks, but for these names (which configure and return a client without a request).
   */
  resources?: { except: ReadonlySet<string> };
}

const SESSION: BlockingMethods = {
  family: "database",
  rule: "",
  // add(), add_all(), delete() and expunge() only mark objects: the flush or commit does the I/O.
  methods: new Set([
    "execute",
    "scalars",
    "scalar",
    "get",
    "query",
    "commit",
    "flush",
    "refresh",
    "merge",
    "rollback",
    "close",
  ]),
  what: "a sync SQLAlchemy Session",
  replacement: "await session.<method>(...) on a sqlalchemy.ext.asyncio.AsyncSession",
  replacements: {
    query:
      "await session.execute(select(...)) or await session.scalars(select(...)) on a sqlalchemy.ext.asyncio.AsyncSession (which has no query(): the legacy Query API is sync only)",
  },
};

/**
 * `scoped_session(sessionmaker(...))`: a registry that proxies each call to the current thread's
 * Session (hazard-review-6 V13, freqtrade's `Trade.session: ClassVar[scoped_session[Session]]`);
 * `remove()` closes that Session (its transaction rolled back, its connection returned).
 */
const SCOPED_SESSION: BlockingMethods = {
  ...SESSION,
  methods: new Set([...(SESSION.methods as ReadonlySet<string>), "remove"]),
  what: "a sync SQLAlchemy scoped_session",
};

/**
 * SQLModel's Session subclasses SQLAlchemy's and adds `exec(select(...))`, its query method
 * (hazard-review-5 J5: bisheng's ~190 sync DAO calls in `async def`); its async form is
 * `sqlmodel.ext.asyncio.session.AsyncSession`, whose `exec` is awaited.
 */
const SQLMODEL_SESSION: BlockingMethods = {
  ...SESSION,
  methods: new Set([...(SESSION.methods as ReadonlySet<string>), "exec"]),
  what: "a sync SQLModel Session",
  replacement: "await session.<method>(...) on a sqlmodel.ext.asyncio.session.AsyncSession",
};

const SYNC_REDIS: BlockingMethods = {
  family: "redis",
  rule: "",
  // These build objects without a round trip; their own commands are the calls that block.
  methods: "*",
  except: new Set(["pipeline", "pubsub", "lock"]),
  what: "a sync redis client",
  replacement: "the same command awaited on a redis.asyncio client",
};

/**
 * A sync redis client's `lock(...)`: `acquire()` polls the server, sleeping between tries, for up
 * to `blocking_timeout` (hazard-review-5 J14: cognee's graph lock, 300 s); each other method is a
 * round trip.
 */
const REDIS_LOCK: BlockingMethods = {
  family: "redis",
  rule: "",
  methods: new Set(["acquire", "release", "extend", "reacquire", "locked", "owned"]),
  what: "a lock of a sync redis client (acquire() polls the server, sleeping, until blocking_timeout)",
  replacement: "the lock of a redis.asyncio client, awaited: await lock.<method>(...)",
};

/** What a method of a catalogued value makes, when that is catalogued too: `client.lock(...)`. */
export function madeByMethod(madeBy: string | undefined, method: string): string | undefined {
  // `_POOL.submit(f, x)`: a Future, whose `result()` waits (hazard-review-9 Z24b).
  if (madeBy && method === "submit" && FUTURES_POOLS.has(madeBy))
    return "concurrent.futures.Future";
  return madeBy && BLOCKING_METHODS.get(madeBy) === SYNC_REDIS && method === "lock"
    ? "redis.lock.Lock"
    : undefined;
}

const FUTURES_POOLS = workerPools({ onlyFutures: true, submodules: true });

/**
 * pathlib's file-system calls (ruff ASYNC240; hazard-review-7 Y11, airweave's storage backend,
 * whose humans moved mkdir, exists, unlink, rglob and iterdir to a thread).
 */
const PATH_FILE_SYSTEM = [
  "mkdir",
  "unlink",
  "rmdir",
  "rename",
  "replace",
  "touch",
  "iterdir",
  "glob",
  "rglob",
  "exists",
  "is_file",
  "is_dir",
  "stat",
  // The rest of anyio.Path's awaited methods: each asks the file system (hazard-review-7 Y11).
  "lstat",
  "chmod",
  "lchmod",
  "owner",
  "group",
  "is_symlink",
  "is_mount",
  "is_socket",
  "is_fifo",
  "is_block_device",
  "is_char_device",
  "is_junction",
  "readlink",
  "resolve",
  "samefile",
  "symlink_to",
  "hardlink_to",
  "walk",
];

const PATH: BlockingMethods = {
  family: "file",
  rule: "ASYNC230",
  methods: new Set([
    "read_bytes",
    "read_text",
    "write_bytes",
    "write_text",
    "open",
    ...PATH_FILE_SYSTEM,
  ]),
  rules: Object.fromEntries(PATH_FILE_SYSTEM.map((m) => [m, "ASYNC240"])),
  what: "a pathlib.Path",
  replacement:
    "await anyio.Path(...).<method>(...), or await asyncio.to_thread(path.<method>, ...)",
};

const STORAGE: BlockingMethods = {
  family: "file",
  rule: "",
  methods: new Set(STORAGE_METHODS),
  what: "a Django storage",
  replacement: STORAGE_REPLACEMENT,
};

/**
 * `profile.avatar.save(name, content)` writes the file through the field's storage and then saves
 * the instance (a query); `open`, `read` and `chunks` read it from the storage. `url`, `name` and
 * `path` are attributes, not calls.
 */
const FIELD_FILE_METHODS: BlockingMethods = {
  family: "file",
  rule: "",
  methods: new Set(["save", "delete", "open", "read", "readline", "readlines", "write", "chunks"]),
  what: "a Django FieldFile",
  replacement: STORAGE_REPLACEMENT,
};

const SQLITE: BlockingMethods = {
  family: "database",
  rule: "",
  methods: new Set(["execute", "executemany", "executescript", "commit", "rollback", "backup"]),
  what: "a sqlite3 connection",
  replacement: "await db.<method>(...) on an aiosqlite connection",
};

/** Methods of an SDK client that return a configured client (or a view of it): no request. */
export const CLIENT_COPIES: ReadonlySet<string> = new Set([
  "with_options",
  "copy",
  "with_raw_response",
  "with_streaming_response",
]);

/**
 * A requests Session or an httpx Client: building one does no I/O (hazard-review-4 K13: AS311 on
 * `http_client = Session()`, and nothing on `s.get(url)`); each request through it blocks.
 */
const HTTP_CLIENT = (what: string, replacement: string): BlockingMethods => ({
  family: "http",
  rule: "ASYNC210",
  methods: new Set([...HTTP_VERBS, "send", "stream"]),
  what,
  replacement,
});
const REQUESTS_SESSION = HTTP_CLIENT(
  "a requests Session",
  "await client.<method>(...) on an httpx.AsyncClient",
);
const HTTPX_CLIENT = {
  ...HTTP_CLIENT("an httpx.Client", "await client.<method>(...) on an httpx.AsyncClient"),
  rule: "ASYNC212",
};

/**
 * The standard library's HTTP connection: `request()` connects and sends, `getresponse()` waits
 * for the answer (hazard-review-4 K9, R2R's `SerperClient.get_raw`).
 */
const HTTP_CONNECTION: BlockingMethods = {
  family: "http",
  rule: "",
  methods: new Set(["request", "getresponse", "connect", "send", "endheaders"]),
  what: "an http.client connection",
  replacement: "await client.<method>(...) on an httpx.AsyncClient (or aiohttp)",
  replacements: {
    getresponse: "an httpx.AsyncClient: await client.post(...) sends and reads the answer",
  },
};

/** OpenAI's sync clients (openai >= 1): every resource call is an HTTP round trip. */
const OPENAI: BlockingMethods = {
  family: "http",
  rule: "",
  methods: new Set(),
  what: "a resource of a sync OpenAI client",
  replacement:
    "await <receiver>.<method>(...) with an openai.AsyncOpenAI client (AsyncAzureOpenAI for Azure)",
  resources: { except: CLIENT_COPIES },
};

/**
 * mem0's sync clients: `MemoryClient` calls the mem0 platform over HTTP, `Memory` an LLM, an
 * embedder and a vector store (pipecat 6a87d0e87, hazard-review-8 Y24). Both have async twins.
 */
const MEM0: BlockingMethods = {
  family: "http",
  rule: "",
  methods: new Set([
    "add",
    "search",
    "get",
    "get_all",
    "update",
    "delete",
    "delete_all",
    "history",
  ]),
  what: "a sync mem0 client (HTTP and vector-store round trips)",
  replacement:
    "await <receiver>.<method>(...) on mem0's async client (mem0.AsyncMemoryClient, or mem0.AsyncMemory for Memory)",
};

/**
 * Values whose methods block, by the qualified name of what made them (a constructor, a factory)
 * or of their annotation: a Session from `Session(engine)` or `db: Session`, a redis client from
 * `redis.Redis(...)`, a path from `Path(...)`. Never by a method's name alone.
 */
export const BLOCKING_METHODS: ReadonlyMap<string, BlockingMethods> = new Map([
  ["sqlalchemy.orm.Session", SESSION],
  ["sqlalchemy.orm.session.Session", SESSION],
  ["sqlalchemy.orm.scoped_session", SCOPED_SESSION],
  ["sqlalchemy.orm.scoping.scoped_session", SCOPED_SESSION],
  ["sqlmodel.Session", SQLMODEL_SESSION],
  ["sqlmodel.orm.session.Session", SQLMODEL_SESSION],
  ["redis.Redis", SYNC_REDIS],
  ["redis.StrictRedis", SYNC_REDIS],
  ["redis.client.Redis", SYNC_REDIS],
  ["redis.from_url", SYNC_REDIS],
  ["redis.Redis.from_url", SYNC_REDIS],
  ["redis.StrictRedis.from_url", SYNC_REDIS],
  ["redis.RedisCluster", SYNC_REDIS],
  ["redis.RedisCluster.from_url", SYNC_REDIS],
  ["redis.cluster.RedisCluster", SYNC_REDIS],
  ["redis.cluster.RedisCluster.from_url", SYNC_REDIS],
  ["redis.lock.Lock", REDIS_LOCK],
  ["pathlib.Path", PATH],
  [STORAGE_CLASS, STORAGE],
  ["sqlite3.connect", SQLITE],
  ["requests.Session", REQUESTS_SESSION],
  ["requests.session", REQUESTS_SESSION],
  ["requests.sessions.Session", REQUESTS_SESSION],
  ["httpx.Client", HTTPX_CLIENT],
  ["http.client.HTTPSConnection", HTTP_CONNECTION],
  ["http.client.HTTPConnection", HTTP_CONNECTION],
  ["openai.OpenAI", OPENAI],
  ["openai.AzureOpenAI", OPENAI],
  ["mem0.MemoryClient", MEM0],
  ["mem0.Memory", MEM0],
  ["mem0.Memory.from_config", MEM0],
  ["mem0.client.main.MemoryClient", MEM0],
  ["mem0.memory.main.Memory", MEM0],
  [FIELD_FILE, FIELD_FILE_METHODS],
]);

/**
 * Library clients whose methods take a lock inside (mem0's local `Memory`: its SQLite history
 * store's `threading.Lock`): known to block, but not known not to wait on another thread.
 */
const LOCKS_INSIDE: ReadonlySet<string> = new Set([
  "mem0.Memory",
  "mem0.Memory.from_config",
  "mem0.memory.main.Memory",
]);

/** Factories whose calls make a value of another entry (`sessionmaker(...)()` is a Session). */
export const MAKER_OF: ReadonlyMap<string, string> = new Map([
  ["sqlalchemy.orm.sessionmaker", "sqlalchemy.orm.Session"],
  ["sqlalchemy.orm.session.sessionmaker", "sqlalchemy.orm.Session"],
  // Calling the registry gives the thread's Session.
  ["sqlalchemy.orm.scoped_session", "sqlalchemy.orm.Session"],
  ["sqlalchemy.orm.scoping.scoped_session", "sqlalchemy.orm.Session"],
]);

/** The blocking method `method` is on a value made by `madeBy`, if it is one. */
export function blockingMethod(
  madeBy: string | undefined,
  method: string,
): BlockingMethods | undefined {
  const entry = madeBy ? (BLOCKING_METHODS.get(madeBy) ?? langchainRunnable(madeBy)) : undefined;
  if (!entry || method.startsWith("_")) return undefined;
  const blocks = entry.methods === "*" ? !entry.except?.has(method) : entry.methods.has(method);
  return blocks ? entry : undefined;
}

/** LangChain runnables' sync methods that have an `a<name>` async form. */
const LANGCHAIN_METHODS = [
  "invoke",
  "batch",
  "stream",
  "predict",
  "run",
  "get_relevant_documents",
  "similarity_search",
  "embed_documents",
  "embed_query",
];

/**
 * LangChain's models, chains, retrievers, embeddings and vector stores: their sync methods make the
 * request (hazard-review-5 J10: gpt-researcher's `chain.invoke(...)`, the human fix `await
 * chain.ainvoke(...)`). A chain built with `|` (`prompt | model | parser`) is a RunnableSequence.
 * Prompt templates, output parsers, messages and pass-throughs work in memory.
 */
const LANGCHAIN_RUNNABLE: BlockingMethods = {
  family: "http",
  rule: "",
  methods: new Set(LANGCHAIN_METHODS),
  what: "a LangChain runnable (a model call)",
  replacement: "await <receiver>.a<method>(...), LangChain's async form",
  replacements: { run: "await <receiver>.arun(...)" },
};

/** The LangChain entry for a class of LangChain's packages that makes requests. */
function langchainRunnable(madeBy: string): BlockingMethods | undefined {
  if (!/^langchain(?:_\w+)?\./.test(madeBy)) return undefined;
  const name = madeBy.slice(madeBy.lastIndexOf(".") + 1);
  return /Prompt|Template|Parser|Passthrough|Lambda|Message|Splitter/.test(name)
    ? undefined
    : LANGCHAIN_RUNNABLE;
}

/** What a `|` of LangChain runnables makes (`prompt | model | parser`). */
export const LANGCHAIN_SEQUENCE = "langchain_core.runnables.RunnableSequence";

export { knownAsyncApi } from "./async-apis.js";

/** The blocking call a qualified name is, with its native replacement. */
export function blockingCall(qualified: string | undefined): BlockingCall | undefined {
  return qualified ? (BLOCKING_CALLS.get(qualified) ?? STORAGE_CALLS.get(qualified)) : undefined;
}

/** Is the call CPU-bound work, whose right place is a worker thread? */
export function isCpuBound(qualified: string | undefined): boolean {
  return moduleEffect(qualified)?.cpu === true;
}

/** Does the call work in memory only (no database, file or network)? */
export function isInMemory(qualified: string | undefined): boolean {
  return moduleEffect(qualified)?.inMemory === true && !blockingCall(qualified);
}

/**
 * Does the catalogue say what the call does (blocks, CPU-bound, in memory, or a client of a
 * known kind)? A library call it does not list is one a check cannot read; nor is a client whose
 * methods take a lock inside (`LOCKS_INSIDE`): what that lock waits on is not known.
 */
export function isCatalogued(qualified: string): boolean {
  if (LOCKS_INSIDE.has(qualified)) return false;
  return (
    blockingCall(qualified) !== undefined ||
    moduleEffect(qualified) !== undefined ||
    BLOCKING_METHODS.has(qualified) ||
    MAKER_OF.has(qualified)
  );
}
