import asyncio

from .clients import fetch


def sync_crlf(a):
    asyncio.run(
        fetch(
            a,
        )
    )


def sync_tabs(a):
	asyncio.run(
		fetch(
			a,
		)
	)
