from asgiref.sync import sync_to_async
from django.db import models


class Client(models.Model):
    name = models.CharField(max_length=255, verbose_name="Имя клиента")
    phone = models.CharField(max_length=32, null=True, blank=True)

    def __str__(self):
        return self.name


class Cabinet(models.Model):
    user_id = models.BigIntegerField(db_index=True, verbose_name="ID пользователя")
    client = models.ForeignKey(
        Client,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,  # the cabinet outlives its client
        verbose_name="Клиент",
    )
    manager = models.ForeignKey("Manager", on_delete=models.PROTECT, related_name="cabinets")
    partner = models.ForeignKey(
        Client, to_field="phone", null=True, on_delete=models.SET_NULL, related_name="+"
    )

    @property
    @sync_to_async
    def get_client(self) -> Client:
        """The client of this cabinet, loaded from the database."""
        return self.client

    @property
    @sync_to_async
    def get_manager(self):
        return self.manager

    @property
    @sync_to_async
    def get_partner(self):
        return self.partner


class Manager(models.Model):
    full_name = models.CharField(max_length=255)
