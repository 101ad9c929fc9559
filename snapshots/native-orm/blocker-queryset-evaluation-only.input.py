from asgiref.sync import sync_to_async

from tags.models import Tag


@sync_to_async
def tag_count():
    qs = Tag.objects.all()
    return len(qs) if qs else 0


@sync_to_async
def tag_total():
    return sum(1 for _ in Tag.objects.all())


@sync_to_async
def plain_thread_work(values):
    # No ORM work at all: a legitimate thread wrapper, nothing to report.
    return len(values) if values else 0
