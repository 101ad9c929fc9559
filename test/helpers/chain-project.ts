import { readFileSync } from "node:fs";
import { join } from "node:path";

// The smallest project with a chain across files: `shop/api.py`'s `@sync_to_async` wrapper calls
// `record_review` of `shop/services.py`, so a --write run is one write group of two files (the
// caller sorts first, so an interactive review meets it before the file gaining the twin).

export const CHAIN_SERVICES = `from .models import Review


def record_review(external_id, state):
    Review.objects.update_or_create(external_id=external_id, defaults={"state": state})
`;

export const CHAIN_API = `from asgiref.sync import sync_to_async

from .services import record_review


@sync_to_async
def record(external_id, state):
    record_review(external_id, state)


async def webhook(payload):
    await record(payload["id"], payload["state"])
`;

/** What --write makes of the two files. */
export const CHAIN_API_AFTER = `from .services import arecord_review


async def record(external_id, state):
    await arecord_review(external_id, state)


async def webhook(payload):
    await record(payload["id"], payload["state"])
`;

export const CHAIN_SERVICES_AFTER = `${CHAIN_SERVICES}

async def arecord_review(external_id, state):
    await Review.objects.aupdate_or_create(external_id=external_id, defaults={"state": state})
`;

export function chainFiles(extra: Record<string, string> = {}): Record<string, string> {
  return {
    "requirements.txt": "Django==5.2\n",
    "manage.py": "",
    "shop/__init__.py": "",
    "shop/models.py": `from django.db import models


class Review(models.Model):
    external_id = models.IntegerField()
    state = models.CharField(max_length=20)
`,
    "shop/services.py": CHAIN_SERVICES,
    "shop/api.py": CHAIN_API,
    ...extra,
  };
}

export const readText = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
