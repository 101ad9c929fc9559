from concurrent.futures import ThreadPoolExecutor

from shop.stock import restock

# Restocking runs beside the request; the pool calls restock(pk, amount) in a thread.
POOL = ThreadPoolExecutor(max_workers=4)


def restock_later(pk, amount=10):
    return POOL.submit(restock, pk, amount)
