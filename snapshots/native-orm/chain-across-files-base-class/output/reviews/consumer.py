from .base import BaseSync


class ReviewSync(BaseSync):
    async def store(self, reviews):
        await self._astore_reviews(reviews)
