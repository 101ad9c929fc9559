from __future__ import annotations

from typing import Any


class Mem0ServiceClient:
    def __init__(self, config: dict[str, Any] | None = None, client: Any | None = None) -> None:
        if client is not None:
            self.mem0 = client
            return
        try:
            from mem0 import Memory
        except ImportError as err:  # pragma: no cover
            raise ImportError("pip install 'strands-mem0'") from err
        self.mem0 = Memory.from_config(config or {})

    def store_memory(self, content: str, scope: dict[str, str]) -> Any:
        return self.mem0.add(content, infer=False, **scope)
