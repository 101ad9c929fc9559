import asyncio
import inspect
from abc import ABC, abstractmethod
from typing import Any


class BaseTool(ABC):
    name: str

    @abstractmethod
    def _run(self, **kwargs: Any) -> Any: ...


class EchoTool(BaseTool):
    name = "echo"

    def _run(self, **kwargs: Any) -> Any:
        return kwargs


class MCPToolWrapper(BaseTool):
    name = "mcp"

    def _run(self, **kwargs: Any) -> str:
        try:
            return asyncio.run(self._run_async(**kwargs))
        except Exception as e:
            return f"Error executing MCP tool {self.name}: {e!s}"

    async def _run_async(self, **kwargs: Any) -> str:
        return str(kwargs)


async def run_tool(tool: BaseTool, arguments: dict) -> Any:
    output = tool._run(**arguments)
    if inspect.isawaitable(output):
        return await output
    return output
