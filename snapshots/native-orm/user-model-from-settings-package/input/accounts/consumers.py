from asgiref.sync import sync_to_async
from django.contrib.auth import get_user_model

Account = get_user_model()


async def account_summary(account_id: int) -> dict:
    account = await sync_to_async(Account.objects.get)(pk=account_id)
    active = await sync_to_async(Account.objects.active().count)()
    imported = await sync_to_async(account.legacy_users.exists)()
    return {"name": account.display_name, "active": active, "imported": imported}
