import json
from abc import ABC, abstractmethod


class BaseRecorder(ABC):
    @abstractmethod
    def record(self, event: dict) -> None: ...


class NullRecorder(BaseRecorder):
    def record(self, event: dict) -> None:
        pass


class FileRecorder(BaseRecorder):
    def __init__(self, path: str) -> None:
        self.path = path

    def record(self, event: dict) -> None:
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(json.dumps(event) + "\n")


# Never swapped: the recorder is the one made here, whose record() does nothing.
_recorder: BaseRecorder = NullRecorder()


def record_event(event: dict) -> None:
    _recorder.record(event)
