"""Any-provider model lists (gpt4free's shape): coroutines held in names, run inside async def."""
import asyncio


class AnyProvider:
    @classmethod
    async def create_async_generator(cls, model: str, provider) -> list[str]:
        provider_models = provider.get_models()
        if asyncio.iscoroutine(provider_models):
            provider_models = asyncio.run(provider_models)  # a coroutine held in a name
        pending = asyncio.gather(provider.ping(), provider.warm_up())
        asyncio.run(pending)
        checks = {"ping": provider.ping()}
        asyncio.run(checks["ping"])
        fallback = asyncio.run(provider.default_models or provider.get_models())
        return [m for m in provider_models if m.startswith(model)] + fallback


def list_models(provider) -> list[str]:
    coro = provider.get_models()
    return asyncio.run(coro)
