import { describe, expect, it } from "vitest";
import { outlineOf } from "../../src/python/outline.js";
import { REFERENCE } from "../../src/python/outline-references.js";
import { packOutline } from "../../src/python/packed-outline.js";
import { unpackOutline } from "../helpers/outline.js";

const SOURCE = `"""Module docstring with def fake(): pass"""
import asyncio
from asgiref.sync import sync_to_async

@shared_task(bind=True)
@other . deco
def sync_batch(self, batch_id):
    asyncio.run(sync_remote(batch_id, retries=3))
    x = "def not_a_function(): call()"

class Service(Base):
    async def fetch(self):
        data = await self.client.get(
            "url",
        )
        def inner():
            return helper( 1 )
        return await sync_to_async(self.save)()

    @sync_to_async
    def _process(self): Order.objects.update_or_create(a=1)

def after(): pass
`;

describe("outlineOf: patches", () => {
  it("reads the targets of patch() and patch.object() calls, decorators included", () => {
    const outline = outlineOf(`from unittest import mock
from unittest.mock import patch


@patch("billing.tasks.asyncio.run")
def test_task(run):
    with mock.patch.object(tasks.asyncio, "run") as fake, mocker.patch(target="asyncio.run"):
        pass
`);
    expect(outline.patches).toEqual([
      { target: "billing.tasks.asyncio.run", line: 5 },
      { target: "tasks.asyncio", attribute: "run", line: 7 },
      { target: "asyncio.run", line: 7 },
    ]);
  });
});

describe("outlineOf", () => {
  const outline = outlineOf(SOURCE);
  it("finds defs with their class, decorators, async-ness and line, not those in strings", () => {
    expect(
      outline.functions.map((f) => [f.name, f.className, f.async, f.decorators, f.line, f.parent]),
    ).toEqual([
      ["sync_batch", undefined, false, ["shared_task", "other.deco"], 7, undefined],
      ["fetch", "Service", true, [], 12, undefined],
      ["inner", undefined, false, [], 16, 1],
      ["_process", "Service", false, ["sync_to_async"], 21, undefined],
      ["after", undefined, false, [], 23, undefined],
    ]);
  });
  it("finds calls with their callee, line, await and enclosing def", () => {
    expect(outline.calls.map((c) => [c.callee, c.line, c.awaited, c.within])).toEqual([
      ["shared_task", 5, false, undefined],
      ["asyncio.run", 8, false, 0],
      ["sync_remote", 8, false, 0],
      ["self.client.get", 13, true, 1],
      ["helper", 17, false, 2],
      ["sync_to_async", 18, true, 1],
      ["Order.objects.update_or_create", 21, false, 3],
    ]);
  });

  it("marks the innermost call that is handed request.user (a lazy object) itself", () => {
    const calls = outlineOf(
      [
        "async def view(request, pk):",
        "    if await open_orders_for(",
        "        request . user,  # lazy",
        "    ) > 5:",
        "        log(str(self.request.user.pk), pk)",
        "    count(request.user_id, [request.session])",
        "    total(user=request.GET.get('user'))",
        "    keep(dict(owner=self.request.user))",
      ].join("\n"),
    ).calls;
    expect(calls.map((c) => [c.callee, c.passesUser])).toEqual([
      ["open_orders_for", true],
      ["log", undefined],
      ["str", undefined],
      ["count", undefined],
      ["total", undefined],
      ["request.GET.get", undefined],
      ["keep", undefined],
      ["dict", true],
    ]);
  });
});

