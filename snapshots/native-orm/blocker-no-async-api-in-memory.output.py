import traceback
from pathlib import Path

from asgiref.sync import sync_to_async

from tags.models import Tag


async def tag_for(sym: str):
    return await Tag.objects.aget(name=sym.lower())


async def tags_for(names: list[str], limit: "int" = 10, prefix: str | None = None):
    first = names[0].strip().casefold()
    return await Tag.objects.filter(name__in=names, name__startswith=first).acount()


async def tag_file(pk, root):
    path = Path(root) / "tags"
    try:
        return await Tag.objects.aget(pk=pk, path=str(path))
    except Tag.DoesNotExist:
        traceback.print_exc()
        return None


@sync_to_async
def tag_exists(pk, root):
    # Reading a file blocks: the method of a Path is not blamed on the database, but it is no
    # in-memory call either.
    if Path(root).joinpath("tags").exists():
        return Tag.objects.filter(pk=pk).exists()
    return False


async def tag_from(sym):
    # sym is not annotated, but its one use is a str's lower(), which no ORM object has.
    return await Tag.objects.aget(name=sym.lower())


@sync_to_async
def tag_counted(sym):
    # count() is a queryset's method too: nothing shows what sym is.
    return Tag.objects.filter(uses=sym.count("#")).first()
