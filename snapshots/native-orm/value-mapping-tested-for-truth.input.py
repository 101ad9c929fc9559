from asgiref.sync import sync_to_async

from reports.models import Component


@sync_to_async
def resolve_components(commit, info, filters=None):
    # GraphQL input: {"components": [...]} or nothing at all.
    if filters and filters.get("components"):
        return Component.objects.filter(name__in=filters["components"]).first()
    return None


@sync_to_async
def resolve_flags(options=None):
    if not options:
        return Component.objects.none().count()
    return Component.objects.filter(flag=options.get("flag", "")).count()

