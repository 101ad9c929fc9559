import logging

from channels.db import database_sync_to_async
from django.db import models

logger = logging.getLogger(__name__)


class Project(models.Model):
    codename = models.CharField(max_length=255)

    def user_can_edit(self, user) -> bool:
        return self.assignments.filter(operator=user).exists()


class Oplog(models.Model):
    name = models.CharField(max_length=255)
    project = models.ForeignKey(Project, on_delete=models.CASCADE)


class OplogEntry(models.Model):
    oplog_id = models.ForeignKey(Oplog, on_delete=models.CASCADE, related_name="entries")
    command = models.TextField(blank=True)


@database_sync_to_async
def delete_oplog_entry(entry_id, user):
    try:
        entry = OplogEntry.objects.get(pk=entry_id)
        if entry.oplog_id.project.user_can_edit(user):
            entry.delete()
        else:
            # entry.oplog_id was loaded by the condition above: cached, no second query
            logger.warning("User %s may not delete entry %s of log %s", user, entry_id, entry.oplog_id.name)
    except OplogEntry.DoesNotExist:
        pass


@database_sync_to_async
def entry_log_name(entry_id, verbose):
    entry = OplogEntry.objects.get(pk=entry_id)
    if verbose and entry.oplog_id.name:
        return entry.oplog_id.name
    # the read above may not have run (short-circuit): this one may query
    return entry.oplog_id.name
