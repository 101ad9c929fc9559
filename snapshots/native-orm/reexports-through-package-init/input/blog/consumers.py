from asgiref.sync import sync_to_async

from blog.models import Comment, Post
from blog.services import bump_views


async def open_post(pk):
    await sync_to_async(bump_views)(pk)
    comments = await sync_to_async(Comment.objects.filter(post_id=pk).count)()
    published = await sync_to_async(Post.objects.published().count)()
    return comments, published
