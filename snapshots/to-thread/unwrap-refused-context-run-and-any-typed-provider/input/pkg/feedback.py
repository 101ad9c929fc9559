import threading
from typing import Protocol, runtime_checkable

_bus_lock = threading.Lock()


@runtime_checkable
class HumanFeedbackProvider(Protocol):
    def request_feedback(self, context, flow): ...


class ConsoleProvider:
    def request_feedback(self, context, flow):
        with _bus_lock:
            print(context)
        return input("feedback: ")
