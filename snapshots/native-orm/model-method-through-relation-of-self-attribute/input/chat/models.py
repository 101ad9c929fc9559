from django.db import models


class Experiment(models.Model):
    name = models.CharField(max_length=50)

    def open_sessions(self, state: str) -> int:
        return self.sessions.filter(state=state).count()


class Participant(models.Model):
    identifier = models.CharField(max_length=50)

    def get_data(self) -> dict:
        return {"sessions": self.experimentsession_set.count()}


class ExperimentSession(models.Model):
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="sessions")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE)
    state = models.CharField(max_length=20)
