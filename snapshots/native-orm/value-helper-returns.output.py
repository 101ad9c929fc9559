import json

from asgiref.sync import sync_to_async

from .models import Invoice


def parse_payload(raw):
    """Decode the webhook body: no database here."""
    if not raw:
        return {}
    return json.loads(raw)["data"]


def invoice_key(node):
    return f"{node['series']}-{node['number']}"


def current_invoice(pk):
    return Invoice.objects.get(pk=pk)


async def store(raw):
    payload = parse_payload(raw)
    for node in payload.get("invoices", []):
        key = invoice_key(node)
        await Invoice.objects.aupdate_or_create(key=key.upper(), defaults={"total": node.get("total")})


@sync_to_async
def touch(pk):
    # current_invoice() returns a model instance: not a plain value.
    invoice = current_invoice(pk)
    invoice.touch()
