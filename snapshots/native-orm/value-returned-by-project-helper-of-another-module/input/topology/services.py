from .models import Topology


def create_topology(label: str):
    topology = Topology.objects.create(label=label)
    return topology


def find_topology(label: str):
    # May give a queryset's row or a label: not one model's instance.
    if label.startswith("#"):
        return label
    return Topology.objects.filter(label=label).first()
