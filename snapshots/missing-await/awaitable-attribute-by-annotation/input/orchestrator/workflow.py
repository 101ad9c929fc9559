from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn, Protocol, runtime_checkable

from orchestrator.utils.auth import Authorizer

RunPredicate = Callable[..., bool]


@runtime_checkable
class Workflow(Protocol):
    name: str
    description: str
    authorize_callback: Authorizer
    retry_auth_callback: Authorizer
    run_predicate: RunPredicate | None = None

    def __call__(self) -> NoReturn: ...
