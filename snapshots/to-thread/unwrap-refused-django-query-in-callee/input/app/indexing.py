from app.models import GithubConfig, NotionConfig


def configure_content(user: str) -> bool:
    config = GithubConfig.objects.filter(user=user).first()
    return config is not None


def _notion_pages(user):
    return list(NotionConfig._default_manager.filter(user=user).values_list("page", flat=True))


def configure_notion(user: str) -> int:
    # The query is one call deeper.
    return len(_notion_pages(user))


def slugify_all(names):
    return [name.strip().lower().replace(" ", "-") for name in names]
