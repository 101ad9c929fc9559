from asgiref.sync import sync_to_async
from django.apps import apps
from django.contrib.auth import get_user_model


async def deactivate(username):
    User = get_user_model()
    user = await sync_to_async(User.objects.get)(username=username)
    user.is_active = False
    await sync_to_async(user.save)(update_fields=["is_active"])


async def open_invoices(customer_id):
    Invoice = apps.get_model("billing", "Invoice")
    return await sync_to_async(Invoice.objects.filter(customer_id=customer_id).count)()


async def latest_note(pk):
    # The dotted form, and a call used directly.
    return await sync_to_async(apps.get_model("crm.Note").objects.filter(pk=pk).first)()


async def staff_count():
    return await sync_to_async(get_user_model().objects.filter(is_staff=True).count)()


def forwards(apps, schema_editor):
    # A migration's historical registry: sync code, nothing to convert.
    Invoice = apps.get_model("billing", "Invoice")
    Invoice.objects.filter(total=None).update(total=0)
