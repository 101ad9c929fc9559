import asyncio
import contextlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model.llm.core import LLM

logger = logging.getLogger(__name__)


@contextlib.contextmanager
def redirect_streams_to_logger():
    logger.debug("redirecting model output")
    yield


class ModelActor:
    def __init__(self, replica_model_uid: str, model: "LLM") -> None:
        self._replica_model_uid = replica_model_uid
        self._model = model

    async def load(self):
        # Loading can take minutes: keep the actor's loop free.
        await asyncio.to_thread(self._load_with_redirect)
        logger.info("%s loaded", self._replica_model_uid)

    def _load_with_redirect(self):
        with redirect_streams_to_logger():
            self._model.load()
