from asgiref.sync import sync_to_async
from ninja.errors import HttpError
from strawberry.exceptions import GraphQLError

from scores import errors
from scores.errors import DuplicateKeyError, QuotaExceeded
from scores.models import Article, Cycle
from scores.scoring import compute_median_from_distribution


async def record_score(public_id: str, key: str):
    try:
        article = await Article.objects.aget(public_id=public_id)
    except Article.DoesNotExist:
        raise HttpError(400, "article not found")
    if key in article.stats:
        raise DuplicateKeyError(key)
    article.stats[key] = article.stats.get(key, 0) + 1
    article.median = compute_median_from_distribution(article.stats)
    await article.asave(update_fields=["stats", "median"])


async def forget_score(public_id: str, key: str):
    article = await Article.objects.aget(public_id=public_id)
    if key not in article.stats:
        raise (errors.DuplicateKeyError(key))
    del article.stats[key]
    await article.asave(update_fields=["stats"])


@sync_to_async
def record_capped(public_id: str, key: str, limit: int):
    article = Article.objects.get(public_id=public_id)
    if len(article.stats) >= limit:
        raise QuotaExceeded(article, limit)
    article.stats[key] = 1
    article.save(update_fields=["stats"])


async def bump_distribution(public_id: str, nb_attempts: int):
    article = await Article.objects.aget(public_id=public_id)
    stats = article.stats or {"distribution": {}}
    key = str(min(nb_attempts // 10, 500))
    stats["distribution"][key] = stats["distribution"].get(key, 0) + 1
    article.stats = stats
    await article.asave(update_fields=["stats"])


async def get_cycles(workspace_id):
    try:
        return [obj async for obj in Cycle.objects.filter(workspace_id=workspace_id)]
    except Exception as exc:
        error_extensions = {"code": "SOMETHING_WENT_WRONG", "statusCode": 400}
        raise GraphQLError(
            message="Error getting cycles",  # shown to the client
            extensions=error_extensions,
        ) from exc


async def get_cycles_async(workspace_id):
    return await get_cycles(workspace_id=workspace_id)


async def post_score(request, public_id: str, key: str):
    await record_score(public_id, key)
    await forget_score(public_id, key)
    await record_capped(public_id, key, 10)
    await bump_distribution(public_id, 12)
    return await get_cycles_async(request.auth.workspace_id)
