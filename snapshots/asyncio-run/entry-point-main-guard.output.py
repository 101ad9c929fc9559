import asyncio

from asgiref.sync import async_to_sync
from celery import shared_task

from .client import refresh_all


def main() -> None:
    asyncio.run(refresh_all())


@shared_task
def refresh_task():
    async_to_sync(refresh_all)()


if __name__ == "__main__":
    refresh_task()
    main()
