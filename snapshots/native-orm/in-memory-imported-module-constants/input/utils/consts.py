# -*- coding: utf-8 -*-
"""Game constants: statuses are (value, label) pairs, as the model's choices."""

STATUS = (
    ("new", "Новая"),
    ("started", "Идёт"),
    ("finished", "Окончена"),
)

CREATURES = {
    "vampire": "Вампир",
    "hunter": "Охотник",
}

# Filled at start-up from the database (see bot/db/common.py).
ROLES_CACHE = {}
