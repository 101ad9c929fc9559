from .models import Review


class BaseSync:
    def _store_reviews(self, reviews):
        for review in reviews:
            Review.objects.filter(external_id=review["id"]).update(state=review["state"])
