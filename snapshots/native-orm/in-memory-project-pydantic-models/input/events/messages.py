from typing import Optional

from pydantic import BaseModel, field_validator


class Message(BaseModel):
    type: str


class AnsibleEventMessage(Message):
    event: Optional[dict] = None
    counter: int = 0


class ControllerInfo(BaseModel):
    url: str
    token: str


class CheckedInfo(ControllerInfo):
    @field_validator("url")
    @classmethod
    def known_host(cls, value):
        # A validator runs when the model is built: not followed.
        return value


class WorkerMessage(Message):
    job_id: str

    @property
    def job(self):
        from events.models import JobInstance

        return JobInstance.objects.get(uuid=self.job_id)
