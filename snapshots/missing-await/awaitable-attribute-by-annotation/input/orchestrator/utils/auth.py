from collections.abc import Awaitable, Callable
from typing import TypeAlias, TypeVar

from pydantic import BaseModel


class AuthContext(BaseModel):
    user: str | None = None
    action: str = "start_workflow"


# Can instead use "type Authorizer = ..." in later Python versions.
T = TypeVar("T", bound=AuthContext)
Authorizer: TypeAlias = Callable[[T], Awaitable[bool]]


async def allow(_context: AuthContext) -> bool:
    return True
