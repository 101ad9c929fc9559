from .post import Post, PostQuerySet
from .comment import *  # noqa: F401,F403
