import asyncio
import time

from fastapi import APIRouter, Depends

from shop.deps import get_db

router = APIRouter()


@router.get("/orders/{order_id}/wait")
@some_cache(ttl=30)
async def wait_for_order(order_id: int, db=Depends(get_db)):
    await asyncio.to_thread(time.sleep, 0.2)
    row = await asyncio.to_thread(db.fetch_order, order_id)
    return row
