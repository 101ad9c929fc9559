from notes import repositories


async def archive(request, pk):
    # A Django view: request.user is the lazy user.
    return await repositories.archive_note(request.user, pk)
