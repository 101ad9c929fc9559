from django.conf import settings
from django.db import models
from django.utils.functional import cached_property


class Repository(models.Model):
    name = models.CharField(max_length=100)


class Shop(models.Model):
    class Status(models.TextChoices):
        OPEN = "open"
        CLOSED = "closed"

    name = models.CharField(max_length=50)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    repository = models.ForeignKey(Repository, on_delete=models.CASCADE)

    @property
    def open_orders(self):
        """Orders still to ship, newest first."""
        return self.orders.filter(status=Order.Status.OPEN).order_by("-created")

    @cached_property
    def recent_order_ids(self):
        return Order.objects.filter(shop=self).values_list("id", flat=True)[:50]

    @property
    def content(self):
        # Reads the ForeignKey to build the filter: a query when it is not loaded.
        return Order.objects.filter(repository=self.repository)


class Order(models.Model):
    class Status(models.TextChoices):
        OPEN = "open"
        SHIPPED = "shipped"

    shop = models.ForeignKey(Shop, on_delete=models.CASCADE, related_name="orders")
    repository = models.ForeignKey(Repository, null=True, on_delete=models.SET_NULL)
    status = models.CharField(max_length=10, choices=Status.choices)
    created = models.DateTimeField(auto_now_add=True)