describe("outlineOf: what the scanner reads character by character", () => {
  it("reads names beyond ASCII, keyword heads with any space, string prefixes and escapes", () => {
    const outline = outlineOf(
      [
        "class Küche(Base):",
        "    async\tdef räumen(self):",
        '        x = rb\'it\\\'s (not) a call(\' + f"""a "" (b("""',
        "        return größe ( 1 ) + naïve_2()",
        "    def\u00a0odd(self): pass",
        "@ app . task",
        "def after(): y = 'one \\",
        "two (no call)'; done()",
        "defx()",
      ].join("\n"),
    );
    // A no-break space after `def` is not a def head (the name is read after spaces and tabs
    // only): `odd(self)` reads as a call, as it always has.
    expect(outline.functions.map((f) => [f.name, f.className, f.async, f.decorators])).toEqual([
      ["räumen", "Küche", true, []],
      ["after", undefined, false, ["app.task"]],
    ]);
    expect(outline.calls.map((c) => [c.callee, c.line])).toEqual([
      ["größe", 4],
      ["naïve_2", 4],
      ["odd", 5],
      ["done", 8],
      ["defx", 9],
    ]);
  });
});

describe("outlineOf: references that are not calls (issue 22, item 3)", () => {
  const SOURCE = [
    "import json",
    "import shop.services",
    "import shop.tasks as task_module",
    "from django.urls import path",
    "from concurrent.futures import ThreadPoolExecutor",
    "from .stock import (  # what the pool runs",
    "    restock,",
    "    recount as count_again,",
    ")",
    "from shop.signals import on_paid, \\",
    "    on_refund",
    "from shop.legacy import *",
    "",
    "POOL = ThreadPoolExecutor()",
    "",
    "def later(pk):",
    "    POOL.submit(restock, pk)",
    "    count_again(pk)",
    "    executor.map(shop.services.charge, [pk])",
    "    task_module.send_receipt.delay(pk)",
    "    getattr(task_module, 'cleanup')()",
    '    getattr(self, "handle_paid")',
    "    signal.connect(receiver=on_paid)",
    "    json.dumps(pk)",
    "    handlers = [on_refund, self.on_void]",
    "    return self.on_void.__name__",
    "",
    "urlpatterns = [path('restock/', restock_view), path('x/', 'shop.views.index')]",
    "BEAT = {'task': 'shop.tasks:nightly'}",
    "__all__ = [",
    "    'later',",
    '    "POOL",',
    "    'restock',",
    "]",
  ].join("\r\n");

  it("records imported names handed on, getattr, __all__, dotted strings and star imports; not calls", () => {
    const outline = outlineOf(SOURCE);
    expect(outline.references).toEqual([
      { kind: REFERENCE.star, text: "shop.legacy", line: 12 },
      { kind: REFERENCE.value, text: ".stock.restock", line: 17 },
      { kind: REFERENCE.value, text: "shop.services.charge", line: 19 },
      { kind: REFERENCE.value, text: "shop.tasks.send_receipt.delay", line: 20 },
      { kind: REFERENCE.getattr, text: "shop.tasks.cleanup", line: 21 },
      // The module itself, handed to getattr: no function has its name.
      { kind: REFERENCE.value, text: "shop.tasks", line: 21 },
      { kind: REFERENCE.getattrAny, text: "handle_paid", line: 22 },
      { kind: REFERENCE.value, text: "shop.signals.on_paid", line: 23 },
      { kind: REFERENCE.value, text: "shop.signals.on_refund", line: 25 },
      { kind: REFERENCE.attribute, text: "on_void", line: 25 },
      { kind: REFERENCE.attribute, text: "__name__", line: 26 },
      { kind: REFERENCE.path, text: "shop.views.index", line: 28 },
      { kind: REFERENCE.path, text: "shop.tasks.nightly", line: 29 },
      { kind: REFERENCE.exported, text: "later", line: 31 },
      { kind: REFERENCE.exported, text: "POOL", line: 32 },
      { kind: REFERENCE.exported, text: "restock", line: 33 },
    ]);
    // Reading the imports past keeps every line number and call as before.
    expect(outline.functions.map((f) => [f.name, f.line])).toEqual([["later", 16]]);
    expect(outline.calls.map((c) => `${c.callee}@${c.line}`)).toEqual([
      "ThreadPoolExecutor@14",
      "POOL.submit@17",
      "count_again@18",
      "executor.map@19",
      "task_module.send_receipt.delay@20",
      "getattr@21",
      "getattr@22",
      "signal.connect@23",
      "json.dumps@24",
      "path@28",
      "path@28",
    ]);
  });

  it("packs and unpacks them", () => {
    const outline = outlineOf(SOURCE);
    expect(unpackOutline(packOutline(outline))).toEqual(outline);
  });
});

