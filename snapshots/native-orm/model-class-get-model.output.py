from django.apps import apps
from django.contrib.auth import get_user_model


async def deactivate(username):
    User = get_user_model()
    user = await User.objects.aget(username=username)
    user.is_active = False
    await user.asave(update_fields=["is_active"])


async def open_invoices(customer_id):
    Invoice = apps.get_model("billing", "Invoice")
    return await Invoice.objects.filter(customer_id=customer_id).acount()


async def latest_note(pk):
    # The dotted form, and a call used directly.
    return await apps.get_model("crm.Note").objects.filter(pk=pk).afirst()


async def staff_count():
    return await get_user_model().objects.filter(is_staff=True).acount()


def forwards(apps, schema_editor):
    # A migration's historical registry: sync code, nothing to convert.
    Invoice = apps.get_model("billing", "Invoice")
    Invoice.objects.filter(total=None).update(total=0)
