from decimal import Decimal

from asgiref.sync import sync_to_async

from shop import formatting
from shop.formatting import count_of, names_of, total_of
from shop.models import Customer


@sync_to_async
def active_names():
    Customer.objects.filter(active=False).delete()
    return names_of(Customer.objects.filter(active=True))


@sync_to_async
def active_count():
    qs = Customer.objects.filter(active=True)
    Customer.objects.filter(active=False).delete()
    return count_of(qs, extra=1)


@sync_to_async
def labelled_active():
    Customer.objects.filter(active=False).delete()
    return formatting.labelled(
        Customer.objects.filter(active=True),  # the queryset itself, not a list
        label="active",
    )


@sync_to_async
def close_accounts(payload):
    Customer.objects.filter(pk__in=payload["ids"]).update(active=False)
    return total_of([Decimal(str(a)) for a in payload["amounts"]])
