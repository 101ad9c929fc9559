from app.cli.browser import hover


async def hover_from_mcp(selector: str) -> None:
    # A real caller on the loop: it imports the command itself.
    hover(selector)
