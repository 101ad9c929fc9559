import asyncio

from app.utils.captcha import solvers


async def solve_recaptcha(cfg: dict, sitekey: str, page_url: str) -> str | None:
    return await asyncio.to_thread(
        solvers.solve,
        cfg,
        sitekey=sitekey,
        page_url=page_url,
    )


async def solve_on(cfg: dict, site: str, sitekey: str, page_url: str) -> str | None:
    return await asyncio.to_thread(solvers.solve_with, cfg, site, sitekey=sitekey, page_url=page_url)


async def after_solve(hook, payload: dict) -> dict:
    return await asyncio.to_thread(solvers.run_hook, hook, payload)
