import datetime
import json
import time

from asgiref.sync import sync_to_async

from .models import Job


@sync_to_async
def finish(job_id, raw):
    started = time.time()
    body = json.loads(raw)
    stamp = datetime.datetime.now()
    attempts = int(body.get("attempts", "0"))
    label = f"job-{job_id}".upper()
    names = [step["name"] for step in body["steps"]]
    counts = {"ok": 0, "failed": 0}
    Job.objects.filter(pk=job_id).update(
        label=label,
        names=",".join(names),
        finished=stamp.isoformat(),
        seconds=round(time.time() - started, 2),
        attempts=attempts,
        counts=counts.copy(),
    )
