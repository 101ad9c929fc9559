import json
from datetime import datetime
from pathlib import Path
from typing import Dict, Optional

import requests

_registry: Optional[dict] = None


class ProviderNotFoundError(Exception):
    pass


class AbstractClientFactory:
    _live_providers_url = "https://g4f.space/providers.json"
    _live_providers: Dict[str, Dict] = {}

    @classmethod
    def create_provider(cls, api_key: Optional[str], provider: str) -> dict:
        # Read once per process (from today's file, else the network): later calls use the dict.
        if not cls._live_providers:
            path = Path("har_and_cookies") / "models" / datetime.today().strftime("%Y-%m-%d") / "providers.json"
            if path.exists():
                with open(path, "r", encoding="utf-8") as f:
                    cls._live_providers = json.load(f)
            if not cls._live_providers:
                cls._live_providers = requests.get(cls._live_providers_url, timeout=30).json()
        if provider not in cls._live_providers.get("providers", {}):
            raise ProviderNotFoundError(provider)
        return cls._live_providers["providers"][provider]

    @classmethod
    def refresh_provider(cls, provider: str) -> dict:
        # Not a memo: the test reads a local, so the download runs at every call.
        fresh = None
        if not fresh:
            fresh = requests.get(cls._live_providers_url, timeout=30).json()
        return fresh["providers"][provider]


def provider_registry() -> dict:
    global _registry
    if _registry is None:
        _registry = requests.get("https://g4f.space/registry.json", timeout=30).json()
    return _registry
