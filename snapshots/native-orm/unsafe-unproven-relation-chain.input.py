from asgiref.sync import sync_to_async


@sync_to_async
def rename(invoice, name):
    # invoice.customer may be a ForeignKey: converting would load it lazily in async code
    invoice.customer.name = name
    invoice.save()
