class LLM:
    def __init__(self, model_uid: str, model_config: dict) -> None:
        self.model_uid = model_uid
        self._model_config = model_config

    def load(self):
        raise NotImplementedError
