import json

from graph.cache.redis_conn import RedisClient, get_redis_client_sync


class DepartmentService:
    async def delete_department(self, dept_id: int) -> None:
        try:
            redis_client = get_redis_client_sync()
            msg = json.dumps({"id": dept_id, "nom": "Département"})
            redis_client.rpush("delete_department", msg, expiration=86400)
            redis_client.publish("delete_department", msg)
        except Exception:
            pass

    async def notify(self, client: RedisClient, msg: str) -> None:
        await client.arpush("notify", msg)
        client.publish("notify", msg)
