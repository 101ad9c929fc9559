from asgiref.sync import sync_to_async
from django.db.models import F

from .models import Product, StockLog

__all__ = ["log_change", "adjust_stock"]


def _count(pk):
    return Product.objects.filter(pk=pk).values_list("stock", flat=True).first()


def log_change(pk, delta):
    StockLog.objects.create(product_id=pk, delta=delta)


def notify_low_stock(pk):
    Product.objects.filter(pk=pk, stock__lt=5).update(reserved=0)


def sync_totals(pk):
    Product.objects.filter(pk=pk).update(reserved=F("stock"))


def _touch(pk):
    Product.objects.filter(pk=pk).update(stock=F("stock"))


@sync_to_async
def adjust_stock(pk, delta):
    Product.objects.filter(pk=pk).update(stock=F("stock") + delta)
    log_change(pk, delta)
    notify_low_stock(pk)
    sync_totals(pk)
    _touch(pk)
    return _count(pk)
