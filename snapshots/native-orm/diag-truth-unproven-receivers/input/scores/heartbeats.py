from channels.db import database_sync_to_async

from scores.models import Process


def reset_stats(activation: Process) -> None:
    activation.ruleset_stats = {}
    activation.save()


class HeartbeatConsumer:
    @database_sync_to_async
    def handle_heartbeat(self, process_id: int, stats: dict) -> None:
        instance = Process.objects.filter(id=process_id).first()
        if instance:
            activation = instance.get_parent()
            activation.save(update_fields=["ruleset_stats"])
