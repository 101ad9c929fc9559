import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { asyncshift, removeTempProjects, tempProject } from "../helpers/project.js";

// A wrapper whose callers are in other files: the project index tells whether one passes the lazy
// request.user (native-orm's AS212), so the wrapper is kept even when only its file is named.

const SERVICES = `from asgiref.sync import sync_to_async

from shop.models import Order


@sync_to_async
def open_orders_for(user):
    return Order.objects.filter(customer=user, status="new").count()


@sync_to_async
def open_orders_of(customer_id):
    return Order.objects.filter(customer_id=customer_id, status="new").count()
`;

const VIEWS = `from django.http import JsonResponse

from shop import services


async def reserve_api(request, pk):
    if await services.open_orders_for(
        request.user,  # lazy
    ) > 5:
        return JsonResponse({"error": "too many open orders"}, status=429)
    return JsonResponse({"open": await services.open_orders_of(pk)})
`;

function project(views: string) {
  return tempProject({
    "requirements.txt": "Django==5.2\n",
    "manage.py": "",
    "shop/__init__.py": "",
    "shop/models.py":
      "from django.db import models\n\n\nclass Order(models.Model):\n    status = models.CharField(max_length=10)\n",
    "shop/services.py": SERVICES,
    "shop/views.py": views,
  });
}

afterEach(removeTempProjects);

describe("a wrapper given request.user by a caller in another file", () => {
  it("is kept, and the diagnostic names the call; the other wrapper converts", () => {
    const dir = project(VIEWS);
    const result = asyncshift(dir, ["--write", "--format", "json", "shop/services.py"]);
    const written = readFileSync(join(dir, "shop/services.py"), "utf8");
    expect(written).toContain("@sync_to_async\ndef open_orders_for(user):");
    expect(written).toContain("async def open_orders_of(customer_id):");
    const report = JSON.parse(result.stdout);
    const messages = report.files.flatMap(
      (f: { diagnostics: { code: string; message: string }[] }) =>
        f.diagnostics.filter((d) => d.code === "AS212").map((d) => d.message),
    );
    expect(messages).toEqual([
      expect.stringContaining(
        "the call services.open_orders_for(...) at shop/views.py:7 passes request.user",
      ),
    ]);
  });

  it("converts when no caller passes request.user", () => {
    const dir = project(VIEWS.replace("request.user,  # lazy", "request.user.pk,  # loaded"));
    asyncshift(dir, ["--write", "shop/services.py"]);
    const written = readFileSync(join(dir, "shop/services.py"), "utf8");
    expect(written).toContain("async def open_orders_for(user):");
  });
});
