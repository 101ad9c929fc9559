from asgiref.sync import sync_to_async


async def publish(doc, form):
    doc.published = True
    await sync_to_async(doc.save)()
    # a form has save() too, but no asave(): never rewritten, not even with --unsafe-fixes
    await sync_to_async(form.save)()
