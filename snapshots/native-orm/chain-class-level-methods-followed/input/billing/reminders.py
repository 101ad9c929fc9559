from billing.models import Invoice


class ReminderService:
    """Reminder bookkeeping, called from views and from the nightly task."""

    @classmethod
    def reset(cls, invoice_id: int) -> None:
        # One entry point for both callers.
        cls.clear_counter(invoice_id)

    @classmethod
    def clear_counter(cls, invoice_id: int) -> None:
        Invoice.objects.filter(pk=invoice_id).update(reminders=0)

    @staticmethod
    def subject_for(number: str) -> str:
        return f"Invoice {number.strip()} is due"
