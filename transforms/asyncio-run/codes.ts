import type { CodeOf, FindingsReporter } from "../../src/model/findings.js";
import type { CodeDoc } from "../../src/model/types.js";

/** The codes of asyncio-run, with what `asyncshift explain` prints for each. */
export const ASYNCIO_RUN_CODES = {
  AS101: {
    severity: "warning",
    fix: { applicability: "safe", always: true, sometimesUnsafe: true },
    title: "asyncio.run() called from sync code",
    explanation:
      "asyncio.run() starts a new event loop with no async_to_sync above it. Inside a Django or " +
      "Celery process, code wrapped in sync_to_async(thread_sensitive=True) then runs in one " +
      "shared global thread instead of the caller's: database connections opened there are not " +
      "the request's or task's, an outer transaction.atomic() does not apply, Django's " +
      "connection clean-up never sees them, and writes can silently go missing. asgiref's " +
      "async_to_sync() runs the coroutine with the caller's thread as the sync thread. The fix " +
      "is safe and applied automatically; the argument list is kept byte for byte. It is unsafe " +
      "(applied with --unsafe-fixes) when the coroutine reaches thread-local state of its file " +
      "(a SQLAlchemy scoped_session, a threading.local()): asyncio.run ran the coroutine on the " +
      "caller's thread, async_to_sync runs it on another, which sees another session.",
    before: "@shared_task\ndef sync_batch(batch_id):\n    asyncio.run(sync_remote(batch_id))",
    after: "@shared_task\ndef sync_batch(batch_id):\n    async_to_sync(sync_remote)(batch_id)",
  },
  AS102: {
    severity: "error",
    fix: { applicability: "unsafe", always: false },
    title: "asyncio.run() inside async def",
    explanation:
      "asyncio.run() cannot be called while an event loop is running in the same thread: it " +
      "raises RuntimeError. Inside async def, await the coroutine instead (also one held in a " +
      "name, `asyncio.run(coro)` -> `await coro`, or a future of asyncio.gather). Reported in any " +
      "project, Django or not (unless the file applies nest_asyncio). The rewrite to " +
      "`await f(x)` is applied only with --unsafe-fixes, because the function's callers may rely " +
      "on the call blocking (for example when it is handed to a thread).",
    before: "async def handler():\n    asyncio.run(notify(user))",
    after: "async def handler():\n    await notify(user)",
  },
  AS103: {
    severity: "warning",
    title: "asyncio.run() of something other than a call",
    explanation:
      "asyncio.run(coro) with a coroutine object made elsewhere cannot be rewritten to " +
      "async_to_sync(f)(args): the function and its arguments are not visible at the site. The " +
      "same goes for asyncio.gather(...) and other calls that return a future, not a coroutine: " +
      "async_to_sync expects an async function. " +
      "Rewrite it by hand: pass the async function and its arguments to async_to_sync. " +
      "Inside async def the same call is AS102 (`await coro`), whatever the argument is.",
    before: "coro = fetch(url)\nasyncio.run(coro)",
    after: "async_to_sync(fetch)(url)",
  },
  AS104: {
    severity: "warning",
    title: "asyncio.run() with extra arguments",
    explanation:
      "asyncio.run(..., debug=True) or loop_factory= configure the new event loop; " +
      "async_to_sync has no equivalent, so the call is left for you to decide. Drop the extra " +
      "arguments and use async_to_sync(f)(args) when they were not essential.",
    before: "asyncio.run(fetch(url), debug=True)",
    after: "async_to_sync(fetch)(url)",
  },
  AS105: {
    severity: "warning",
    title: "run_until_complete() in sync code",
    explanation:
      "loop.run_until_complete() and asyncio.get_event_loop().run_until_complete() drive an " +
      "event loop from sync code with no async_to_sync above it: the same thread-handling bug " +
      "as asyncio.run (AS101). The loop object may be shared or configured, so the call is " +
      "reported, not rewritten: replace it with async_to_sync(f)(args).",
    before: "loop = asyncio.get_event_loop()\nloop.run_until_complete(fetch(url))",
    after: "async_to_sync(fetch)(url)",
  },
  AS106: {
    severity: "info",
    title: "asyncio.run() at module level",
    explanation:
      "asyncio.run() at module level runs when the module is imported. In a script that is " +
      "correct; in a module Django or Celery imports, it blocks start-up and runs outside any " +
      'request or task. Move it under `if __name__ == "__main__":` or into a function. Not ' +
      "rewritten.",
    before: "asyncio.run(main())",
    after: 'if __name__ == "__main__":\n    asyncio.run(main())',
  },
  AS107: {
    severity: "warning",
    title: "asyncio.run() that cannot be rewritten without losing text",
    explanation:
      "The call has comments between `asyncio.run(` and the coroutine call, a line break between " +
      "the coroutine function and its argument list (which would end the statement once the " +
      "outer parentheses are gone), or the name " +
      "async_to_sync already means something else in this file; a rewrite would drop the " +
      "comments or call the wrong function. Also refused: a sync function that the project " +
      "calls directly from an `async def` (the project index shows the call), where " +
      "async_to_sync raises RuntimeError just as asyncio.run does (missing-await's AS405). Apply " +
      "the suggested rewrite by hand, or make the function async.",
    before: "asyncio.run(  # refresh\n    refresh(repo)\n)",
    after: "# refresh\nasync_to_sync(refresh)(repo)",
  },
  AS108: {
    severity: "info",
    title: "asyncio.run() in a process's entry point: left as is",
    explanation:
      "The call runs where a process starts: a console script declared in pyproject.toml, " +
      'setup.cfg or setup.py, a function the module calls under `if __name__ == "__main__":`, ' +
      "manage.py, Alembic's env.py, or the module level of wsgi.py/asgi.py. The process owns " +
      "its event loop there and no Django request or task is running above it, so asyncio.run " +
      "is correct; async_to_sync would move the coroutine off the main thread (signal " +
      "handlers, for one, only work there). Reported so the count of sites adds up.",
    before:
      '[project.scripts]\nshop = "shop.cli:main"\n\n# shop/cli.py\ndef main():\n    asyncio.run(serve())',
    after: "# unchanged",
  },
  AS109: {
    severity: "error",
    title: "run_until_complete() inside async def",
    explanation:
      "loop.run_until_complete() inside async def raises RuntimeError whichever loop it is " +
      'called on: the running one ("This event loop is already running") or a new one ' +
      '("Cannot run the event loop while another loop is running"). Await the coroutine ' +
      "instead. Reported in any project (unless the file applies nest_asyncio), not rewritten: " +
      "the loop object may be configured or closed afterwards.",
    before:
      "async def close_client(client):\n    loop = asyncio.get_event_loop()\n    loop.run_until_complete(client.close())",
    after: "async def close_client(client):\n    await client.close()",
  },
} satisfies Record<string, CodeDoc>;

/** What asyncio-run says about a file: findings under its own codes, and the sites it counts. */
export type AsyncioRunOut = FindingsReporter<CodeOf<typeof ASYNCIO_RUN_CODES>>;
