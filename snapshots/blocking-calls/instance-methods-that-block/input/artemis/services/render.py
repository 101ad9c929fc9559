def render(html: str) -> str:
    return f"<main>{html}</main>"
