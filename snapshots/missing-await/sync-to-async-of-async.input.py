from asgiref.sync import sync_to_async

from shop.models import Order


async def load_report(report_id):
    ...


def load_report_sync(report_id):
    ...


@sync_to_async
async def decorated(report_id):
    ...


@sync_to_async(thread_sensitive=True)
def fine(report_id):
    ...


async def view(request, report_id):
    report = await sync_to_async(load_report)(report_id)
    other = await sync_to_async(load_report_sync)(report_id)
    wrapped = sync_to_async(load_report, thread_sensitive=False)
    order = await sync_to_async(Order.objects.aget)(pk=report_id)
    return report, other, wrapped, order
