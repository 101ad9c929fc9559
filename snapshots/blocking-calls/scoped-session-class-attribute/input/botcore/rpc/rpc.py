from typing import Any

from botcore.persistence import PairLock, Trade


class RPCHandler:
    def __init__(self, rpc: "RPC", config: dict[str, Any]) -> None:
        self._rpc = rpc
        self._config = config


class RPC:
    def _rpc_trade_status(self) -> list[dict[str, Any]]:
        return [{"id": t.id, "pair": t.pair} for t in Trade.get_trades(Trade.is_open.is_(True))]

    def _rpc_locks(self, pair: str) -> dict[str, Any]:
        locks = PairLock.query_pair_locks(pair)
        return {"lock_count": len(locks)}

    def _rpc_version(self) -> dict[str, str]:
        return {"version": "2024.11"}
