from typing import Any, Optional

from botcore.persistence import Trade
from botcore.rpc import RPC, RPCHandler


class Telegram(RPCHandler):
    def __init__(self, rpc: RPC, config: dict[str, Any]) -> None:
        super().__init__(rpc, config)

    async def _status(self, update, context) -> None:
        results = self._rpc._rpc_trade_status()
        await update.message.reply_text(str(results))

    async def _locks(self, update, context) -> None:
        locks = self._rpc._rpc_locks(context.args[0])
        await update.message.reply_text(f"{locks['lock_count']} locks")

    async def _version(self, update, context) -> None:
        # No database: nothing to report.
        await update.message.reply_text(self._rpc._rpc_version()["version"])

    async def _force_exit_inline(self, update, context) -> None:
        trade_id = update.callback_query.data.split("__")[1]
        trade: Optional[Trade] = Trade.get_trades(trade_filter=Trade.id == trade_id).first()
        await update.callback_query.answer(str(trade))


class Webhook:
    def __init__(self, rpc: RPC) -> None:
        self._rpc = rpc

    async def send_status(self) -> None:
        for status in self._rpc._rpc_trade_status():
            print(status)
