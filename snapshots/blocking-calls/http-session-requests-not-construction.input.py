import requests
from requests import Session
from youtube_transcript_api import YouTubeTranscriptApi


async def get_youtube_transcript(video_id: str, proxy_url: str | None = None) -> str:
    # Building the session does no I/O; the library's .list() does (not read here).
    http_client = Session()
    if proxy_url:
        http_client.proxies = {"https": proxy_url}
    http_client.headers.update({"User-Agent": "Mozilla/5.0"})
    ytt_api = YouTubeTranscriptApi(http_client=http_client)
    return str(ytt_api.list(video_id))


async def scrape_webpage(url: str) -> str:
    s = Session()
    response = s.get(
        url,
        timeout=10,  # seconds
    )
    return response.text


async def post_with_context_session(payload: dict) -> int:
    with requests.session() as session:
        return session.post("https://hooks.example/ingest", json=payload).status_code
