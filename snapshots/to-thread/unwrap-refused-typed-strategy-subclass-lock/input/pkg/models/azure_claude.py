from typing import Any, Dict, List

from pkg.models.base import Model, ModelProviderError
from pkg.utils.http import get_default_sync_client


class Claude(Model):
    def get_client(self):
        return get_default_sync_client()

    def invoke(self, messages: List[Dict[str, Any]]) -> Dict[str, Any]:
        r = self.get_client().post("https://models.example/v1/messages", json={"model": self.id, "messages": messages})
        if r.status_code >= 500:
            raise ModelProviderError(r.text)
        return r.json()
