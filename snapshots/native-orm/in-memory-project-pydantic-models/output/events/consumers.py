from asgiref.sync import sync_to_async

from events.messages import AnsibleEventMessage, CheckedInfo, ControllerInfo, WorkerMessage
from events.models import JobInstance


async def insert_event_related_data(message: AnsibleEventMessage) -> None:
    event_data = message.event or {}
    if event_data.get("stdout"):
        job_instance = await JobInstance.objects.aget(uuid=event_data.get("job_id"))
        job_instance.stdout = event_data["stdout"]
        job_instance.counter = message.counter
        await job_instance.asave(update_fields=["stdout", "counter"])


async def controller_info(job_id: str) -> ControllerInfo:
    job = await JobInstance.objects.aget(uuid=job_id)
    return ControllerInfo(url="https://controller.example", token=job.uuid)


@sync_to_async
def checked_info(job_id: str) -> CheckedInfo:
    job = JobInstance.objects.get(uuid=job_id)
    return CheckedInfo(url="https://controller.example", token=job.uuid)


@sync_to_async
def worker_output(message: WorkerMessage) -> str:
    # `job` is a property of WorkerMessage: reading it runs its body.
    output = message.job.stdout
    JobInstance.objects.filter(uuid=message.job_id).update(stdout="")
    return output


async def handle(message: AnsibleEventMessage, worker: WorkerMessage):
    await insert_event_related_data(message)
    await controller_info(worker.job_id)
    await checked_info(worker.job_id)
    return await worker_output(worker)
