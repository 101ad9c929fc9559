from blog.models import Comment, Post
from blog.services.counters import abump_views


async def open_post(pk):
    await abump_views(pk)
    comments = await Comment.objects.filter(post_id=pk).acount()
    published = await Post.objects.published().acount()
    return comments, published
