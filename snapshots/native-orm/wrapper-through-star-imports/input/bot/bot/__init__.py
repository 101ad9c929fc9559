from asgiref.sync import sync_to_async
from django.db import close_old_connections
from app.models import Category

TEXTS = {"uz": "Kategoriyalar", "ru": "Категории"}
