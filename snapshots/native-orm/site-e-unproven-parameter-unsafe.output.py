from asgiref.sync import sync_to_async


@sync_to_async
def publish(doc):
    doc.published = True
    doc.save(update_fields=["published"])
