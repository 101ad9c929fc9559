import subprocess
from pathlib import Path

from pydantic import BaseModel

from tracecat.logger import logger

SQUASHFS_OPTIONS = {"zstd": ["-comp", "zstd"], "gzip": ["-comp", "gzip"]}


class ExecuteSubflowArgs(BaseModel):
    workflow_id: str
    trigger_inputs: dict = {}


def _build_image(source: Path, target: Path, compression: str) -> None:
    logger.debug("Building SquashFS image", source=str(source))
    options = SQUASHFS_OPTIONS.get(compression, [])
    subprocess.run(["mksquashfs", str(source), str(target), *options], check=True)
    logger.warning("Built SquashFS image", target=str(target))


def _evaluate_subflow_args(args: dict) -> ExecuteSubflowArgs:
    return ExecuteSubflowArgs.model_validate(args)


async def build(source: Path, target: Path) -> None:
    _build_image(source, target, "zstd")


async def subflow(args: dict) -> ExecuteSubflowArgs:
    return _evaluate_subflow_args(args)
