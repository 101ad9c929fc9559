import { describe, expect, it } from "vitest";
import { inventoryOfSource, kindsCountingSkipped, totalsOf } from "../../src/inventory/index.js";
import { formatInventoryText } from "../../src/report/inventory.js";
import { parsePython } from "../../src/syntax/parse.js";
import { FileSemantics } from "../../src/python/semantics.js";
import { factsOfFile, projectFacts } from "../../src/project/project-facts.js";
import type { Context, TransformSite } from "../../src/model/types.js";
import { TRANSFORMS } from "../../transforms/index.js";
import { transform } from "../../transforms/native-orm/index.js";

const MODELS = `from django.db import models

class Order(models.Model):
    customer = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    status = models.CharField(max_length=10)
`;

const VIEWS = `from asgiref.sync import sync_to_async
from django.db import transaction

from .models import Order

count_orders = sync_to_async(Order.objects.count)


async def order_api(pk):
    order = await sync_to_async(Order.objects.get)(pk=pk)
    orders = await sync_to_async(list)(Order.objects.filter(status="new"))
    n = Order.objects.count()
    if Order.objects.filter(status="new"):
        pass
    return order, orders, n


@sync_to_async
def open_count(user):
    return Order.objects.filter(customer=user).count()


@sync_to_async
def pay(pk):
    with transaction.atomic():
        Order.objects.select_for_update().get(pk=pk)


@sync_to_async
def hashing(data):
    return sum(data)
`;

function contextFor(unsafeFixes = false): Context {
  const project = projectFacts({ usesDjango: true, usesAsgiref: true }, [
    { path: "app/models.py", facts: factsOfFile(MODELS) },
  ]);
  return {
    options: { unsafeFixes, django: false, settings: {} },
    project,
  };
}

function sitesOf(source: string, ctx = contextFor()): TransformSite[] {
  return transform(new FileSemantics("app/views.py", source, parsePython(source)), ctx).sites ?? [];
}

/** "kind context [detail] line" for each site, in source order. */
function described(source: string, sites: TransformSite[]): string[] {
  return sites
    .map((s) => ({ ...s, line: source.slice(0, s.start).split("\n").length }))
    .sort((a, b) => a.start - b.start)
    .map((s) => [s.kind, s.context, s.detail, s.line].filter((x) => x !== undefined).join(" "));
}

describe("native-orm sites for `asyncshift report`", () => {
  it("classes wrappers (a-e, g) and sync ORM calls in async def as convertible or blocked", () => {
    expect(described(VIEWS, sitesOf(VIEWS))).toEqual([
      "sync_to_async blocked AS207 stored wrapper 6",
      "sync_to_async convertible 10",
      "sync_to_async convertible 11",
      "sync-orm-call convertible 12",
      "sync-orm-call blocked AS204 queryset evaluation 13",
      "sync_to_async convertible 18",
      "sync_to_async blocked AS203 transaction 23",
      "sync_to_async kept AS215 no ORM work 29",
    ]);
  });

  it("reports sites when nothing is rewritten, and none for a file without ORM work", () => {
    const unproven =
      "from asgiref.sync import sync_to_async\n\n@sync_to_async\ndef f(doc):\n    doc.save()\n";
    expect(described(unproven, sitesOf(unproven))).toEqual([
      "sync_to_async blocked AS201 unproven receiver 3",
    ]);
    // The rewrite is an unsafe fix: the engine applies it with --unsafe-fixes, the transform
    // never reads the flag, so the site counts as blocked by what makes it unsafe either way.
    expect(described(unproven, sitesOf(unproven, contextFor(true)))).toEqual([
      "sync_to_async blocked AS201 unproven receiver 3",
    ]);
    expect(sitesOf("import os\n")).toEqual([]);
  });

  it("returns an empty site list when the project has no Django", () => {
    const ctx = contextFor();
    ctx.project = { ...ctx.project, usesDjango: false };
    const result = transform(new FileSemantics("a.py", VIEWS, parsePython(VIEWS)), ctx);
    expect(result.sites).toEqual([]);
  });

  it("is counted by the inventory: no transform is left silent", () => {
    const silent = new Set<string>();
    const file = inventoryOfSource("app/views.py", VIEWS, TRANSFORMS, contextFor(), {}, silent);
    expect([...silent]).toEqual([]);
    expect(file.sites.filter((s) => s.transform === "native-orm")).toHaveLength(8);
  });

  it("shows the wrapper coverage in the report: sites, converted, explained", () => {
    const file = inventoryOfSource("app/views.py", VIEWS, TRANSFORMS, contextFor(), {}, new Set());
    const totals = totalsOf([file], kindsCountingSkipped(TRANSFORMS));
    const inventory = { files: [file], totals, silentTransforms: [] };
    expect(formatInventoryText(inventory, TRANSFORMS, false)).toContain(
      "sync_to_async sites: 6; converted 3; explained 3\n",
    );
  });
});
