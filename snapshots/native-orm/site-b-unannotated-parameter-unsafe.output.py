from asgiref.sync import sync_to_async


async def publish(doc, form):
    doc.published = True
    await doc.asave()
    # a form has save() too, but no asave(): never rewritten, not even with --unsafe-fixes
    await sync_to_async(form.save)()
