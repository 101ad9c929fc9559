from django.db.models.signals import post_save
from django.dispatch import Signal

from shop import stock

stock_changed = Signal()

# Django calls receivers synchronously: notify_low_stock must stay a plain function.
stock_changed.connect(stock.notify_low_stock)
