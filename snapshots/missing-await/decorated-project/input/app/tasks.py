"""Rate tasks, each decorated: what the decorator makes of an async def is its own."""
from asgiref.sync import async_to_sync
from celery import Celery
import typing

app = Celery("rates")


@async_to_sync
async def refresh_rates():
    ...


@app.task
async def prune():
    ...


@typing.override
async def rotate():
    ...
