from threading import Lock


class FreqtradeBot:
    def __init__(self, config: dict) -> None:
        self.config = config
        # Protect exit-logic from forcesell and vice versa
        self._exit_lock = Lock()

    def process(self) -> None:
        with self._exit_lock:
            self.exit_positions()

    def exit_positions(self) -> None:
        pass

    def execute_trade_exit(self, trade_id: str) -> None:
        pass

    def execute_entry(self, pair: str, price: float | None) -> None:
        pass
