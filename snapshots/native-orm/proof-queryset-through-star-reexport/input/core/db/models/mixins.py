from django.db import models


class CreatedMetaInfoMixin(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True

    def touch(self):
        self.save(update_fields=["created_at"])
