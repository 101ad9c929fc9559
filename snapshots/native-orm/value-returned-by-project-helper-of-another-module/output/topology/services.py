from .models import Topology


def create_topology(label: str):
    topology = Topology.objects.create(label=label)
    return topology


async def acreate_topology(label: str):
    topology = await Topology.objects.acreate(label=label)
    return topology


def find_topology(label: str):
    # May give a queryset's row or a label: not one model's instance.
    if label.startswith("#"):
        return label
    return Topology.objects.filter(label=label).first()


async def afind_topology(label: str):
    # May give a queryset's row or a label: not one model's instance.
    if label.startswith("#"):
        return label
    return await Topology.objects.filter(label=label).afirst()
