import http.client
import json
import os


class SerperClient:
    def __init__(self, api_base: str = "google.serper.dev") -> None:
        self.api_base = api_base
        self.api_key = os.environ.get("SERPER_API_KEY", "")

    def get_raw(self, query: str, limit: int = 10) -> list:
        connection = http.client.HTTPSConnection(self.api_base)
        payload = json.dumps({"q": query, "num": limit})
        connection.request("POST", "/search", payload, {"X-API-KEY": self.api_key})
        response = connection.getresponse()
        return json.loads(response.read().decode("utf-8"))
