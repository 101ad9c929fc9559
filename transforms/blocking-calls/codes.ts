import type { CodeDoc } from "../../src/model/types.js";

/** The codes of blocking-calls, with what `asyncshift explain` prints for each. */
export const BLOCKING_CALLS_CODES = {
  AS310: {
    severity: "warning",
    fix: { applicability: "safe", always: false },
    title: "time.sleep() in async def (ruff ASYNC251)",
    explanation:
      "time.sleep() inside async def blocks the event loop: no other task runs while it " +
      "sleeps. `await asyncio.sleep(x)` waits without blocking. The rewrite is safe and " +
      "applied automatically (`import asyncio` is added when missing); this diagnostic is " +
      "shown only where it could not be applied, e.g. when `asyncio` means something else in " +
      "the file, or where the code says it blocks the loop on purpose (its docstring or the " +
      'comments above the call: "deliberately blocks", "the stall"; a function named ' +
      "`block_loop` or `freeze_*`), or in a test file, where a stall is most often what the " +
      "test needs. Same check as ruff's ASYNC251 " +
      "(blocking-sleep-in-async-function); like every blocking-calls finding, it is silenced " +
      "by a `# noqa` naming the ruff rule it cites (or flake8-async's ASYNC100-102, or a bare " +
      "`# noqa`).",
    before: "async def poll(job):\n    time.sleep(0.5)",
    after: "async def poll(job):\n    await asyncio.sleep(0.5)",
  },
  AS311: {
    severity: "warning",
    title: "Blocking HTTP call in async def (ruff ASYNC210, ASYNC212)",
    explanation:
      "requests.*, sync httpx calls and httpx.Client, and urllib.request.urlopen block the " +
      "event loop for the whole request. Use httpx.AsyncClient (or aiohttp) and await the " +
      "call. Not rewritten: the client's lifetime (an `async with` block, a shared client) is " +
      "a design choice. Same check as ruff's ASYNC210 (blocking-http-call-in-async-function) " +
      "and ASYNC212 (blocking-http-call-httpx-in-async-function). Also reported: requests through " +
      "a sync OpenAI client's resources (`client.chat.completions.create(...)` on an " +
      "`openai.OpenAI` or `AzureOpenAI`, also after `with_options(...)`); their async form is " +
      "`openai.AsyncOpenAI`.",
    before: "async def rates():\n    return requests.get(RATES_URL, timeout=5).json()",
    after:
      "async def rates():\n    async with httpx.AsyncClient() as client:\n" +
      "        return (await client.get(RATES_URL, timeout=5)).json()",
  },
  AS312: {
    severity: "warning",
    title: "Blocking subprocess call in async def (ruff ASYNC220, ASYNC221, ASYNC222)",
    explanation:
      "subprocess.run/call/check_call/check_output, os.system, subprocess.Popen, os.popen and " +
      "os.wait* block the event loop until the process ends (or while it starts). Use " +
      "`await asyncio.create_subprocess_exec(...)` (or create_subprocess_shell for a shell " +
      "command) and `await proc.communicate()`. Not rewritten: arguments, pipes and return " +
      "values differ. Same checks as ruff's ASYNC220 (create-subprocess-in-async-function), " +
      "ASYNC221 (run-process-in-async-function) and ASYNC222 (wait-for-process-in-async-function).",
    before:
      'async def thumbnail(path):\n    subprocess.run(["convert", path, "thumb.png"], check=True)',
    after:
      'async def thumbnail(path):\n    proc = await asyncio.create_subprocess_exec("convert", path, "thumb.png")\n' +
      "    await proc.wait()",
  },
  AS313: {
    severity: "warning",
    title: "Blocking open() in async def (ruff ASYNC230)",
    explanation:
      "open() and the reads and writes on the file it returns block the event loop on disk " +
      "I/O. Use `await anyio.open_file(...)` or `aiofiles.open(...)` with `async with` and " +
      "await the reads and writes, or move the whole file handling into asyncio.to_thread. Not " +
      "rewritten: every use of the file object changes. Same check as ruff's ASYNC230 " +
      "(blocking-open-call-in-async-function). Also reported: `read_text`, `read_bytes`, " +
      "`write_text`, `write_bytes` and `open` of a `pathlib.Path` (made by `Path(...)` or " +
      "annotated `Path`); Django's `default_storage.save/open/delete/exists/listdir/size` and " +
      'the same methods of `storages["name"]`; and the FieldFile of a model\'s `FileField` or ' +
      "`ImageField` (`profile.avatar.save(name, content)`, `.open()`, `.read()`, `.delete()`), " +
      "where the instance is proven (`await Profile.objects.aget(...)`, `profile: Profile`) and " +
      "the field is read from the model's source; temporary files (`tempfile.NamedTemporaryFile`, " +
      "`TemporaryFile`, `mkstemp`, `mkdtemp`) and file system calls (`os.unlink`, `remove`, " +
      "`rename`, `replace`, `rmdir`, `mkdir`, `makedirs`), whose async forms are in aiofiles. " +
      "Django's storage API has no async form: " +
      "`await sync_to_async(default_storage.save)(name, content)`.",
    before: "async def load(path):\n    with open(path) as f:\n        return f.read()",
    after:
      "async def load(path):\n    async with await anyio.open_file(path) as f:\n" +
      "        return await f.read()",
  },
  AS314: {
    severity: "warning",
    title: "Sync redis client created in async def",
    explanation:
      "redis.Redis / redis.StrictRedis / redis.from_url make a blocking client: every command " +
      "on it blocks the event loop. redis-py ships an async client with the same API in " +
      "redis.asyncio: `redis.asyncio.Redis(...)`, with every command awaited. Not rewritten: " +
      "every use of the client must be awaited. A command called in `async def` on a sync " +
      "client made elsewhere (`cache = redis.from_url(URL)` at module level, then " +
      "`cache.get(key)`, or a client a project function returns: `conn = get_redis()` where " +
      "`def get_redis(): return Redis.from_url(URL)`, in another file, the message naming the " +
      "factory and its async form) is reported too; `pipeline()`, `pubsub()` and `lock()` " +
      "only build objects, and a factory that is a generator or may return something else " +
      "(`return None` on one path) is not followed. (ruff has no rule for this one.)",
    before: "async def cached(key):\n    r = redis.Redis(host=HOST)\n    return r.get(key)",
    after:
      "async def cached(key):\n    r = redis.asyncio.Redis(host=HOST)\n    return await r.get(key)",
  },
  AS316: {
    severity: "warning",
    title: "A project helper called in async def blocks the event loop",
    explanation:
      "A plain def of the project, called (not awaited) in `async def`, makes a blocking call " +
      "a few calls deep: `arm.list_regions(sub)` whose body calls `requests.get(...)`. The " +
      "event loop stops for as long as that call takes, exactly as if it were written in the " +
      "async def. The helper is followed through the imports into other files (four calls " +
      "deep), and the message names the blocking call with its file and line. Run the helper " +
      "in a thread (`await asyncio.to_thread(helper, ...)`), or give it an async form. Not " +
      "rewritten.",
    before: "async def regions(sub):\n    return arm.list_regions(sub)",
    after: "async def regions(sub):\n    return await asyncio.to_thread(arm.list_regions, sub)",
  },
  AS317: {
    severity: "warning",
    title: "A wait on another thread in async def",
    explanation:
      "A wait on a thread primitive written in `async def` stops the event loop until another " +
      "thread answers, and for ever when the answer needs a task of this same loop: " +
      "`asyncio.run_coroutine_threadsafe(coro, other_loop).result()`, a `queue.Queue`'s " +
      "`get()`/`put()`/`join()`, a `threading.Event`'s `wait()`, `with lock:` or " +
      "`lock.acquire()` on a `threading.Lock`/`RLock`/`Semaphore`/`Condition`, a " +
      "`threading.Thread`'s `join()`, a Celery result's `get()`/`wait()` (`AsyncResult(...)`, " +
      "`task.delay(...)`: it polls the result backend until the worker is done), " +
      "`concurrent.futures.wait(...)` / `as_completed(...)`, and a sync `with " +
      "ThreadPoolExecutor() as ex:` block (its exit waits for every task). The value " +
      "is known by what made it (`queue.Queue()`, " +
      "`threading.Lock()`, `self._lock = threading.Lock()` in the class). Calls that do not " +
      "wait (`get(block=False)`, `acquire(False)`, `wait(0)`) are not reported. The same table " +
      "makes to-thread's unwrap refuse such callees (AS307). Not rewritten.",
    before:
      "async def camera_info(onvif, name):\n" +
      "    future = asyncio.run_coroutine_threadsafe(onvif.info(name), onvif.loop)\n" +
      "    return future.result()",
    after:
      "async def camera_info(onvif, name):\n" +
      "    future = asyncio.run_coroutine_threadsafe(onvif.info(name), onvif.loop)\n" +
      "    return await asyncio.wrap_future(future)",
  },
  AS318: {
    severity: "info",
    title: "Celery publish or result read in async def",
    explanation:
      "`task.delay(...)` and `task.apply_async(...)` of a project task (`@shared_task`, " +
      "`@app.task`, `@celery.task`) publish the message to the broker synchronously: a network " +
      "round trip that blocks the event loop, retried for seconds when the broker is down. " +
      "Reading a result's `state`, `status`, `result`, `ready()` or `successful()` is one round " +
      "trip to the result backend. Short blocks most services accept: reported as info, with " +
      "the thread form (`await asyncio.to_thread(task.delay, ...)`). Waiting for the task " +
      "(`AsyncResult(...).get()`, `.wait()`) stops the loop until the worker is done: that is " +
      "AS317, a warning. Not rewritten.",
    before: "async def start_scan(url):\n    return analyse.delay(url).id",
    after:
      "async def start_scan(url):\n    return (await asyncio.to_thread(analyse.delay, url)).id",
  },
  AS319: {
    severity: "error",
    title: "A project helper called in async def refuses the running event loop",
    explanation:
      "A plain def of the project, called (not awaited) in `async def`, reaches a few calls " +
      "deep (through functions, `cls.` and `self.` methods, and methods of parameters " +
      "annotated with a project class) code that cannot run on a thread whose event loop is " +
      "running: `asyncio.run()`, `loop.run_until_complete()` or asgiref's `async_to_sync()()` " +
      "(each raises RuntimeError there), `asyncio.run_coroutine_threadsafe(coro, " +
      "asyncio.get_running_loop()).result()` (the thread waits on the loop the coroutine " +
      "needs: a deadlock until the timeout), a `raise` in the `else` arm of a " +
      "`get_running_loop()` try or under `loop.is_running()` (a sync-to-async bridge refusing " +
      "async callers), or Playwright's sync API. This is missing-await's AS405 hazard reached " +
      "through helpers, the adapters of issue 27 item 9 among them (a project method that runs " +
      "a coroutine, `self.adapter.run_async(coro)`, `run_coro`, followed through methods and " +
      "bases; a same-named method elsewhere does not hide it): AS405 names the sync function " +
      "that starts the loop, AS319 the call in `async def` that reaches it. The message names " +
      "the path and the line that fails. A bridge that " +
      "runs `asyncio.run` only in the `except RuntimeError` arm of `get_running_loop()` is not " +
      "reported. Run the helper in a thread (`await asyncio.to_thread(helper, ...)`, where no " +
      "loop runs), or await the async API the bridge wraps. Not rewritten.",
    before: "async def recommended(user):\n    return WorkFlowService.add_extra_field(user, apps)",
    after:
      "async def recommended(user):\n" +
      "    return await asyncio.to_thread(WorkFlowService.add_extra_field, user, apps)",
  },
  AS315: {
    severity: "warning",
    title: "Sync database session call in async def",
    explanation:
      "A method of a sync SQLAlchemy Session that talks to the database (execute, scalars, " +
      "scalar, get, query, commit, flush, refresh, merge, rollback, close) blocks the event " +
      "loop for the whole round trip. The session is known by what the code shows: " +
      "`Session(engine)`, a `sessionmaker(...)` factory's call, `with Session(...) as s:`, or " +
      "an annotation (`db: Session`, FastAPI's `db: Session = Depends(get_db)`). " +
      "`add()`, `add_all()`, `delete()` and `expunge()` only mark objects and are not reported. " +
      "SQLAlchemy's `sqlalchemy.ext.asyncio.AsyncSession` has the same methods, awaited. " +
      "`sqlite3.connect()` and its connection's `execute`/`executemany`/`executescript`/" +
      "`commit`/`rollback` are reported too (aiosqlite is their async form). Not " +
      "rewritten: the session, its engine and every use change together. (ruff has no rule " +
      "for this one.)",
    before:
      "async def orders(db: Session = Depends(get_db)):\n    return db.scalars(select(Order)).all()",
    after:
      "async def orders(db: AsyncSession = Depends(get_db)):\n" +
      "    return (await db.scalars(select(Order))).all()",
  },
} satisfies Record<string, CodeDoc>;
