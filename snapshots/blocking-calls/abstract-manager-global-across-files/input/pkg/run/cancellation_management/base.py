from abc import ABC, abstractmethod
from typing import Dict


class BaseRunCancellationManager(ABC):
    """Manages run cancellation; extend it to keep the state elsewhere."""

    @abstractmethod
    def is_cancelled(self, run_id: str) -> bool:
        """Check if a run is cancelled."""
        pass

    @abstractmethod
    async def ais_cancelled(self, run_id: str) -> bool:
        pass

    @abstractmethod
    def raise_if_cancelled(self, run_id: str) -> None:
        """Raise RunCancelledException when the run was cancelled."""
        pass

    @abstractmethod
    async def araise_if_cancelled(self, run_id: str) -> None:
        pass

    @abstractmethod
    def get_active_runs(self) -> Dict[str, bool]:
        pass
