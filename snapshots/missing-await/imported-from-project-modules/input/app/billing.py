from decimal import Decimal


async def charge(user, amount=Decimal("0")):
    return user.pk, amount
