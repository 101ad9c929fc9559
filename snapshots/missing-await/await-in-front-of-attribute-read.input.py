import aiohttp
from asgiref.sync import sync_to_async

from ostree.app.models import OstreeCommit


async def fetch_json(session: aiohttp.ClientSession, url: str) -> dict:
    return {"url": url}


async def load_head(checksum: str) -> dict:
    return {"checksum": checksum, "parents": []}


async def parent_of(ref_commit_checksum):
    # `.parent_commit` is read on the wrapper's coroutine, before `await`.
    parent_commit = await sync_to_async(OstreeCommit.objects.get)(
        checksum=ref_commit_checksum,  # the ref's own commit
    ).parent_commit
    return parent_commit


async def first_parent(checksum):
    return await load_head(checksum)["parents"][0]


async def title_of(session, url):
    # Not an await in front: awaited where it is made.
    data = (await fetch_json(session, url)).get("title")
    return data
