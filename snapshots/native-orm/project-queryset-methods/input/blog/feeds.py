from asgiref.sync import sync_to_async

from blog.models import Comment, Post, Tag


async def pinned_count():
    return await sync_to_async(Post.objects.published().filter(pinned=True).count)()


@sync_to_async
def latest_by(author):
    return list(Post.objects.for_author(author)[:10])


async def visible_comments(post_id):
    return await sync_to_async(list)(Comment.objects.visible().filter(post_id=post_id))


@sync_to_async
def post_stats():
    return Post.objects.stats()


@sync_to_async
def newest_comment(post):
    return Comment.objects.newest_for(post)


async def popular_tag(name):
    # TagQuerySet defines its own aget(): Django's name would call it.
    return await sync_to_async(Tag.objects.popular().get)(name=name)


async def popular_count():
    return await sync_to_async(Tag.objects.popular().count)()


async def fresh_count():
    qs = Post.objects.published()
    return await sync_to_async(qs.count)()


@sync_to_async
def team_posts(user):
    return list(Post.objects.for_team_of(user))


async def recent_count():
    return await sync_to_async(Post.objects.recent(days=3).count)()
