import traceback
from pathlib import Path

from asgiref.sync import sync_to_async

from tags.models import Tag


@sync_to_async
def tag_for(sym: str):
    return Tag.objects.get(name=sym.lower())


@sync_to_async
def tags_for(names: list[str], limit: "int" = 10, prefix: str | None = None):
    first = names[0].strip().casefold()
    return Tag.objects.filter(name__in=names, name__startswith=first).count()


@sync_to_async
def tag_file(pk, root):
    path = Path(root) / "tags"
    try:
        return Tag.objects.get(pk=pk, path=str(path))
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


@sync_to_async
def tag_from(sym):
    # sym is not annotated, but its one use is a str's lower(), which no ORM object has.
    return Tag.objects.get(name=sym.lower())


@sync_to_async
def tag_counted(sym):
    # count() is a queryset's method too: nothing shows what sym is.
    return Tag.objects.filter(uses=sym.count("#")).first()
