import threading

from kb.pipeline.base import BasePipeline

_INDEX_LOCK = threading.Lock()


class IndexingPipeline(BasePipeline):
    def run(self, config=None):
        with _INDEX_LOCK:
            return {"indexed": True, "config": config}
