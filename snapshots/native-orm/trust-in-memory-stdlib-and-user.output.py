import calendar

from asgiref.sync import sync_to_async

from accounts.models import User
from billing.models import Invoice


async def invoices_this_month(year, month):
    days = calendar.monthrange(year, month)[1]
    return await Invoice.objects.filter(issued__year=year, issued__month=month, days=days).acount()


async def change_password(pk, raw):
    user = await User.objects.aget(pk=pk)
    user.set_password(raw)
    await user.asave(update_fields=["password"])


@sync_to_async
def login_check(pk, raw):
    # check_password may save an upgraded hash: it keeps the thread.
    user = User.objects.get(pk=pk)
    return user.check_password(raw)
