from library.models import Book, Shelf


async def shelf_title(pk: int) -> str:
    shelf = await Shelf.objects.aget(pk=pk)
    return f"{shelf.title}: {shelf.notes}"


async def book_shelf(pk: int) -> str:
    book = await Book.objects.aget(pk=pk)
    # A ForeignKey spelled through its import: still a lazy load.
    return book.shelf.title
