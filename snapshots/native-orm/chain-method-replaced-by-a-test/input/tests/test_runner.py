import asyncio

from jobs.runner import Runner


def test_finish_marks_done():
    seen = []
    runner = Runner()
    # The instance attribute replaced by a sync callable: the runner must still call it.
    runner.mark_done = lambda job_id: seen.append(job_id)
    asyncio.run(runner.finish(7))
    assert seen == [7]


def test_fail_marks_failed(monkeypatch):
    seen = []
    runner = Runner()
    monkeypatch.setattr(runner, "mark_failed", lambda job_id: seen.append(job_id))
    asyncio.run(runner.fail(3))
    assert seen == [3]
