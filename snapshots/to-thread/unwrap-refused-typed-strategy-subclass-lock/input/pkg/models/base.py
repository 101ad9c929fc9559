from abc import ABC, abstractmethod
from time import sleep
from typing import Any, Dict, List


class ModelProviderError(Exception):
    pass


class Model(ABC):
    def __init__(self, id: str, retries: int = 2, delay_between_retries: int = 1):
        self.id = id
        self.retries = retries
        self.delay_between_retries = delay_between_retries

    @abstractmethod
    def invoke(self, messages: List[Dict[str, Any]]) -> Dict[str, Any]: ...

    def _invoke_with_retry(self, **kwargs) -> Dict[str, Any]:
        for attempt in range(self.retries + 1):
            try:
                return self.invoke(**kwargs)
            except ModelProviderError:
                if attempt < self.retries:
                    sleep(self.delay_between_retries * 2**attempt)
                else:
                    raise
        raise ModelProviderError("unreachable")

    def response(self, messages: List[Dict[str, Any]]) -> Dict[str, Any]:
        return self._invoke_with_retry(messages=messages)
