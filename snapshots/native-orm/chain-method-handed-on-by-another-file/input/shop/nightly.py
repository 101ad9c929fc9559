from concurrent.futures import ThreadPoolExecutor

from shop.inventory import Inventory


def recount_all(warehouse_ids):
    with ThreadPoolExecutor(max_workers=4) as pool:
        for warehouse_id in warehouse_ids:
            inventory = Inventory(warehouse_id)
            # The bound method runs in a thread: it must stay a plain method.
            pool.submit(inventory.recount)
