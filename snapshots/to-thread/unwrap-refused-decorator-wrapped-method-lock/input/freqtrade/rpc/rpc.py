from typing import Optional

from freqtrade.freqtradebot import FreqtradeBot


class RPC:
    def __init__(self, freqtrade: FreqtradeBot) -> None:
        self._freqtrade = freqtrade

    def _rpc_force_exit(self, trade_id: str) -> dict:
        with self._freqtrade._exit_lock:
            self._freqtrade.execute_trade_exit(trade_id)
        return {"result": f"Created exit order for trade {trade_id}."}

    def _rpc_force_entry(self, pair: str, price: Optional[float]) -> None:
        with self._freqtrade._exit_lock:
            self._freqtrade.execute_entry(pair, price)


class RPCHandler:
    def __init__(self, rpc: "RPC", config: dict) -> None:
        self._rpc = rpc
        self._config = config
