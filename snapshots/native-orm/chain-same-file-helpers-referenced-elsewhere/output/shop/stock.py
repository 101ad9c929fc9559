from django.db.models import F

from .models import Product, StockLog

__all__ = ["log_change", "adjust_stock"]


def _count(pk):
    return Product.objects.filter(pk=pk).values_list("stock", flat=True).first()


async def _acount(pk):
    return await Product.objects.filter(pk=pk).values_list("stock", flat=True).afirst()


def log_change(pk, delta):
    StockLog.objects.create(product_id=pk, delta=delta)


async def alog_change(pk, delta):
    await StockLog.objects.acreate(product_id=pk, delta=delta)


def notify_low_stock(pk):
    Product.objects.filter(pk=pk, stock__lt=5).update(reserved=0)


async def anotify_low_stock(pk):
    await Product.objects.filter(pk=pk, stock__lt=5).aupdate(reserved=0)


def sync_totals(pk):
    Product.objects.filter(pk=pk).update(reserved=F("stock"))


async def async_totals(pk):
    await Product.objects.filter(pk=pk).aupdate(reserved=F("stock"))


async def _touch(pk):
    await Product.objects.filter(pk=pk).aupdate(stock=F("stock"))


async def adjust_stock(pk, delta):
    await Product.objects.filter(pk=pk).aupdate(stock=F("stock") + delta)
    await alog_change(pk, delta)
    await anotify_low_stock(pk)
    await async_totals(pk)
    await _touch(pk)
    return await _acount(pk)
