import asyncio
import logging

from django.utils import timezone

from grpcserver.models import GRPCServerStatus

logger = logging.getLogger(__name__)


class ServerRunner:
    async def heartbeat(self, server_status, interval=30):
        """Touch the status row every `interval` seconds (the row comes from the caller)."""
        while True:
            server_status.last_heartbeat = timezone.now()
            await asyncio.to_thread(
                server_status.save,  # the caller's row
                update_fields=["last_heartbeat"],
            )
            await asyncio.sleep(interval)

    async def reload(self, status: GRPCServerStatus):
        # Annotated: proven a model instance, so its native twin is used.
        await asyncio.to_thread(status.refresh_from_db)

    async def forget(self, record):
        await asyncio.to_thread(record.delete)
        logger.info("forgot %s", record)
