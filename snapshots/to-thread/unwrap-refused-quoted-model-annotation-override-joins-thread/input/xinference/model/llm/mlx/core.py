from ..core import LLM


class MLXModel(LLM):
    def load(self):
        kwargs = {}
        kwargs["revision"] = self._model_config.get("revision")
        kwargs["trust_remote_code"] = self._model_config.get("trust_remote_code")
        self._model = dict(kwargs)
