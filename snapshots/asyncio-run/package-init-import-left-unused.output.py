"""The Jupyter plugin: starts the kernel gateway for the runtime."""

from asgiref.sync import async_to_sync

from app.plugins.jupyter.gateway import start_gateway


class JupyterPlugin:
    name = "jupyter"

    def initialize(self, username: str) -> None:
        async_to_sync(start_gateway)(username)
