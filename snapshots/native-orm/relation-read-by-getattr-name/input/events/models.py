from django.db import models


class Host(models.Model):
    member = models.ForeignKey("members.Member", null=True, on_delete=models.CASCADE)
    badge = models.ForeignKey("members.Badge", null=True, on_delete=models.CASCADE)


class Meetup(models.Model):
    slug = models.SlugField()
    hosts = models.ManyToManyField(Host)

    def is_host(self, member) -> bool:
        if not member.is_authenticated:
            return False
        badge = getattr(member, "badge", None)  # the member's own badge, if any
        lookup = models.Q(member=member)
        if badge is not None:
            lookup |= models.Q(badge=badge)
        return self.hosts.filter(lookup).exists()

    def has_badge_host(self, member) -> bool:
        return hasattr(member, "badge") and self.hosts.filter(badge_id=member.badge_id).exists()

    def host_count(self) -> int:
        return self.hosts.count()
