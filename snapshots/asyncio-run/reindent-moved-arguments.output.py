from asgiref.sync import async_to_sync
from celery import shared_task

from .clients import client, fetch


@shared_task(bind=True)
def sync_one(self, a):
    result = async_to_sync(fetch)(
        a,
        retries=3,  # the mirror is flaky
    )
    return result


def sync_trailing_comma(a, b):
    async_to_sync(client.fetch)(
        a, b
    )


def sync_docstring_argument(a):
    # A string's own lines are its text: they do not move.
    async_to_sync(client.post)(
        a,
        """
    naïve payload,
        kept as written
""",
        f"""{a}
  also kept""",
    )


def sync_split_callee(a):
    return async_to_sync(client
        .refresh)(a)


def sync_one_line_inner(a):
    async_to_sync(fetch)(a, "é")


def sync_hanging_close(a):
    # A line less indented than the call it belongs to: left as written.
    async_to_sync(fetch)(
            a,
    )


def sync_nested(a):
    if a:
        for item in a:
            async_to_sync(fetch)(
                item,
                [
                    1,
                    2,
                ],
            )
