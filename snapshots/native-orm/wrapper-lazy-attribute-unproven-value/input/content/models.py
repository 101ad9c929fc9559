from django.db import models


class Repository(models.Model):
    name = models.CharField(max_length=50)


class RepositoryVersion(models.Model):
    repository = models.ForeignKey(Repository, on_delete=models.CASCADE)
    number = models.IntegerField()

    @property
    def content(self):
        # Reads self.repository: a ForeignKey loaded lazily, a query of its own.
        return Artifact.objects.filter(repository=self.repository, added__lte=self.number)


class Artifact(models.Model):
    repository = models.ForeignKey(Repository, on_delete=models.CASCADE)
    added = models.IntegerField()
    relative_path = models.CharField(max_length=200)
