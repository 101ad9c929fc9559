from shelves.models import Shelf


async def is_borrower(shelf_code, isbn, reader_id):
    shelf = await Shelf.objects.filter(code=shelf_code).afirst()
    if shelf is None:
        return False
    book = await (
        shelf.books.prefetch_related("borrowers")  # one query for the borrowers
        .filter(isbn=isbn)
        .afirst()
    )
    if book is None:
        return False
    borrowers = book.borrowers.all()
    return borrowers.filter(id=reader_id).exists()


async def first_book_borrowed(shelf_code):
    shelf = await Shelf.objects.aget(code=shelf_code)
    book = await shelf.books.afirst()
    return book.borrowers.count(), book.sequels.exists()
