import requests

from partners.clients import http

PARTNER_URL = "https://partners.example.com/api/orders"


async def notify_partner(order_id: int, status: str) -> int:
    response = await http.post(
        PARTNER_URL,
        json={"order": order_id, "status": status},  # the partner keys on our id
    )
    return response.status_code
