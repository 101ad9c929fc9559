from asgiref.sync import sync_to_async

from .models import Member


class MemberService:
    """A service, not a model: its save() writes to an outside system."""

    def __init__(self, client):
        self.client = client

    def save(self):
        self.client.push({"members": Member.objects.count()})

    @sync_to_async
    def save_remote(self):
        self.save()
