from typing import Any

from artemis.db import DB

db = DB()


def form_context(context: dict[str, Any]) -> dict[str, Any]:
    context["tag_names"] = sorted(db.list_tags())
    return context
