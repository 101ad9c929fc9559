from .models import Review


def audit(pr):
    from .services import _process_commits
    Review.objects.filter(pull_request=pr).update(state="seen")
    _process_commits(pr, [])
