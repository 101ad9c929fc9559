from celery import shared_task

from shop.sync import process_states


@shared_task
def report_states(pr_id):
    return process_states(pr_id)
