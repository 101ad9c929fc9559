from lab.models import Experiment


def team_label(experiment: Experiment) -> str:
    return f"{experiment.team.name}: {experiment.title}"
