import logging

from asgiref.sync import sync_to_async
from django.db import models, transaction
from gettext import gettext as _

_logger = logging.getLogger(__name__)


class ProgressReport(models.Model):
    message = models.TextField()
    done = models.IntegerField(default=0)
    total = models.IntegerField(null=True)

    def save(self, *args, **kwargs):
        if self.total is not None and self.done > self.total:
            self.done = self.total
        super().save(*args, **kwargs)

    asave = sync_to_async(save)

    def increment(self):
        """
        Increment done count and save the progress report.
        """
        self.increase_by(1)

    async def aincrement(self):
        """
        Increment done count and save the progress report.
        """
        await self.aincrease_by(1)

    def increase_by(self, count):
        """Increase the done count and save the progress report."""
        self.done += count
        if self.total:
            if self.done > self.total:
                _logger.warning(_("Too many items processed for ProgressReport %s") % self.message)
        self.save()

    async def aincrease_by(self, count):
        """Increase the done count and save the progress report."""
        self.done += count
        if self.total:
            if self.done > self.total:
                _logger.warning(_("Too many items processed for ProgressReport %s") % self.message)
        await self.asave()

    def finish(self):
        with transaction.atomic():
            self.done = self.total or self.done
            self.save(update_fields=["done"])

    afinish = sync_to_async(finish)

    def reset(self):
        self.clear_counts()
        self.save()

    async def areset(self):
        self.clear_counts()
        await self.asave()

    def clear_counts(self):
        self.done = 0
