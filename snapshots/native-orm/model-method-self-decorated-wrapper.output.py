from asgiref.sync import sync_to_async
from django.db import models


class Depot(models.Model):
    title = models.CharField(max_length=100, verbose_name="Склад")


class Task(models.Model):
    current_depot_index = models.PositiveIntegerField(default=0)
    depots = models.ManyToManyField(Depot, through="TaskDepot")

    @property
    async def depot_count(self):
        # `self` of the model's own decorated method: an instance of Task.
        return await self.taskdepot_set.acount()

    async def first_depot_title(self):
        return (
            await self.depots.order_by("taskdepot__order")
            .values_list("title", flat=True)
            .afirst()
        )

    async def rename(self, index):
        self.current_depot_index = index
        await self.asave(update_fields=["current_depot_index"])

    @staticmethod
    @sync_to_async
    def open_count(task):
        # A static method's first parameter is no instance: not proven.
        return task.depots.count()


class TaskDepot(models.Model):
    task = models.ForeignKey(Task, on_delete=models.CASCADE)
    depot = models.ForeignKey(Depot, on_delete=models.CASCADE)
    order = models.PositiveIntegerField(default=0)
