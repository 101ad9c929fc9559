from typing import Any, Dict

from mem0.memory.storage import SQLiteManager


class Memory:
    def __init__(self, config: Dict[str, Any]):
        self.config = config
        self.db = SQLiteManager(config.get("history_db_path", ":memory:"))

    @classmethod
    def from_config(cls, config_dict: Dict[str, Any]):
        return cls(config_dict)

    def add(self, messages, *, infer: bool = True, **scope):
        memory_id = str(len(messages))
        self.db.add_history(memory_id, "", str(messages))
        return {"results": [{"id": memory_id}]}
