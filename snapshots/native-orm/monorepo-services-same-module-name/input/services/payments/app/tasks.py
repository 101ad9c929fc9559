from celery import shared_task

from app.helpers import mark_paid


@shared_task
def settle(payment_id):
    mark_paid(payment_id)
