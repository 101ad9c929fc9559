import requests


class PollinationsAI:
    text_models_endpoint = "https://text.pollinations.ai/models"
    current_models_endpoint = ""
    models: list[str] = []

    @classmethod
    def get_models(cls, api_key: str = None, timeout: int = 10) -> list[str]:
        models_url = cls.text_models_endpoint
        # Fetched again only when the endpoint changes (a memo keyed by the URL).
        if cls.current_models_endpoint != models_url:
            response = requests.get(models_url, timeout=timeout)
            cls.models = [m["name"] for m in response.json()]
            cls.current_models_endpoint = models_url
        return cls.models

    @classmethod
    def get_usage(cls, api_key: str) -> dict:
        # The test reads the endpoint, but the body never sets it: a download at every call.
        if cls.current_models_endpoint != "":
            return requests.get(cls.current_models_endpoint + "/usage", timeout=10).json()
        return {}

    @classmethod
    async def create_async_generator(cls, model: str, messages: list, api_key: str = None):
        if model not in cls.get_models(api_key=api_key):
            raise ValueError(model)
        yield {"usage": cls.get_usage(api_key)}
