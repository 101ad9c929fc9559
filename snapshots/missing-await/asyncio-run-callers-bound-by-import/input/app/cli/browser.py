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


@browser_app.command("evaluate")
def evaluate(expression: str = typer.Option(...)) -> None:
    async def _run() -> dict:
        await _connect()
        return {"result": expression}

    data = asyncio.run(_run())
    typer.echo(data)


async def _evaluate_in_page(page, selector: str, expression: str):
    # Methods of a page, not the command above.
    await page.evaluate(expression)
    return page.locator(selector).evaluate(expression)
