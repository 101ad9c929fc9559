from asgiref.sync import async_to_sync

from .clients import fetch


def sync_crlf(a):
    async_to_sync(fetch)(
        a,
    )


def sync_tabs(a):
	async_to_sync(fetch)(
		a,
	)
