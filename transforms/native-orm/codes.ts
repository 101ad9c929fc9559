import type { CodeDoc } from "../../src/model/types.js";

/** The codes native-orm reports, documented for `asyncshift explain` and the README. */
export const CODES = {
  AS201: {
    severity: "warning",
    fix: { applicability: "unsafe", always: false },
    title: "ORM call that cannot be proven a queryset or model instance (unsafe fix)",
    explanation:
      "The rewrite to Django's native async method is very likely right, but nothing in the " +
      "function proves the receiver is a queryset or a model instance: it is an unannotated " +
      "parameter, an attribute, or a queryset reached through code the transform cannot follow. " +
      "If it is something else with a `save` or `count` method, the native method does not exist " +
      "and the call fails at run time. Annotate the parameter with its model class (`doc: " +
      "Document`) so the rewrite is proven, or run with --unsafe-fixes to apply it. The unsafe " +
      "fix needs evidence of a model: a chain through a manager (`self.model.objects`), `self` " +
      "in a method of a model class, or the same name bound to a model instance elsewhere in " +
      "the file. A method name alone is none (serializers, workbooks and buffers have `save()` " +
      "and no `asave()`): such a call is reported with no fix. `self.save()` inside the " +
      "method `asave` of the same object is the twin itself and is never rewritten.",
    before:
      "async def count_open(self):\n    return await sync_to_async(self.model.objects.count)()",
    after: "async def count_open(self):\n    return await self.model.objects.acount()",
  },
  AS202: {
    severity: "warning",
    fix: { applicability: "unsafe", always: false },
    title: "relation read that would load lazily",
    explanation:
      "Reading a ForeignKey or OneToOneField attribute of a model instance runs a query when the " +
      "queryset that loaded the instance did not select_related it. Inside async code that query " +
      "raises SynchronousOnlyOperation, so a sync_to_async wrapper that reads such a relation is " +
      "not converted, and a read inside async def is reported. Load the relation with " +
      "select_related (or read `<name>_id` when only the key is needed).",
    before: "order = Order.objects.get(pk=pk)\nname = order.customer.name",
    after:
      'order = Order.objects.select_related("customer").get(pk=pk)\nname = order.customer.name',
  },
  AS203: {
    severity: "warning",
    title: "transaction in code that would become async",
    explanation:
      "transaction.atomic (as `with` or decorator), select_for_update() and " +
      "transaction.on_commit need one database connection held by one thread. Django's async " +
      "ORM methods run each query through sync_to_async on their own, so they do not take part " +
      "in a transaction, and select_for_update() outside a transaction raises. Keep the " +
      "transactional code in a sync function and call it with sync_to_async.",
    before:
      "@sync_to_async\ndef pay(order_id):\n    with transaction.atomic():\n        order = Order.objects.select_for_update().get(pk=order_id)",
    after: "(unchanged: keep the sync function behind sync_to_async)",
  },
  AS204: {
    severity: "warning",
    title: "queryset evaluation with no async form",
    explanation:
      "len(qs), bool(qs) and `if qs:`, qs[i], slices that evaluate, `x in qs`, repr(qs) and " +
      "iterating a queryset in a generator expression evaluate the queryset synchronously and " +
      "have no async form; inside async code they raise SynchronousOnlyOperation. Use " +
      "`await qs.acount()`, `await qs.aexists()`, `await qs.afirst()`, `await qs.acontains(x)` " +
      "or `[x async for x in qs]` instead. A wrapper that does this is not converted.",
    before: "async def view():\n    if Order.objects.filter(open=True):\n        ...",
    after:
      "async def view():\n    if await Order.objects.filter(open=True).aexists():\n        ...",
  },
  AS205: {
    severity: "info",
    title: "call with no async API inside a sync_to_async wrapper",
    explanation:
      "The wrapped function calls something that has no native async form: file storage or " +
      "FileField `.save`, forms (`is_valid`, `form.save`), `render`, `send_mail`, a custom model " +
      "or manager method, or a function of another module of the project (which may touch the " +
      "database; plain functions of the wrapper's own module are followed instead, site h). " +
      "Converting the wrapper to async def would run that call on the event loop. The wrapper " +
      "stays as it is.",
    before: "@sync_to_async\ndef archive(order):\n    order.archive()",
    after: "(unchanged)",
  },
  AS206: {
    severity: "warning",
    // Beside a blocker no fix lifts (the wrapper is kept anyway), it comes with no fix.
    fix: { applicability: "unsafe", always: false },
    title: "Channels' database_sync_to_async wrapper",
    explanation:
      "database_sync_to_async also closes stale and broken database connections before and " +
      "after each call, which Django's native async methods do not do. In a long-lived consumer " +
      "that clean-up matters. The rewrite is applied only with --unsafe-fixes; make sure " +
      "connections are cleaned up elsewhere (CONN_MAX_AGE = 0, or CONN_HEALTH_CHECKS). When " +
      "something else keeps the wrapper too, it is reported with no fix.",
    before: "count = await database_sync_to_async(Room.objects.count)()",
    after: "count = await Room.objects.acount()",
  },
  AS213: {
    severity: "warning",
    fix: { applicability: "unsafe", always: true },
    title: "sync_to_async(thread_sensitive=False) wrapper (unsafe fix)",
    explanation:
      "A wrapper made with thread_sensitive=False runs each call in a thread of its own, so " +
      "several of them (under asyncio.gather, say) run in parallel. Django's native async " +
      "methods run their queries thread-sensitively, one after another in one thread: the " +
      "rewrite keeps the results but may make parallel work serial. It is applied only with " +
      "--unsafe-fixes; keep the wrapper when the parallelism matters. A wrapper called and " +
      "awaited where it stands (`await sync_to_async(obj.save, thread_sensitive=False)()`) runs " +
      "beside nothing in its coroutine: it converts by default, and the native method also " +
      "brings the query back onto the caller's connection (a throw-away thread opens its own, " +
      "outside the caller's transaction).",
    before:
      "@sync_to_async(thread_sensitive=False)\ndef heavy(pk):\n    return Job.objects.filter(pk__gt=pk).count()",
    after: "async def heavy(pk):\n    return await Job.objects.filter(pk__gt=pk).acount()",
  },
  AS207: {
    severity: "info",
    title: "sync_to_async wrapper around the ORM used another way",
    explanation:
      "sync_to_async wraps an ORM method but the wrapper is stored in a variable, passed to " +
      "another function or returned, so its call sites cannot be rewritten here. Replace the " +
      "wrapper with the native async method by hand: a bound method such as " +
      "`Order.objects.acount` is already a coroutine function.",
    before: "count_orders = sync_to_async(Order.objects.count)",
    after: "count_orders = Order.objects.acount",
  },
  AS208: {
    severity: "warning",
    title: "ORM wrapper that cannot be rewritten automatically",
    explanation:
      "The site holds ORM work that has a native async form, but the rewrite would lose " +
      "comments, the lambda holds more than one ORM call, the wrapped function is a generator, " +
      "has other decorators or nested functions, or a new name would clash with one the file " +
      "already uses. Apply the suggested rewrite by hand. Also a `sync_to_async(f)(x)` that is " +
      "not awaited where its coroutine is lost (a statement of its own, a truth test): " +
      "missing-await's AS401/AS406 add the `await`, after which it converts.",
    before: "await sync_to_async(lambda: Order.objects.get(pk=Item.objects.first().order_id))()",
    after: "item = await Item.objects.afirst()\nawait Order.objects.aget(pk=item.order_id)",
  },
  AS209: {
    severity: "warning",
    title: "native async method needs a newer Django",
    explanation:
      "The native async method exists only from the Django version named in the message: " +
      "QuerySet methods from 4.1, model instance and related-manager methods (asave, adelete, " +
      "arefresh_from_db, aadd, ...) from 4.2, the shortcuts and auth functions " +
      "(aget_object_or_404, alogin, ...) and acheck_password from 5.0. The target version " +
      "comes from --django-version, else the dependency files, else 4.2. Upgrade Django or " +
      "keep the wrapper.",
    before: "await sync_to_async(order.save)()  # target Django 4.1",
    after: "await order.asave()  # needs Django 4.2",
  },
  AS210: {
    severity: "info",
    fix: { applicability: "safe", always: true },
    title: "sync_to_async wrapper around the ORM, rewritten to the native async API",
    explanation:
      "The wrapper runs ORM work in a thread although Django has native async methods for it, " +
      "and every receiver is proven a queryset, manager or model instance: " +
      "`await sync_to_async(qs.count)()` becomes `await qs.acount()`, an `@sync_to_async` def " +
      "becomes an `async def` with each query awaited. The fix is safe and applied; the code " +
      "names this rewrite.",
    before: "count = await sync_to_async(Order.objects.filter(open=True).count)()",
    after: "count = await Order.objects.filter(open=True).acount()",
  },
  AS211: {
    severity: "info",
    fix: { applicability: "safe", always: true },
    title: "sync ORM call inside async def, rewritten to its native async form",
    explanation:
      "A query run synchronously inside async def raises SynchronousOnlyOperation. When the " +
      "receiver is proven a queryset, manager or model instance, the call becomes its awaited " +
      "native form and a loop over a queryset becomes `async for`. The fix is safe and applied; " +
      "the code names this rewrite.",
    before: "async def view(pk):\n    order = Order.objects.get(pk=pk)",
    after: "async def view(pk):\n    order = await Order.objects.aget(pk=pk)",
  },
  AS212: {
    severity: "warning",
    title: "query built from a lazy request.user in async code",
    explanation:
      "`request.user` is a SimpleLazyObject: the first time it is used it loads the session and " +
      "the user with sync queries. Building a query from it (`filter(customer=request.user)`, " +
      "`request.user.pk`) is such a use, so in async code it raises SynchronousOnlyOperation. " +
      "Under sync_to_async it loaded in the worker thread, so a wrapper whose query is built " +
      "from `request.user` (in its body, or passed by a caller the project index shows) is not " +
      "converted, and such a query written in async def is reported, not rewritten. Load the " +
      "user first with `user = await request.auser()` (Django 5.0+) and build the query from " +
      "`user`; before 5.0 keep the query behind sync_to_async.",
    before:
      "async def orders(request):\n    return await sync_to_async(Order.objects.filter(customer=request.user).count)()",
    after:
      "async def orders(request):\n    user = await request.auser()\n    return await Order.objects.filter(customer=user).acount()",
  },
  AS214: {
    severity: "info",
    fix: { applicability: "safe", always: true },
    title: "async twin added for a chain converted in another file",
    explanation:
      "A `sync_to_async` wrapper in one file converts through the project functions it calls, " +
      "here in another file. Each function such a chain reaches keeps its sync form, for the " +
      "callers that stay sync (a Celery task, a management command, a test, a reference the " +
      "project index cannot see), and gains an async twin next to it, named as Django names " +
      "its own (`process_files` -> `aprocess_files`), with its ORM work awaited in native " +
      "form; the converted wrapper awaits the twin. A chain converts only when every function " +
      "it reaches converts, and every file it touches is rewritten by the same run.",
    before:
      "# services.py\ndef process_files(pr):\n    for f in pr.files:\n        File.objects.update_or_create(pr=pr, name=f)",
    after:
      "# services.py\ndef process_files(pr):\n    for f in pr.files:\n        File.objects.update_or_create(pr=pr, name=f)\n\n\nasync def aprocess_files(pr):\n    for f in pr.files:\n        await File.objects.aupdate_or_create(pr=pr, name=f)",
  },
  AS215: {
    severity: "info",
    title: "sync_to_async around work with no native async form (kept)",
    explanation:
      "Every sync_to_async and database_sync_to_async site is either rewritten or explained. " +
      "This one runs nothing the transform can move onto the event loop: a function whose body " +
      "does no Django ORM work with a native async form (an HTTP client, file or image work, " +
      "a form, a library call), a parameter or a value computed at run time. Running such work " +
      "in a thread is what sync_to_async is for: the wrapper stays, and the message names what " +
      "it runs. When that function does reach the ORM through code the transform cannot see, " +
      "give it an async form by hand.",
    before:
      "@sync_to_async\ndef upload(image):\n    return boto3.client('s3').upload_fileobj(image, 'bucket', image.name)",
    after: "(unchanged)",
  },
} satisfies Record<string, CodeDoc>;

export type Code = keyof typeof CODES & string;

/** The codes that name an applied rewrite; every other code names what blocks one. */
export type RewriteCode = "AS210" | "AS211" | "AS214";
export type Blocker = Exclude<Code, RewriteCode>;

/** The blocker named in `asyncshift report`'s "blocked by" totals: the code and what it means. */
export const BLOCKER_NAMES: Record<Blocker, string> = {
  AS201: "unproven receiver",
  AS202: "lazy relation",
  AS203: "transaction",
  AS204: "queryset evaluation",
  AS205: "no async API",
  AS206: "database_sync_to_async",
  AS207: "stored wrapper",
  AS208: "manual rewrite",
  AS209: "newer Django",
  AS212: "lazy request.user",
  AS213: "thread_sensitive=False",
  AS215: "no ORM work",
};
