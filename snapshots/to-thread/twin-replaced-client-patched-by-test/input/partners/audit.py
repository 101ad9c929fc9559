import requests

AUDIT_URL = "https://audit.example.com/events"


def record_audit(event: str) -> None:
    requests.post(AUDIT_URL, json={"event": event})
