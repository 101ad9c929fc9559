import asyncio

from celery import shared_task

from .clients import client, fetch


@shared_task(bind=True)
def sync_one(self, a):
    result = asyncio.run(
        fetch(
            a,
            retries=3,  # the mirror is flaky
        )
    )
    return result


def sync_trailing_comma(a, b):
    asyncio.run(
        client.fetch(
            a, b
        ),
    )


def sync_docstring_argument(a):
    # A string's own lines are its text: they do not move.
    asyncio.run(
        client.post(
            a,
            """
    naïve payload,
        kept as written
""",
            f"""{a}
  also kept""",
        )
    )


def sync_split_callee(a):
    return asyncio.run(
        client
            .refresh(a)
    )


def sync_one_line_inner(a):
    asyncio.run(
        fetch(a, "é")
    )


def sync_hanging_close(a):
    # A line less indented than the call it belongs to: left as written.
    asyncio.run(
        fetch(
            a,
    ))


def sync_nested(a):
    if a:
        for item in a:
            asyncio.run(
                fetch(
                    item,
                    [
                        1,
                        2,
                    ],
                )
            )
