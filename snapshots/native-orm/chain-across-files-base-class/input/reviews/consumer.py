from asgiref.sync import sync_to_async

from .base import BaseSync


class ReviewSync(BaseSync):
    @sync_to_async
    def store(self, reviews):
        self._store_reviews(reviews)
