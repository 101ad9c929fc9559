async def publish(doc):
    doc.published = True
    await doc.asave(update_fields=["published"])
