from asgiref.sync import sync_to_async

from bank.models import Card


@sync_to_async
def account_of(pk):
    # The account is read off the query's result: a lazy load in the worker thread today.
    return Card.objects.get(pk=pk).account


async def account_selected(pk):
    return (await Card.objects.select_related("account").aget(pk=pk)).account


async def account_name(pk):
    return (await Card.objects.aget(pk=pk)).account.name


async def account_id_of(pk):
    return (await Card.objects.aget(pk=pk)).account_id
