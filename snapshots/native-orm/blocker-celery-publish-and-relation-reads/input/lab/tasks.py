from celery import shared_task

from lab.models import Experiment


@shared_task(bind=True, max_retries=3)
def index_experiment(self, pk: int) -> None:
    Experiment.objects.filter(pk=pk).update(title="indexed")
