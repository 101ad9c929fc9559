import dataclasses
from typing import Any, Mapping, TypedDict

from asgiref.sync import sync_to_async
from pydantic import BaseModel

from .models import Invoice


class LinePayload(TypedDict):
    sku: str
    quantity: int


@dataclasses.dataclass
class Totals:
    net: str
    currency: str


class CustomerIn(BaseModel):
    email: str
    name: str


@sync_to_async
def save_lines(invoice_id: int, lines: list[dict[str, Any]], meta: Mapping[str, str]):
    for line in lines:
        Invoice.objects.filter(pk=invoice_id).update(sku=line.get("sku"), note=meta.get("note"))


@sync_to_async
def save_typed(invoice_id, line: LinePayload, totals: "Totals", extra: dict):
    Invoice.objects.filter(pk=invoice_id).update(
        sku=line["sku"].upper(), net=totals.net.strip(), flags=extra.keys()
    )


@sync_to_async
def save_customer(invoice_id, customer: CustomerIn):
    data = customer.model_dump()
    return Invoice.objects.filter(pk=invoice_id).update(email=data.get("email", "").lower())


@dataclasses.dataclass
class Batch:
    invoices: Any
    label: str


@sync_to_async
def close_batch(batch: Batch):
    # A record's field may be a queryset: update() here is not proven a dict's.
    batch.invoices.update(closed=True)
    return Invoice.objects.filter(label=batch.label.strip()).count()
