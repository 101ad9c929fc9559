from fastapi import FastAPI

from g4f.client.factory import (
    AbstractClientFactory,
    ProviderNotFoundError,
    provider_registry,
)

app = FastAPI()


@app.get("/api/{provider:path}/models")
async def models(provider: str):
    try:
        config = AbstractClientFactory.create_provider(None, provider)
    except ProviderNotFoundError as e:
        return {"error": str(e)}
    return {"models": config.get("models", []), "registry": len(provider_registry())}


@app.post("/api/{provider:path}/refresh")
async def refresh(provider: str):
    return AbstractClientFactory.refresh_provider(provider)
