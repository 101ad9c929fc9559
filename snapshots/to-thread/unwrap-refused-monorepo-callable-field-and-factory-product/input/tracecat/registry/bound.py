from typing import Any, Callable

from pydantic import BaseModel


class BoundRegistryAction(BaseModel):
    fn: Callable[..., Any]
    action: str
    is_async: bool = False
