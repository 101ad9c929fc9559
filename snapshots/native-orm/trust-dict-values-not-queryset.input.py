from .models import Order


async def summarize(meta, tags, other_tags):
    total = 0
    for value in meta.values():  # a dict, not a queryset
        total += value
    labels = [str(v) for v in meta.values()]
    merged = list(tags.union(other_tags))
    for tag in tags.difference(other_tags):
        labels.append(tag)
    async for row in Order.objects.values("pk"):
        labels.append(str(row["pk"]))
    for pk in Order.objects.values_list("pk", flat=True):
        labels.append(str(pk))
    return total, labels, merged
