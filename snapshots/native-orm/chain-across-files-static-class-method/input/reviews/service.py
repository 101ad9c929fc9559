from .models import Review


class ReviewService:
    @staticmethod
    def close_all(pr):
        Review.objects.filter(pull_request=pr).update(state="closed")

    @classmethod
    def count_open(cls, pr):
        return Review.objects.filter(pull_request=pr, state="open").count()
