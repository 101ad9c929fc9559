import asyncio
import logging

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

logger = logging.getLogger(__name__)
router = APIRouter(tags=["debug"])


@router.post("/debug_replay/stop")
async def stop_debug_replay(request: Request):
    """Stop the active replay session."""
    replay_manager = request.app.replay_manager

    if not replay_manager.active:
        return JSONResponse(content={"success": False}, status_code=400)

    try:
        await asyncio.to_thread(
            replay_manager.stop,
            frigate_config=request.app.frigate_config,  # the live config
            config_publisher=request.app.config_publisher,
        )
    except (ValueError, RuntimeError, OSError) as e:
        logger.error("Error stopping replay: %s", e)
        return JSONResponse(content={"success": False}, status_code=500)
    return JSONResponse(content={"success": True})


@router.get("/debug_replay/stats")
async def replay_stats(request: Request):
    # No project class but ExportStats has a `snapshot`: it is read, and runs no wait.
    stats = await asyncio.to_thread(request.app.export_stats.snapshot)
    return JSONResponse(content=stats)


@router.post("/debug_replay/stats/flush")
async def flush_stats(request: Request):
    # Only ExportStats has a `flush`, and it writes a file: not put on the loop unseen.
    await asyncio.to_thread(request.app.export_stats.flush, "/var/lib/replay/stats.log")
    return JSONResponse(content={"success": True})


@router.get("/style_presets/{style_preset_id}")
async def get_style_preset(style_preset_id: str):
    from app.deps import ApiDependencies

    # `services` is typed nowhere: any project method named `get` may be what runs.
    record = await asyncio.to_thread(
        ApiDependencies.invoker.services.style_preset_records.get, style_preset_id
    )
    return JSONResponse(content=record)
