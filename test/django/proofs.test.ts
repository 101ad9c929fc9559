import { describe, expect, it } from "vitest";
import { parsePython } from "../../src/syntax/parse.js";
import { OrmProofs, asyncTwinOfOrmCall } from "../../src/django/orm.js";
import { modelClassesIn } from "../helpers/models.js";
import { factsOfFile, projectFacts } from "../../src/project/project-facts.js";
import type { SyntaxNode } from "../../src/model/types.js";

const SOURCE = `from django.db import models
from django.shortcuts import get_object_or_404
from shop.models import Customer


class Stamped(models.Model):
    owner = models.ForeignKey("auth.User", on_delete=models.CASCADE)


class Order(Stamped):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    tags = models.ManyToManyField("Tag")
    open_orders = OpenManager()


def view(request, pk, given: "Order", maybe: Order | None, other):
    qs = Order.objects.filter(open=True)
    qs = qs.exclude(pk=0).select_related("customer")
    order = Order.objects.select_related("customer").get(pk=pk)
    obj, created = Order.open_orders.get_or_create(pk=pk)
    found = get_object_or_404(Order, pk=pk)
    fresh = Order(pk=1)
    rows = Order.objects.values("pk")
    c = Customer.objects.first()
    for loop in qs:
        pass
    maybe_qs = other.filter(x=1)
    locked = Order.objects.select_for_update()
    return [qs, order, obj, found, fresh, rows, c, loop, maybe_qs, locked, given, maybe, other, order.tags, qs.raw("x")]
`;

function lastReturnItems(root: SyntaxNode): SyntaxNode[] {
  const ret = root.descendantsOfType("return_statement").pop()!;
  return ret.namedChildren[0].namedChildren;
}

describe("model pre-pass", () => {
  it("resolves bases declared in the same file and inherits relations", () => {
    const models = modelClassesIn(parsePython(SOURCE).rootNode);
    expect(Object.keys(models).sort()).toEqual(["Order", "Stamped"]);
    expect(models.Order.relations).toEqual(["customer", "owner"]);
    expect(models.Order.managers).toEqual(["open_orders"]);
    expect(models.Order.manyToMany).toEqual(["tags"]);
  });

  it("resolves bases declared in another file", () => {
    const base = factsOfFile("from django.db import models\nclass Base(models.Model):\n    pass\n");
    const child = factsOfFile("from .base import Base\nclass Item(Base):\n    pass\n");
    const project = projectFacts({ usesDjango: true, usesAsgiref: false }, [
      { path: "child.py", facts: child },
      { path: "base.py", facts: base },
    ]);
    expect(Object.keys(project.models).sort()).toEqual(["Base", "Item"]);
  });
});

describe("OrmProofs", () => {
  const root = parsePython(SOURCE).rootNode;
  const models = modelClassesIn(root);
  const proofs = new OrmProofs({ usesDjango: true, usesAsgiref: false, models });
  const [
    qs,
    order,
    obj,
    found,
    fresh,
    rows,
    c,
    loop,
    maybeQs,
    locked,
    given,
    maybe,
    other,
    tags,
    raw,
  ] = lastReturnItems(root);

  it("proves querysets through chains and reassignment", () => {
    expect(proofs.querysetOf(qs)?.model).toBe("Order");
    expect(proofs.querysetOf(rows)?.yieldsInstances).toBe(false);
    expect(proofs.querysetOf(maybeQs)).toBeUndefined();
    expect(proofs.querysetOf(locked)?.locksRows).toBe(true);
    expect(proofs.querysetOf(tags)?.model).toBe("");
    expect(proofs.querysetOf(raw)).toBeUndefined();
  });

  it("proves model instances and what they selected", () => {
    expect(proofs.instanceOf(order)).toEqual({ model: "Order", selected: new Set(["customer"]) });
    expect(proofs.instanceOf(obj)?.model).toBe("Order");
    expect(proofs.instanceOf(found)?.model).toBe("Order");
    expect(proofs.instanceOf(fresh)?.model).toBe("Order");
    expect(proofs.instanceOf(c)?.model).toBe("Customer");
    expect(proofs.instanceOf(loop)?.model).toBe("Order");
    expect(proofs.instanceOf(given)?.model).toBe("Order");
    expect(proofs.instanceOf(maybe)?.model).toBe("Order");
    expect(proofs.instanceOf(other)).toBeUndefined();
    expect(proofs.instanceOf(rows)).toBeUndefined();
  });

  it("names the native async twin of one ORM call, once the receiver is proven", () => {
    const twin = (receiver: SyntaxNode, method: string) => {
      const found = asyncTwinOfOrmCall(proofs, receiver, method);
      return found && { receiver: found.receiver, twin: found.twin?.async, certain: found.certain };
    };
    expect(twin(qs, "count")).toEqual({ receiver: "queryset", twin: "acount", certain: true });
    expect(twin(qs, "as_manager")).toEqual({
      receiver: "queryset",
      twin: undefined,
      certain: true,
    });
    expect(twin(tags, "add")).toEqual({ receiver: "queryset", twin: "aadd", certain: true });
    expect(twin(order, "save")).toEqual({ receiver: "instance", twin: "asave", certain: true });
    expect(twin(order, "check_password")).toEqual({
      receiver: "instance",
      twin: "acheck_password",
      certain: false,
    });
    expect(asyncTwinOfOrmCall(proofs, locked, "get")?.proof).toMatchObject({ locksRows: true });
    expect(twin(other, "save")).toBeUndefined();
  });
});
