from reports.models import Component


async def resolve_components(commit, info, filters=None):
    # GraphQL input: {"components": [...]} or nothing at all.
    if filters and filters.get("components"):
        return await Component.objects.filter(name__in=filters["components"]).afirst()
    return None


async def resolve_flags(options=None):
    if not options:
        return await Component.objects.none().acount()
    return await Component.objects.filter(flag=options.get("flag", "")).acount()

