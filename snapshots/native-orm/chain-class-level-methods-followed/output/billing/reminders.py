from billing.models import Invoice


class ReminderService:
    """Reminder bookkeeping, called from views and from the nightly task."""

    @classmethod
    def reset(cls, invoice_id: int) -> None:
        # One entry point for both callers.
        cls.clear_counter(invoice_id)

    @classmethod
    async def areset(cls, invoice_id: int) -> None:
        # One entry point for both callers.
        await cls.aclear_counter(invoice_id)

    @classmethod
    def clear_counter(cls, invoice_id: int) -> None:
        Invoice.objects.filter(pk=invoice_id).update(reminders=0)

    @classmethod
    async def aclear_counter(cls, invoice_id: int) -> None:
        await Invoice.objects.filter(pk=invoice_id).aupdate(reminders=0)

    @staticmethod
    def subject_for(number: str) -> str:
        return f"Invoice {number.strip()} is due"
