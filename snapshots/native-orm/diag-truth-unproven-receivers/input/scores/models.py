from django.db import models


class Organization(models.Model):
    name = models.CharField(max_length=100)


class Article(models.Model):
    class Meta:
        abstract = True

    nb_winners = models.PositiveIntegerField(default=0)
    stats = models.JSONField(blank=True, default=dict)


class DailyArticle(Article):
    date = models.DateTimeField()


class CustomArticle(Article):
    public_id = models.CharField(max_length=32)


class Process(models.Model):
    parent_type = models.CharField(max_length=20, default="activation")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE)
    ruleset_stats = models.JSONField(default=dict)

    def get_parent(self):
        # The parent's relation is chosen at run time: nothing proves what it returns.
        return getattr(self, self.parent_type.lower())
