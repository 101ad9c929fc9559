import asyncio

import requests
from django.http import JsonResponse

from shop.search import search_client


def render_invoice(invoice_id):
    return invoice_id


class InvoiceView:
    def _query(self, invoice_id):
        return requests.get(f"https://billing.example.com/invoices/{invoice_id}").json()

    async def get(self, request, invoice_id):
        data = await asyncio.to_thread(self._query, invoice_id)
        hits = await asyncio.to_thread(self.search.query, invoice_id)
        return JsonResponse({"data": data, "hits": hits})


async def invoice_detail(request, invoice_id, fetcher):
    def _query():
        return requests.get(f"https://billing.example.com/invoices/{invoice_id}").json()

    data = await asyncio.to_thread(_query)
    pdf = await asyncio.to_thread(render_invoice, invoice_id)
    hits = await asyncio.to_thread(search_client.query, invoice_id)
    extra = await asyncio.to_thread(fetcher, invoice_id)
    return JsonResponse({"data": data, "pdf": pdf, "hits": hits, "extra": extra})
