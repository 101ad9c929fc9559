import hashlib

import requests
from asgiref.sync import sync_to_async
from asgiref.sync import sync_to_async as s2a
from channels.db import database_sync_to_async
from django.db import models


class Invoice(models.Model):
    customer = models.ForeignKey("auth.User", on_delete=models.CASCADE)
    number = models.CharField(max_length=20)

    def render_pdf(self):
        return b"%PDF"

    # A class attribute: the wrapper is stored, its calls are elsewhere.
    arender_pdf = sync_to_async(render_pdf)

    async def customer_of(self):
        # The ForeignKey read is the whole body: fetched by its key and cached, as Django does.
        if self.customer_id is not None and not Invoice.customer.is_cached(self):
            self.customer = await Invoice.customer.get_queryset(instance=self).aget(pk=self.customer_id)
        return self.customer


def _invoice_total(pk):
    return Invoice.objects.filter(pk=pk).count()


# Stored at module level: its callers await it elsewhere.
invoice_total = sync_to_async(_invoice_total)


@database_sync_to_async
def checksum(data: bytes):
    return hashlib.sha256(data).hexdigest()


async def fetch_rates(url):
    # A library call with no async form here: a thread is right.
    response = await sync_to_async(requests.get)(url, timeout=5)
    return response.json()


async def run_blocking(func, *args):
    # A parameter: what it runs is the caller's choice.
    return await s2a(func)(*args)


async def slow_hash(data):
    return await sync_to_async(lambda: hashlib.sha1(data).hexdigest())()


async def parallel_hash(data):
    return await sync_to_async(thread_sensitive=False)(checksum_sync)(data)


def checksum_sync(data):
    return hashlib.md5(data).hexdigest()
