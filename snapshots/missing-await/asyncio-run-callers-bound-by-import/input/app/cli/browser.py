import asyncio

import typer

browser_app = typer.Typer()


async def _connect():
    await asyncio.sleep(0)
    return {"ok": True}


@browser_app.command("select")
def select(selector: str = typer.Option(..., help="CSS selector"), value: str = typer.Option("")) -> None:
    """Select an option in the session's browser."""

    async def _run() -> dict:
        await _connect()
        return {"selector": selector, "value": value}

    data = asyncio.run(_run())
    typer.echo(data)


@browser_app.command("hover")
def hover(selector: str = typer.Option(...)) -> None:
    async def _run() -> dict:
        await _connect()
        return {"hovered": selector}

    data = asyncio.run(_run())
    typer.echo(data)
