# MaxKB's chat node (hazard-review-7 Y1): a sync generator steps one async generator on a loop it
# made; each step must run on that loop (the MCP client's streams were opened there).
import asyncio
import logging

from django.conf import settings

logger = logging.getLogger(__name__)


async def _yield_mcp_response(client, message_list):
    tools = await client.get_tools()
    async for chunk in client.astream(tools, message_list):
        yield chunk


async def anext_async(agen):
    return await agen.__anext__()


def mcp_response_generator(client, message_list):
    loop = asyncio.new_event_loop()
    try:
        async_gen = _yield_mcp_response(client, message_list)
        while True:
            try:
                chunk = loop.run_until_complete(anext_async(async_gen))
                yield chunk
            except StopAsyncIteration:
                break
    except Exception:
        logger.exception("mcp stream failed")
    finally:
        loop.close()


async def _warm_up(client):
    return await client.get_tools()


def warm_up_once(client):
    # One run on a loop made for it: async_to_sync does the same.
    loop = asyncio.new_event_loop()
    try:
        return loop.run_until_complete(_warm_up(client))
    finally:
        loop.close()
