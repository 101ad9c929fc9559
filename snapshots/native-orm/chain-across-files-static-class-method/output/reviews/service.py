from .models import Review


class ReviewService:
    @staticmethod
    def close_all(pr):
        Review.objects.filter(pull_request=pr).update(state="closed")

    @staticmethod
    async def aclose_all(pr):
        await Review.objects.filter(pull_request=pr).aupdate(state="closed")

    @classmethod
    def count_open(cls, pr):
        return Review.objects.filter(pull_request=pr, state="open").count()

    @classmethod
    async def acount_open(cls, pr):
        return await Review.objects.filter(pull_request=pr, state="open").acount()
