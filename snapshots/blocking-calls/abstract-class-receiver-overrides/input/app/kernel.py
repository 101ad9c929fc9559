import time
from typing import Protocol


class KernelManager(Protocol):
    def close_kernel(self) -> None: ...


class KernelManagerImpl(KernelManager):
    def __init__(self, process) -> None:
        self.process = process

    def close_kernel(self) -> None:
        self.process.terminate()
        # Give the kernel a moment to flush its queues before it is joined.
        time.sleep(0.5)
        self.process.join(timeout=5)


class Session:
    def __init__(self, kernel_manager: KernelManager) -> None:
        self._kernel_manager = kernel_manager

    def close(self) -> None:
        self._kernel_manager.close_kernel()
