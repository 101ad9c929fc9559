import asyncio
import os

from django.core.asgi import get_asgi_application

from shop.warmup import warm_caches

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
asyncio.run(warm_caches())  # once, as the server process starts
application = get_asgi_application()
