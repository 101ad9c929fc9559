from reviews.models import Review


class RbacService:
    @staticmethod
    def visible(user):
        return Review.objects.filter(state=user)
