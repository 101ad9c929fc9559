import asyncio

import pytest


@pytest.mark.asyncio
async def test_trace_is_exported(client):
    client.emit("span")
    await asyncio.sleep(1)  # give the exporter a moment
    assert client.exported == 1
