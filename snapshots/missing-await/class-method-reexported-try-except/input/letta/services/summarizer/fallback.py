async def summarize(messages: list) -> str:
    return " ".join(str(m) for m in messages)[:200]
