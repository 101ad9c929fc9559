import json

from asgiref.sync import sync_to_async

from .models import Job


@sync_to_async
def bare_parameter(job_id, result):
    # Nothing shows what `result` is: it may be a model instance with its own query.
    Job.objects.filter(pk=job_id).update(summary=result.summary())


@sync_to_async
def json_value_method(job_id, raw):
    body = json.loads(raw)
    # A JSON document has no save(): whatever this is, it is not known to stay off the database.
    body["job"].save()
    return Job.objects.filter(pk=job_id).count()


@sync_to_async
def iterated_parameter(orders):
    # Items of a bare parameter are not known: they may be model instances.
    for order in orders:
        order.refresh_from_db()
    return Job.objects.count()


@sync_to_async
def session_get(session, job_id):
    # A URL is no mapping key: session.get("/api/...") is a request.
    session.get("/api/jobs")
    return Job.objects.filter(pk=job_id).count()


@sync_to_async
def update_fields(job_id, **changes):
    # **changes is a dict: its own methods run in memory; its items are not known.
    job = Job.objects.get(pk=job_id)
    for key, value in changes.items():
        setattr(job, key, value)
    job.save()
    changes.get("owner").refresh_from_db()


@sync_to_async
def user_of_session(session):
    # request.session handed on: SessionBase.get() loads a database-backed session with a query,
    # and a cache or redis client's get("key") goes over the network. Not a mapping by its use.
    return Job.objects.filter(owner_id=session.get("user_id")).first()
