from asgiref.sync import async_to_sync


def notify(user: dict[str, str], rows: list[dict[str, str]]) -> None:
    async_to_sync(send)(f"{user["name"]} has {len(rows)} rows: {", ".join(r["id"] for r in rows)}")
    async_to_sync(send)(
        f"{f"{user["email"]!r:>{40}}"} ü",  # nested quotes and a nested f-string
        subject=f"{'{'}{user["name"]}{'}'}",
    )


async def send(text: str, subject: str = "") -> None: ...
