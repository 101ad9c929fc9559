from .models import Order


def get(number):
    return Order.objects.get(number=number)
