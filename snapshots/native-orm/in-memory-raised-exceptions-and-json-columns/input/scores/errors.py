class DuplicateKeyError(Exception):
    """The key was scored already."""


class QuotaExceeded(Exception):
    def __init__(self, article, limit):
        # Runs when the exception is built: not followed by the transform.
        super().__init__(f"{article.public_id}: more than {limit} scores")
        self.article = article
