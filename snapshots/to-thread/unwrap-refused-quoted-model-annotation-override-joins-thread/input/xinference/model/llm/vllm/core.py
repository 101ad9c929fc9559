import threading

from ..core import LLM


class VLLMModel(LLM):
    def load(self):
        def _load():
            self._engine = object()

        # Multi-GPU engines load in their own thread; wait for it here.
        self._loading_thread = threading.Thread(target=_load)
        self._loading_thread.start()
        while self._loading_thread.is_alive():
            self._loading_thread.join(1)
