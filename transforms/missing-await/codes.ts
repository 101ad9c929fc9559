import type { CodeDoc } from "../../src/model/types.js";

/** The codes of missing-await, with what `asyncshift explain` prints for each. */
export const MISSING_AWAIT_CODES = {
  AS401: {
    severity: "error",
    fix: { applicability: "safe", always: false },
    title: "Coroutine called without await in async def",
    explanation:
      "Calling a coroutine function only makes a coroutine object: without `await` its body " +
      'never runs (Python warns "coroutine ... was never awaited" when it is collected). ' +
      "asyncshift adds `await` where the call is a statement of its own, or where its value is " +
      "bound to a name that is then used as the result (an attribute, an item, a loop over " +
      "it). The callee must be a coroutine function for certain: an `async def` of the " +
      "project (a function of the same file, an import resolved through the project index, a " +
      "method of the enclosing class called on `self`), asyncio's coroutine functions " +
      "(sleep, wait_for, wait, to_thread, ...), a native async method of the Django ORM " +
      "(aget, asave, ...) on a proven queryset or instance, or the async side of a twin " +
      "declared under [tool.asyncshift.to-thread.twins]. A name rebound in the function, an " +
      "attribute of an unknown object, a decorated `async def` or a function defined both " +
      "async and sync is left alone. A coroutine handed off (to asyncio.gather, " +
      "create_task, ensure_future, returned, stored, passed as an argument) is left alone too, " +
      "unless the parameter it fills is annotated with a value type (AS406). " +
      "Applied by default; not reported once applied. Not applied when the call omits a " +
      "parameter the callee leaves to FastAPI (`current_user: User = Depends(get_current_user)`, " +
      "`Security`, `Query`, ...): FastAPI fills it only when it calls the function itself, so " +
      "awaited as written the callee would get the marker object; the finding names the " +
      "parameters to pass.",
    before: "async def notify_all(users):\n    for user in users:\n        send_welcome(user)",
    after: "async def notify_all(users):\n    for user in users:\n        await send_welcome(user)",
  },
  AS402: {
    severity: "warning",
    fix: { applicability: "unsafe", always: false },
    title: "Coroutine called from sync code without running it",
    explanation:
      "A sync `def` calls an `async def` of the project and drops the result: the coroutine " +
      "is created and thrown away, the body never runs. asgiref's " +
      "`async_to_sync(f)(args)` runs it to completion from sync code. That rewrite is an " +
      "unsafe fix, applied only with --unsafe-fixes: if the sync function is itself called " +
      "from a running event loop, async_to_sync raises RuntimeError there, and the function " +
      "should become async instead. In test files the rewrite is only suggested. In a project " +
      "that depends on neither asgiref nor Django, async_to_sync is not offered (its import " +
      "would fail): the suggestion is asyncio.run(...), or asyncio.run_coroutine_threadsafe(" +
      "coro, loop).result() with the loop the file already hands coroutines to.",
    before: "def handle(self, *args, **options):\n    refresh_rates()",
    after: "def handle(self, *args, **options):\n    async_to_sync(refresh_rates)()",
  },
  AS403: {
    severity: "error",
    title: "sync_to_async() of a coroutine function",
    explanation:
      "asgiref's sync_to_async() only takes sync functions: given an `async def` (or a native " +
      'async ORM method) it raises TypeError("sync_to_async can only be applied to sync ' +
      'functions."), at import time when it is used as a decorator. The function is already ' +
      "awaitable: call it directly and await it. Reported, not rewritten.",
    before: "await sync_to_async(fetch_report)(report_id)",
    after: "await fetch_report(report_id)",
  },
  AS404: {
    severity: "error",
    title: "async_to_sync() inside async def",
    explanation:
      "async_to_sync() blocks its thread until the coroutine finishes on another loop. On the " +
      "event loop's own thread asgiref refuses: RuntimeError(\"You cannot use AsyncToSync in " +
      'the same thread as an async event loop - just await the async function directly."). ' +
      "Inside `async def`, await the coroutine. The check is made when the wrapper is called: " +
      "`async_to_sync(f)` kept for later, or called in a nested def or lambda (which may run " +
      "in a thread), is not reported. Reported, not rewritten.",
    before: "async def sync_orders(shop):\n    async_to_sync(pull_orders)(shop)",
    after: "async def sync_orders(shop):\n    await pull_orders(shop)",
  },
  AS405: {
    severity: "warning",
    title: "asyncio.run() in a function called on the event loop",
    explanation:
      "A sync function that calls asyncio.run() is called directly (not through a thread or " +
      "sync_to_async) from an `async def` of the project, as the project index shows: there " +
      'a loop is already running and asyncio.run() raises RuntimeError ("asyncio.run() ' +
      'cannot be called from a running event loop"); async_to_sync(), the asyncio-run ' +
      "transform's rewrite, would raise too. Make the function async and await it, or call it " +
      "through sync_to_async() (or asyncio.to_thread) from the async side. Only a function " +
      "whose name no other function of the project has is followed, so that the calls found " +
      "are its own. Reported, not rewritten.",
    before:
      "def refresh():\n    asyncio.run(pull_rates())\n\nasync def dashboard(request):\n    refresh()",
    after:
      "async def refresh():\n    await pull_rates()\n\nasync def dashboard(request):\n    await refresh()",
  },
  AS406: {
    severity: "error",
    fix: { applicability: "safe", always: false },
    title: "Coroutine tested or used as a value without await",
    explanation:
      "A coroutine function's call is consumed as a value where it is made: a truth test " +
      "(`if not has_access(user):`, `and`/`or`, `assert`, `while`, a conditional), a " +
      "comparison, an attribute or item read, a loop, an f-string or a builtin such as " +
      "`bool()` or `len()`, an argument filling a parameter of a def of the same file annotated " +
      "with a value type (`user_id: str | None`, `Optional[dict]`; not an unannotated one, " +
      "`Any`, `Awaitable`, or a class that could be awaitable), or a name bound to it and then " +
      "tested or passed so (`ok = check(); if ok:`). A " +
      "coroutine object is always true and never equal to a result: a permission check written " +
      "this way never refuses, and its body never runs. The callee is a coroutine function for " +
      "certain (see AS401), a def decorated `@sync_to_async` or `@database_sync_to_async` (in " +
      "the class, a base class or mixin of the same file, or another module through the project " +
      "index), or `sync_to_async(f)` called on the spot. Inside `async def` `await` is added, a " +
      "safe fix (parenthesised where the result is read: `(await fetch()).items`); inside a " +
      "generator expression, or in a sync def, it is only reported; so is a call that omits a " +
      "parameter FastAPI fills (see AS401).",
    before:
      "async def delete_board(request, board_id):\n    if not user_can_edit(request.user, board_id):\n        raise PermissionDenied",
    after:
      "async def delete_board(request, board_id):\n    if not await user_can_edit(request.user, board_id):\n        raise PermissionDenied",
  },
  AS407: {
    severity: "error",
    title: "async def overrides a framework hook the framework calls without await",
    explanation:
      "A class overrides, with `async def`, a method its framework base class defines as a " +
      "plain def and calls without await, testing the result: Django REST framework's " +
      "`BasePermission.has_permission`/`has_object_permission` (`if not " +
      "permission.has_permission(request, self):`), Starlette's " +
      "`CORSMiddleware.is_allowed_origin`, Django's `UserPassesTestMixin.test_func` and the " +
      "auth backends' `has_perm`/`has_module_perms`/`user_can_authenticate`. The framework " +
      "gets a coroutine object, which is always true: every request is allowed, and the body " +
      "never runs. The base is read from the class's own bases, through the imports. Make the " +
      "method a plain def (the sync ORM, or async_to_sync inside). Not rewritten.",
    before:
      "class IsProjectMember(BasePermission):\n    async def has_permission(self, request, view):\n        return await request.user.projects.filter(pk=view.kwargs['pk']).aexists()",
    after:
      "class IsProjectMember(BasePermission):\n    def has_permission(self, request, view):\n        return request.user.projects.filter(pk=view.kwargs['pk']).exists()",
  },
} satisfies Record<string, CodeDoc>;
