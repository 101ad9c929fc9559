from __future__ import annotations

from typing import List

from flows.user.auth import LoginUser


class UserPayload(LoginUser):
    """Auth-injected user identity used by the endpoints."""

    async def get_visible_tenants(self) -> List[int]:
        return [1]
