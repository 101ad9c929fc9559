import importlib


def load_class(class_type: str):
    module_path, class_name = class_type.rsplit(".", 1)
    return getattr(importlib.import_module(module_path), class_name)


class EmbedderFactory:
    provider_to_class = {
        "openai": "tracecat.embeddings.openai.OpenAIEmbedding",
        "local": "tracecat.embeddings.local.LocalEmbedding",
    }

    @classmethod
    def create(cls, provider_name: str, config: dict):
        class_type = cls.provider_to_class.get(provider_name)
        if not class_type:
            raise ValueError(f"Unsupported Embedder provider: {provider_name}")
        return load_class(class_type)(config)
