import { existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { run } from "../../src/api.js";
import { projectModuleNames, projectRootOf } from "../../src/project/project-index.js";
import { dottedName, importedModuleId } from "../../src/python/module-names.js";
import { absoluteName } from "../../src/python/relative-imports.js";
import { discoverPythonFiles } from "../../src/runner/files.js";

const moduleOf = (root: string, file: string) => projectModuleNames(root).of(file);
import { removeTempProjects, tempProject } from "../helpers/project.js";

afterEach(removeTempProjects);

const MODELS = `from django.db import models


class Customer(models.Model):
    email = models.EmailField()


class Invoice(models.Model):
    customer = models.ForeignKey(Customer, on_delete=models.CASCADE)
    total = models.IntegerField()
`;

const API = `from asgiref.sync import sync_to_async

from .models import Invoice


@sync_to_async
def invoice_email(invoice_id):
    invoice = Invoice.objects.get(pk=invoice_id)
    return invoice.customer.email
`;

function billing(extra: Record<string, string> = {}): string {
  return tempProject({
    "pyproject.toml": '[project]\nname = "billing"\ndependencies = ["Django>=4.2"]\n',
    "billing/__init__.py": "",
    "billing/models.py": MODELS,
    "billing/api.py": API,
    ...extra,
  });
}

describe("the project index", () => {
  it("proves a rewrite from the whole project whatever files are named (pre-commit passes one)", async () => {
    const dir = billing();
    const alone = await run([join(dir, "billing/api.py")], { config: false, cache: false });
    const all = await run([dir], { config: false, cache: false });
    const codesOf = (r: typeof alone) =>
      r.files
        .filter((f) => f.path.endsWith("api.py"))
        .flatMap((f) => f.diagnostics.map((d) => d.code));
    // The lazy ForeignKey read is seen in both runs: models.py is indexed even when not named.
    expect(codesOf(alone)).toEqual(["AS202"]);
    expect(codesOf(all)).toEqual(["AS202"]);
    expect(alone.files.map((f) => f.status)).toEqual(["unchanged"]);
  });

  it("reads the Django version from the project root, whatever folder is named", async () => {
    const dir = billing({ "billing/sub/__init__.py": "" });
    const fromRoot = await run([dir], { config: false, cache: false });
    const fromSub = await run([join(dir, "billing")], { config: false, cache: false });
    expect(fromRoot.targetDjangoVersion).toBe("4.2");
    expect(fromSub.targetDjangoVersion).toBe("4.2");
  });

  it("keeps its cache under the project root, ignored by git, and reuses unchanged entries", async () => {
    const dir = billing();
    const models = join(dir, "billing/models.py");
    // Whole seconds: a time set again later is the very same.
    utimesSync(models, 1_700_000_000, 1_700_000_000);
    await run([join(dir, "billing/api.py")], { config: false });
    const cacheDir = join(dir, ".asyncshift_cache");
    expect(readFileSync(join(cacheDir, ".gitignore"), "utf8")).toContain("*");
    // A file changed behind the cache's back with the same size and time (Nix and some CI caches
    // normalise times) is read again: the key is the content (issue 22, item 5).
    writeFileSync(models, MODELS.replace("ForeignKey(", "CharField ("));
    utimesSync(models, 1_700_000_000, 1_700_000_000);
    const cached = await run([join(dir, "billing/api.py")], { config: false });
    const fresh = await run([join(dir, "billing/api.py")], { config: false, cache: false });
    expect(fresh.files[0].diagnostics.map((d) => d.code)).not.toContain("AS202");
    expect(cached.files[0].diagnostics).toEqual(fresh.files[0].diagnostics);
  });

  it("writes no cache with cache: false", async () => {
    const dir = billing();
    await run([dir], { config: false, cache: false });
    expect(existsSync(join(dir, ".asyncshift_cache"))).toBe(false);
  });

  it("reads a Django pin in the folder of manage.py from the repository root too", async () => {
    const dir = tempProject({
      "repo/.git/HEAD": "ref: refs/heads/main\n",
      "repo/backend/manage.py": "import django\n",
      "repo/backend/requirements.txt": "Django==4.1.13\n",
      "repo/backend/shop/views.py": "x = 1\n",
    });
    const fromRepo = await run([join(dir, "repo")], { config: false, cache: false });
    const fromBackend = await run([join(dir, "repo/backend")], { config: false, cache: false });
    expect(fromRepo.targetDjangoVersion).toBe("4.1");
    expect(fromBackend.targetDjangoVersion).toBe("4.1");
  });

  it("finds the root at the nearest manage.py, pyproject.toml, setup.cfg, setup.py or .git", () => {
    const dir = tempProject({
      "repo/setup.cfg": "",
      "repo/backend/manage.py": "",
      "repo/backend/app/x.py": "",
    });
    expect(projectRootOf(join(dir, "repo/backend/app/x.py"))).toBe(join(dir, "repo/backend"));
    expect(projectRootOf(join(dir, "repo/other"))).toBe(join(dir, "repo"));
    expect(moduleOf(join(dir, "repo"), join(dir, "repo/backend/app/x.py"))).toBe("backend.app.x");
    expect(moduleOf(join(dir, "repo"), join(dir, "repo/backend/__init__.py"))).toBe("backend");
  });

  it("names a module as Python imports it: from manage.py's folder, or src/", () => {
    const dir = tempProject({
      "repo/.git/HEAD": "",
      "repo/api/proj/manage.py": "",
      "repo/api/proj/shop/__init__.py": "",
      "repo/api/proj/shop/services.py": "",
      "repo/api/proj/shop/api/__init__.py": "",
      "repo/backend/src/baserow/__init__.py": "",
      "repo/backend/src/baserow/mcp/__init__.py": "",
      "repo/backend/src/baserow/mcp/tools.py": "",
      "repo/apps/users/__init__.py": "",
      "repo/apps/users/views.py": "",
    });
    const root = join(dir, "repo");
    expect(moduleOf(root, join(root, "api/proj/shop/services.py"))).toBe("shop.services");
    expect(moduleOf(root, join(root, "api/proj/shop/api/__init__.py"))).toBe("shop.api");
    expect(moduleOf(root, join(root, "backend/src/baserow/mcp/tools.py"))).toBe(
      "baserow.mcp.tools",
    );
    // `apps/` holds no __init__.py and is not on sys.path: a namespace package.
    expect(moduleOf(root, join(root, "apps/users/views.py"))).toBe("apps.users.views");
  });

  it("names a package installed from its own folder (pyproject.toml, setup.cfg, setup.py) from there", () => {
    const dir = tempProject({
      "repo/.git/HEAD": "",
      "repo/libs/payments/pyproject.toml": "[project]\nname = 'payments'\n",
      "repo/libs/payments/payments/__init__.py": "",
      "repo/libs/payments/payments/api.py": "",
      "repo/libs/legacy/setup.py": "",
      "repo/libs/legacy/legacy/__init__.py": "",
      "repo/libs/legacy/legacy/db.py": "",
    });
    const root = join(dir, "repo");
    expect(moduleOf(root, join(root, "libs/payments/payments/api.py"))).toBe("payments.api");
    expect(moduleOf(root, join(root, "libs/legacy/legacy/db.py"))).toBe("legacy.db");
  });

  it("names modules from the walk's listing as from the disk (ignored, linked and unlisted files too)", () => {
    const dir = tempProject({
      "repo/.git/HEAD": "",
      "repo/.gitignore": "ignored/\nservices/billing/manage.py\n",
      "repo/services/billing/manage.py": "",
      "repo/services/billing/app/__init__.py": "",
      "repo/services/billing/app/views.py": "",
      "repo/services/shop/manage.py":
        'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop_site.settings")\n',
      "repo/services/shop/__init__.py": "",
      "repo/services/shop/shop_site/__init__.py": "",
      "repo/services/shop/shop_site/urls.py": "",
      "repo/libs/pay/pyproject.toml": "[project]\nname = 'pay'\n",
      "repo/libs/pay/pay/__init__.py": "",
      "repo/libs/pay/pay/api.py": "",
      "repo/ignored/__init__.py": "",
      "repo/ignored/x.py": "",
      "repo/src/pkg/__init__.py": "",
      "repo/src/pkg/deep/__init__.py": "",
      "repo/src/pkg/deep/mod.py": "",
      "repo/plain/a.py": "",
      "outside/o.py": "",
    });
    const root = join(dir, "repo");
    // A linked __init__.py: the listing leaves it to the disk.
    symlinkSync(join(root, "src/pkg/__init__.py"), join(root, "plain/__init__.py"));
    const { files, listed } = discoverPythonFiles([root], { include: [], exclude: [] }, root);
    expect(files).not.toContain(join(root, "services/billing/manage.py"));
    expect(listed(join(root, "services/billing/manage.py"))).toBe(true);
    expect(listed(join(root, "plain/__init__.py"))).toBeUndefined();
    expect(listed(join(root, "ignored/x.py"))).toBeUndefined();
    expect(listed(join(root, "plain/b.py"))).toBe(false);
    const asked = [
      ...files,
      join(root, "ignored/x.py"),
      join(root, "plain/b.py"),
      join(dir, "outside/o.py"),
      join(root, "services/shop/shop_site/urls.py"),
    ];
    const fromListing = projectModuleNames(root, files, listed);
    const fromDisk = projectModuleNames(root, files);
    expect(asked.map((f) => fromListing.of(f))).toEqual(asked.map((f) => fromDisk.of(f)));
    expect(fromListing.of(join(root, "services/billing/app/views.py"))).toBe("app.views");
    expect(fromListing.of(join(root, "libs/pay/pay/api.py"))).toBe("pay.api");
    expect(fromListing.of(join(root, "src/pkg/deep/mod.py"))).toBe("pkg.deep.mod");
  });

  it("names two services' same-named modules apart, by import root (issue 22, item 2)", () => {
    const files = {
      "repo/.git/HEAD": "",
      "repo/services/invoicing/manage.py": "",
      "repo/services/invoicing/app/__init__.py": "",
      "repo/services/invoicing/app/helpers.py": "",
      "repo/services/invoicing/app/only_here.py": "",
      "repo/services/payments/manage.py": "",
      "repo/services/payments/app/__init__.py": "",
      "repo/services/payments/app/helpers.py": "",
      "repo/tools/api/manage.py": "",
      "repo/tools/api/ops/__init__.py": "",
      "repo/tools/api/ops/cli.py": "",
    };
    const dir = tempProject(files);
    const root = join(dir, "repo");
    const listed = Object.keys(files).map((f) => join(dir, f));
    const names = projectModuleNames(root, listed);
    expect(names.of(join(root, "services/invoicing/app/helpers.py"))).toBe(
      "services/invoicing/app.helpers",
    );
    expect(names.of(join(root, "services/payments/app/helpers.py"))).toBe(
      "services/payments/app.helpers",
    );
    // Every module of a clashing service carries its root; a service whose names clash with no
    // other keeps the plain names.
    expect(names.of(join(root, "services/invoicing/app/only_here.py"))).toBe(
      "services/invoicing/app.only_here",
    );
    expect(names.of(join(root, "tools/api/ops/cli.py"))).toBe("ops.cli");
    expect(names.placeOfRelative(join("services", "payments", "app", "helpers.py"))).toEqual({
      importRoot: "services/payments",
      dotted: "app.helpers",
    });
    // A name imported in a module is found from that module's own import root.
    expect(importedModuleId("services/payments/app.views", "app.helpers")).toBe(
      "services/payments/app.helpers",
    );
    expect(importedModuleId("ops.cli", "app.helpers")).toBe("app.helpers");
    expect(
      absoluteName(".helpers.mark_paid", "services/payments/app.views", "x/app/views.py"),
    ).toBe("services/payments/app.helpers.mark_paid");
    expect(dottedName("services/payments/app.helpers")).toBe("app.helpers");
  });

  it("names modules per run: a file added since an earlier run in the same process counts", () => {
    const dir = tempProject({ "repo/.git/HEAD": "", "repo/shop/services.py": "" });
    const root = join(dir, "repo");
    const file = join(root, "shop/services.py");
    expect(moduleOf(root, file)).toBe("shop.services");
    // Django now runs from shop/: the next run (a long-lived process using the API) must see it.
    writeFileSync(join(root, "shop/manage.py"), "");
    expect(moduleOf(root, file)).toBe("services");
  });

  it("names each folder's modules alike in any order, a root __init__.py first too", () => {
    const root = tempProject({
      "setup.py": "",
      "__init__.py": "",
      "x.py": "",
      "a/__init__.py": "",
      "a/y.py": "",
      "a/b/__init__.py": "",
      "a/b/z.py": "",
      "c/w.py": "",
      "src/pkg/__init__.py": "",
      "src/pkg/v.py": "",
    });
    const names = {
      "__init__.py": "",
      "a/__init__.py": "a",
      "a/b/__init__.py": "a.b",
      "a/b/z.py": "a.b.z",
      "a/y.py": "a.y",
      "c/w.py": "c.w",
      "setup.py": "setup",
      "src/pkg/__init__.py": "pkg",
      "src/pkg/v.py": "pkg.v",
      "x.py": "x",
    };
    const files = Object.keys(names).map((path) => join(root, path));
    for (const order of [files, [...files].reverse()]) {
      const modules = projectModuleNames(root, order);
      expect(
        Object.fromEntries(
          order.map((f, i) => [Object.keys(names)[files.indexOf(f)], modules.of(order[i])]),
        ),
      ).toEqual(names);
    }
  });
});
