from billing.reminders import ReminderService


def nightly_reset(invoice_ids: list[int]) -> None:
    for invoice_id in invoice_ids:
        ReminderService.reset(invoice_id)
