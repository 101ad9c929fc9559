from asgiref.sync import sync_to_async

from billing.models import Account, Invoice


class InvoiceOwnerLookup:
    def __init__(self, invoice):
        self.invoice = invoice

    @sync_to_async
    def owner_account(self):
        # invoice.customer may be a ForeignKey of the shared package's Invoice
        return Account.objects.filter(number=self.invoice.customer.account_number).first()


@sync_to_async
def account_of(invoice):
    return Account.objects.filter(owner=invoice.owner).first()


@sync_to_async
def account_numbered(invoice_number: str):
    return Account.objects.filter(invoices__number=invoice_number).first()


@sync_to_async
def latest_invoice(account_id):
    return Invoice.objects.filter(account_id=account_id).order_by("-issued").first()
