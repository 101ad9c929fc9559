from billing.models import Invoice
from billing.reminders import ReminderService


async def reset_reminders(invoice_id: int) -> None:
    await ReminderService.areset(invoice_id)


class InvoiceTotals:
    @staticmethod
    async def unpaid_count(customer_number: str) -> int:
        return await Invoice.objects.filter(number__startswith=customer_number, paid=False).acount()

    async def unpaid(self, customer_number: str) -> int:
        return await self.unpaid_count(customer_number)

    async def unpaid_by_class(self, customer_number: str) -> int:
        return await InvoiceTotals.unpaid_count(
            customer_number,  # the account prefix
        )
