# Python 2 module kept for the old cron box: CPython 3 cannot compile it.
import asyncio

from shop.clients import fetch_rates


def export_rates():
    rates = asyncio.run(fetch_rates("EUR"))
    print "exported", len(rates)
    exec "x = 1"
    return rates
