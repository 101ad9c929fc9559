from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from strawberry.types import Info

from scores.models import CustomArticle, DailyArticle, Process


@sync_to_async
def post_score(article_id: int, custom: bool, nb_attempts: int):
    if custom:
        article = CustomArticle.objects.get(public_id=article_id)
    else:
        article = DailyArticle.objects.get(id=article_id)
    article.nb_winners += 1
    article.save(update_fields=["nb_winners"])


class HeartbeatConsumer:
    @database_sync_to_async
    def handle_heartbeat(self, process_id: int, stats: dict) -> None:
        instance = Process.objects.filter(id=process_id).first()
        if instance:
            activation = instance.get_parent()
            activation.ruleset_stats["last"] = stats
            activation.save(update_fields=["ruleset_stats"])


def port_usages(info: Info, key: str) -> list[str]:
    processes = Process.objects.filter(
        organization=info.context.request.organization,  # set by a middleware
        parent_type=key,
    )
    return [p.parent_type for p in processes]


async def resolve_usages(info: Info, key: str) -> list[str]:
    return await sync_to_async(port_usages)(info, key)
