from typing import TYPE_CHECKING, Any, Dict, Optional, Union

from pkg.run.cancellation_management.base import BaseRunCancellationManager
from pkg.exceptions import RunCancelledException

# Defer the import error until the class is used
try:
    from redis import Redis, RedisCluster
    from redis.asyncio import Redis as AsyncRedis
except ImportError:
    if TYPE_CHECKING:
        from redis import Redis, RedisCluster
        from redis.asyncio import Redis as AsyncRedis
    else:
        Redis = Any
        RedisCluster = Any
        AsyncRedis = Any


class RedisRunCancellationManager(BaseRunCancellationManager):
    def __init__(
        self,
        redis_client: Optional[Union[Redis, RedisCluster]] = None,
        async_redis_client: Optional[AsyncRedis] = None,
        key_prefix: str = "agno:run:cancellation:",
    ) -> None:
        self.redis_client = redis_client
        self.async_redis_client = async_redis_client
        self.key_prefix = key_prefix

    def _ensure_sync_client(self) -> Union[Redis, RedisCluster]:
        """Ensure sync client is available."""
        if self.redis_client is None:
            raise RuntimeError("Sync Redis client not provided.")
        return self.redis_client

    def _get_key(self, run_id: str) -> str:
        return f"{self.key_prefix}{run_id}"

    def is_cancelled(self, run_id: str) -> bool:
        client = self._ensure_sync_client()
        value = client.get(self._get_key(run_id))
        # Redis returns bytes, handle both bytes and str
        return value in (b"1", "1")

    async def ais_cancelled(self, run_id: str) -> bool:
        value = await self.async_redis_client.get(self._get_key(run_id))
        return value in (b"1", "1")

    def raise_if_cancelled(self, run_id: str) -> None:
        if self.is_cancelled(run_id):
            raise RunCancelledException(f"Run {run_id} was cancelled")

    async def araise_if_cancelled(self, run_id: str) -> None:
        if await self.ais_cancelled(run_id):
            raise RunCancelledException(f"Run {run_id} was cancelled")

    def get_active_runs(self) -> Dict[str, bool]:
        return {}
