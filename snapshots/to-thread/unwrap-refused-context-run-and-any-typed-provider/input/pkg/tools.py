import asyncio
import threading


class BaseTool:
    def __init__(self):
        self._usage_lock = threading.Lock()
        self.uses = 0

    def run(self, **kwargs):
        with self._usage_lock:
            self.uses += 1
        result = self._run(**kwargs)
        if asyncio.iscoroutine(result):
            result = asyncio.run(result)
        return result

    def _run(self, **kwargs):
        return kwargs


class ToolAction:
    def __init__(self, tool: BaseTool):
        self.tool = tool

    def run(self, **kwargs):
        return self.tool.run(**kwargs)


def build_action(tool: BaseTool):
    action = ToolAction(tool)

    def run_sync(**kwargs):
        return action.run(**kwargs)

    return run_sync
