from channels.db import database_sync_to_async
from django.contrib.auth.models import AnonymousUser
from oauth2_provider.models import AccessToken
from rest_framework.authtoken.models import Token
from vendor_billing.models import Invoice


@database_sync_to_async
def get_user(token_value):
    try:
        token = Token.objects.get(key=token_value)
        # Token.user is a OneToOneField: a query of its own
        return token.user
    except Token.DoesNotExist:
        return AnonymousUser()


@database_sync_to_async
def token_scope(value: str) -> str:
    access = AccessToken.objects.get(token=value)
    return access.scope


@database_sync_to_async
def invoice_owner(number: str):
    invoice = Invoice.objects.get(number=number)
    return invoice.user


@database_sync_to_async
def invoice_total(number: str):
    invoice = Invoice.objects.get(number=number)
    return invoice.total
