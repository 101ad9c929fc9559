import http.client


class RAGAgent:
    async def _web_search(self, query: str) -> list:
        from ..utils.serper import SerperClient  # local import, as the agent writes it

        serper_client = SerperClient()
        raw_results = serper_client.get_raw(query)
        return raw_results

    async def ping(self, host: str) -> int:
        conn = http.client.HTTPSConnection(host, timeout=5)
        conn.request("HEAD", "/")
        return conn.getresponse().status