describe("outlineOf: a test replacing a method (orm-review W1)", () => {
  it("records setattr, monkeypatch.setattr and an assigned lambda or mock as patches", () => {
    const outline = outlineOf(
      [
        "def test_finish(monkeypatch, mocker):",
        "    runner.mark_done = lambda job_id: seen.append(job_id)",
        '    monkeypatch.setattr(runner, "mark_failed", fake)',
        '    monkeypatch.setattr("jobs.runner.Runner.retry", fake)',
        '    setattr(runner, "cleanup", None)',
        "    runner.notify = mock.MagicMock()",
        "    runner.status = 'done'",
        "    self.helper = lambda: None",
        "    if runner.count == 1: pass",
      ].join("\n"),
    );
    expect(outline.patches).toEqual([
      { target: "runner", attribute: "mark_done", line: 2 },
      { target: "runner", attribute: "mark_failed", line: 3 },
      { target: "jobs.runner.Runner.retry", line: 4 },
      { target: "runner", attribute: "cleanup", line: 5 },
      { target: "runner", attribute: "notify", line: 6 },
    ]);
    // Each is a reference that is not a call too (an assigned attribute, a name set).
    expect(outline.references?.map((r) => r.text)).toEqual([
      "mark_done",
      "mark_failed",
      "jobs.runner.Runner.retry",
      "cleanup",
      "notify",
      "status",
      "helper",
    ]);
  });
});

describe("outlineOf: what the typed survey starts from (issue 25)", () => {
  const source = `"""from shop.docs import not_an_import"""
from typing import TYPE_CHECKING
import shop.api
import shop.views as views
from . import models
from .perms import may_edit as can_edit, is_staff
from shop.all import *
if TYPE_CHECKING: from shop.clients import Client
x = 1; import other.late

Hook = Callable[[int], Awaitable[bool]]


def make(
    name: str,
) -> Optional[Client]:
    def inner() -> Nested:
        import shop.local
    return Client(name)


async def fetch() -> "Client": ...


class Service:
    def method(self) -> Skipped:
        pass
`;

  it("records what imports bind, renames, awaitable types and module-level return annotations", () => {
    const outline = outlineOf(source);
    expect(outline.imports).toEqual([
      "typing.TYPE_CHECKING",
      "shop",
      "shop.views",
      ".models",
      ".perms.may_edit as can_edit",
      ".perms.is_staff",
      "shop.all.*",
      "shop.clients.Client",
      "other",
    ]);
    expect(outline.awaitableTypes).toBe(true);
    expect({ ...outline.returns }).toEqual({ make: "Optional[Client]", fetch: '"Client"' });
    expect(outlineOf("x: Coroutine = None\n").awaitableTypes).toBe(true);
    expect(outlineOf('"""Awaitable"""\n# Coroutine\n').awaitableTypes).toBeUndefined();
  });

  it("reads the rest of the file as it did", () => {
    const plain = outlineOf(source.replace("x = 1; import other.late", "x = 1"));
    const withImport = outlineOf(source);
    expect(withImport.calls).toEqual(plain.calls);
    expect(withImport.references?.filter((r) => r.line !== 9)).toEqual(plain.references);
  });

  it("packs them", () => {
    const packed = packOutline(outlineOf(source));
    expect(packed.i).toContain("shop.views");
    expect(packed.a).toBe(1);
    expect(packed.t).toEqual({ make: "Optional[Client]", fetch: '"Client"' });
  });
});
