"""The Jupyter plugin: starts the kernel gateway for the runtime."""

import asyncio

from app.plugins.jupyter.gateway import start_gateway


class JupyterPlugin:
    name = "jupyter"

    def initialize(self, username: str) -> None:
        asyncio.run(start_gateway(username))
