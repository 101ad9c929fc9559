from django.contrib.auth import get_user_model

Account = get_user_model()


async def account_summary(account_id: int) -> dict:
    account = await Account.objects.aget(pk=account_id)
    active = await Account.objects.active().acount()
    imported = await account.legacy_users.aexists()
    return {"name": account.display_name, "active": active, "imported": imported}
