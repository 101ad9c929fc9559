import asyncio

from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.db import transaction

from common import handlers
from common.db_utils import safe_db_connection
from orgs.models import Organization


class ToolsWebsocket(AsyncJsonWebsocketConsumer):
    async def receive_json(self, content, **kwargs):
        msg_type = content.get("msg_type")
        data = content.get("data") or {}
        ok, msg = await asyncio.to_thread(self.run_func, f"run_{msg_type.lower()}", data)
        await self.send_json({"ok": ok, "msg": f"{msg}"})

    async def disconnect(self, code):
        # Closed off the loop: Django's connections are thread-bound.
        await asyncio.to_thread(self.close_connections)
        self.run_named("run_ping")
        await asyncio.to_thread(self.run_plugin, "cleanup")

    def run_func(self, func_name, data):
        with safe_db_connection():
            return getattr(self, func_name)(data)

    def run_named(self, name):
        return getattr(self, "run_ping")(name)

    def run_plugin(self, name):
        return getattr(handlers, name)()

    def close_connections(self):
        with transaction.atomic():
            self.log_closed()

    def log_closed(self):
        print("closed")

    def run_import_user(self, data):
        orgs = list(Organization.objects.filter(id__in=data.get("org_ids", [])))
        return True, len(orgs)

    def run_ping(self, data):
        return True, "pong"
