import asyncio
from functools import wraps
from typing import Any, Callable, Optional

from freqtrade.rpc.rpc import RPC, RPCHandler


def safe_async_db(func: Callable[..., Any]):
    """Decorator to safely handle sessions when switching async context"""

    @wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        finally:
            pass

    return wrapper


class Telegram(RPCHandler):
    def __init__(self, rpc: RPC, config: dict) -> None:
        super().__init__(rpc, config)

    async def _force_exit_action(self, trade_id: str):
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(None, safe_async_db(self._rpc._rpc_force_exit), trade_id)

    async def _force_enter_action(self, pair: str, price: Optional[float]):
        @safe_async_db
        def _force_enter():
            self._rpc._rpc_force_entry(pair, price)

        loop = asyncio.get_running_loop()
        # Workaround to avoid nested loops
        await loop.run_in_executor(None, _force_enter)
