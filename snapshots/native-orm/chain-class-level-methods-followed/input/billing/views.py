from asgiref.sync import sync_to_async

from billing.models import Invoice
from billing.reminders import ReminderService


@sync_to_async
def reset_reminders(invoice_id: int) -> None:
    ReminderService.reset(invoice_id)


class InvoiceTotals:
    @staticmethod
    def unpaid_count(customer_number: str) -> int:
        return Invoice.objects.filter(number__startswith=customer_number, paid=False).count()

    @sync_to_async
    def unpaid(self, customer_number: str) -> int:
        return self.unpaid_count(customer_number)

    @sync_to_async
    def unpaid_by_class(self, customer_number: str) -> int:
        return InvoiceTotals.unpaid_count(
            customer_number,  # the account prefix
        )
