from asgiref.sync import sync_to_async

from inventory import stock


async def restock_from_message(message: dict) -> None:
    sku = message["sku"]

    def restock_blocking() -> None:
        # The amount comes from the scanner's payload.
        stock.restock(stock.normalized(sku), int(message["amount"]))

    await sync_to_async(restock_blocking)()


async def restock_inline(sku: str, amount: int) -> None:
    await sync_to_async(lambda: stock.restock(sku, amount))()


async def owned_by_requester(request) -> int:
    # request.user is lazy: it must load in the thread, not on the loop.
    return await sync_to_async(lambda: stock.owned_count(request.user))()


async def label_for(sku: str) -> str:
    def label_blocking() -> str:
        return stock.normalized(sku)

    return await sync_to_async(label_blocking)()


async def label_inline(sku: str) -> str:
    return await sync_to_async(lambda: stock.normalized(sku))()


async def restock_line(line) -> None:
    # line.item may be a relation, read in the thread: not moved onto the loop.
    await sync_to_async(lambda: stock.restock(line.item.sku, 1))()
