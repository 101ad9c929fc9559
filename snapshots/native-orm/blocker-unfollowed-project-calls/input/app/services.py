from django.core.cache import cache

from app.models import Presence


def heartbeat(emp_id):
    Presence.objects.filter(emp_id=emp_id).update(seen=1)


class PresenceService:
    """Online state: the cache first, the table for the admin's list."""

    def heartbeat(self, emp_id):
        cache.set(f"presence:{emp_id}", 1, timeout=90)
        Presence.objects.filter(emp_id=emp_id).update(seen=1)
