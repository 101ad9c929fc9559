import asyncio
import os

from django.core.management.base import BaseCommand

from grpcserver.models import GRPCServerStatus


class Command(BaseCommand):
    help = "Run the gRPC server and keep its status row."

    async def _serve(self, host, port):
        status = await asyncio.to_thread(
            GRPCServerStatus.objects.start_server,
            host,
            port,  # the listening port
            os.getpid(),
        )
        running = await GRPCServerStatus.objects.running().acount()
        return status, running

    def handle(self, *args, **options):
        asyncio.run(self._serve(options["host"], options["port"]))
