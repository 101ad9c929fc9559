import httpx

# One client for the process: connections are pooled across requests.
http = httpx.AsyncClient(timeout=10)
