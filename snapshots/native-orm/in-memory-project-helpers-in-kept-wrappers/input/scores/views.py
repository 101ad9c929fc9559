from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from django.db import transaction

from scores.models import Article
from scores.services import (
    add_default_values,
    compute_median_from_distribution,
    count_items,
    median_with_defaults,
    read_weights,
    winners_so_far,
)


def local_bucket(nb_attempts: int) -> str:
    return str(min(nb_attempts // 10, 500))


@sync_to_async
@transaction.atomic
def post_article_score(pk: int, nb_attempts: int):
    article = Article.objects.select_for_update().get(pk=pk)
    stats = article.stats or {"distribution": {}}
    key = local_bucket(nb_attempts)
    stats["distribution"][key] = stats["distribution"].get(key, 0) + 1
    article.median = compute_median_from_distribution(stats["distribution"])
    article.nb_winners = median_with_defaults(stats["distribution"], {"fields": []})
    article.save()


@sync_to_async
@transaction.atomic
def post_other_score(pk: int):
    article = Article.objects.select_for_update().get(pk=pk)
    article.median = count_items(Article.objects.all())
    article.median += len(read_weights("/etc/weights"))
    article.nb_winners = winners_so_far()
    article.save()


class CredentialsConsumer:
    @database_sync_to_async
    def env_vars(self, pk: int, schema: dict) -> dict:
        with transaction.atomic():
            article = Article.objects.get(pk=pk)
            return add_default_values(schema, dict(article.stats))
