import time

import httpx


class PublishClient:
    def __init__(self, url: str):
        self._http = httpx.AsyncClient(base_url=url)

    async def publish(self, channel: str, data: dict, message_id: str, ack_timeout: int | None = None):
        start = time.time()
        log_entry = None
        try:
            from .logging import PublishLogger

            log_entry = await PublishLogger.create_log_async(
                message_id=message_id,
                channel=channel,
                ack_timeout=ack_timeout,
            )
        except Exception:
            pass

        response = await self._http.post("/api/publish", json={"channel": channel, "data": data})
        duration_ms = int((time.time() - start) * 1000)
        if log_entry:
            from .logging import PublishLogger

            if response.json().get("delivered", False):
                await PublishLogger.mark_success_async(log_entry, duration_ms=duration_ms)
            else:
                await PublishLogger.mark_timeout_async(
                    log_entry,
                    duration_ms,  # positional, as the signature has it
                )
        return response.json()
