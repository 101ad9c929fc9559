from asgiref.sync import sync_to_async as to_thread_orm
from openpyxl import Workbook

from .models import Invoice
from .serializers import InvoiceSerializer


async def create_invoice(request):
    serializer = InvoiceSerializer(data=request.data)
    # a DRF serializer has save() but no asave()
    return await to_thread_orm(serializer.save)()


async def export(rows, path):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    await to_thread_orm(workbook.save)(path)


async def touch(invoice: Invoice):
    await invoice.asave(update_fields=["updated"])


async def rename(invoice, title):
    # `invoice` is annotated with its model class in touch(): bound as a model in this file
    invoice.title = title
    await invoice.asave()


@to_thread_orm
def flush(buffer):
    buffer.save()
