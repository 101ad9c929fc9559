"""Views whose asyncio.run calls are known and accepted (reviewed in PR 412)."""

import asyncio

from myapp.client import fetch_prices, warm_cache


async def refresh(request):
    asyncio.run(warm_cache())  # asyncshift: ignore[AS102]
    asyncio.run(  # asyncshift: ignore[as102, AS101]
        fetch_prices(
            request.user.pk,  # the user's own prices
        )
    )
    asyncio.run(fetch_prices(0))  # asyncshift: ignore
    asyncio.run(fetch_prices(1))  # asyncshift: ignore[AS104]
    note = "# asyncshift: ignore"; asyncio.run(fetch_prices(2))
    return "café"
