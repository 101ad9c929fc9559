"""Exchange rates, fetched from the bank's API."""


async def refresh_rates(currency):
    ...
