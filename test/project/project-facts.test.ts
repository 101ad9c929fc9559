import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../../src/api.js";
import {
  dependencyFacts,
  dependencyFilesAbove,
  factsOfFile,
  NO_DEPENDENCIES,
  projectFacts,
  unreadModelBodies,
  withDependencies,
  type DependencyFacts,
} from "../../src/project/project-facts.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder holding `files` (name -> text). */
function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "asyncshift-project-"));
  dirs.push(dir);
  // A .git folder stops the walk up to the file system root.
  mkdirSync(join(dir, ".git"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function factsOf(files: Record<string, string>) {
  return dependencyFacts(dependencyFilesAbove(project(files)));
}

describe("dependencyFacts: Django and its version", () => {
  it.each([
    ["requirements pin", "requirements.txt", "celery==5.3.4\nDjango==4.2.7\nredis\n", "4.2"],
    ["requirements range", "requirements.txt", "django>=4.1,<5\n", "4.1"],
    [
      "requirements extras",
      "requirements.txt",
      "Django[argon2]==4.2.3 ; python_version >= '3.10'\n",
      "4.2",
    ],
    ["compatible release", "requirements-prod.txt", "Django~=5.0.1\n", "5.0"],
    [
      "pyproject [project]",
      "pyproject.toml",
      '[project]\nname = "x"\ndependencies = [\n    "Django>=5.0",\n    "httpx",\n]\n',
      "5.0",
    ],
    [
      "poetry caret",
      "pyproject.toml",
      '[tool.poetry.dependencies]\npython = "^3.11"\ndjango = "^4.2"\n',
      "4.2",
    ],
    [
      "setup.cfg install_requires",
      "setup.cfg",
      "[options]\ninstall_requires =\n    asgiref\n    Django >= 4.2, < 5.0\n",
      "4.2",
    ],
    ["setup.py", "setup.py", 'setup(name="x", install_requires=["Django>=3.2"])\n', "3.2"],
    ["Pipfile", "Pipfile", '[packages]\ndjango = "==4.2.11"\ncelery = "*"\n', "4.2"],
  ])("%s", (_, file, text, version) => {
    const facts = factsOf({ [file]: text });
    expect(facts.usesDjango).toBe(true);
    expect(facts.djangoVersion).toBe(version);
    expect(facts.evidence).toMatch(new RegExp(`${file.replace(".", "\\.")}$`));
  });

  it("reads pins split across a requirements/ folder", () => {
    expect(
      factsOf({ "requirements/base.txt": "Django==5.0.3\n", "requirements/dev.txt": "pytest\n" }),
    ).toMatchObject({
      usesDjango: true,
      djangoVersion: "5.0",
    });
  });

  it("takes the version a lock file pins over the manifest's lower bound", () => {
    expect(
      factsOf({
        Pipfile: '[packages]\ndjango = "~=4.0"\n',
        "Pipfile.lock": JSON.stringify({ default: { django: { version: "==4.2.16" } } }),
      }).djangoVersion,
    ).toBe("4.2");
    expect(
      factsOf({
        "pyproject.toml": '[tool.poetry.dependencies]\ndjango = "^4.1"\n',
        "poetry.lock":
          '[[package]]\nname = "asgiref"\nversion = "3.8.1"\n\n[[package]]\nname = "Django"\nversion = "5.1.4"\n',
      }).djangoVersion,
    ).toBe("5.1");
    expect(
      factsOf({
        "pyproject.toml": '[project]\ndependencies = ["django>=4.2"]\n',
        "uv.lock": 'version = 1\n\n[[package]]\nname = "django"\nversion = "5.2.1"\n',
      }).djangoVersion,
    ).toBe("5.2");
  });

  it("takes a library's lower bound over its lock file (orm-review-3 N1)", () => {
    const lock =
      '[[package]]\nname = "asgiref"\nversion = "3.8.1"\n\n[[package]]\nname = "Django"\nversion = "5.1.7"\n';
    expect(
      factsOf({
        "pyproject.toml":
          '[tool.poetry]\nname = "grpc-lib"\npackages = [{ include = "app" }]\n\n[tool.poetry.dependencies]\ndjango = ">=4.2"\n',
        "poetry.lock": lock,
      }).djangoVersion,
    ).toBe("4.2");
    expect(
      factsOf({
        "pyproject.toml":
          '[build-system]\nrequires = ["hatchling"]\n\n[project]\nname = "lib"\ndependencies = ["Django>=4.2"]\n',
        "uv.lock": 'version = 1\n\n[[package]]\nname = "django"\nversion = "5.2.1"\n',
      }).djangoVersion,
    ).toBe("4.2");
  });

  it("knows Django without a version", () => {
    const facts = factsOf({ "requirements.txt": "Django\ncelery\n" });
    expect(facts.usesDjango).toBe(true);
    expect(facts.djangoVersion).toBeUndefined();
  });

  it("does not mistake other packages for Django", () => {
    const facts = factsOf({
      "requirements.txt": "djangorestframework==3.14\ndjango-environ>=0.11\nflask==3.0\n",
    });
    expect(facts.usesDjango).toBe(false);
    expect(facts.djangoVersion).toBeUndefined();
  });

  it("says nothing for a project without Django", () => {
    const facts = factsOf({
      "pyproject.toml": '[project]\nname = "api"\ndependencies = ["fastapi", "httpx"]\n',
    });
    expect(facts).toMatchObject({ usesDjango: false, usesAsgiref: false });
  });

  it("detects asgiref (and channels) without Django", () => {
    expect(factsOf({ "requirements.txt": "asgiref==3.7.2\n" }).usesAsgiref).toBe(true);
    expect(factsOf({ "requirements.txt": "channels[daphne]\n" }).usesAsgiref).toBe(true);
    expect(factsOf({ "requirements.txt": "httpx\n" }).usesAsgiref).toBe(false);
    expect(
      factsOf({ "pyproject.toml": '[tool.poetry.dependencies]\nchannels = "^4.0"\n' }).usesAsgiref,
    ).toBe(true);
  });

  // hazard-review-8 Y25 (marimo): pixi's conda channels are no dependency on Django Channels.
  it("does not take a TOML key `channels = [...]` for Django Channels", () => {
    const pixi =
      '[project]\ndependencies = ["starlette"]\n\n[tool.pixi.workspace]\nchannels = ["conda-forge"]\n';
    expect(factsOf({ "pyproject.toml": pixi }).usesAsgiref).toBe(false);
  });
});

describe("dependencyFilesAbove", () => {
  it("finds dependency files in the folder and its parents, nearest first, up to the repository", () => {
    const dir = project({
      "requirements.txt": "Django==4.2\n",
      "backend/pyproject.toml": '[project]\ndependencies = ["Django>=5.0"]\n',
      "backend/app/views.py": "",
      "README.md": "",
    });
    const found = dependencyFilesAbove(join(dir, "backend", "app"));
    expect(found.map((f) => f.slice(dir.length + 1))).toEqual([
      join("backend", "pyproject.toml"),
      "requirements.txt",
    ]);
    // The nearest file decides the version.
    expect(dependencyFacts(found).djangoVersion).toBe("5.0");
  });
});

describe("factsOfFile and projectFacts", () => {
  it("notices django and asgiref imports, module-level or local", () => {
    expect(factsOfFile("from django.db import models\n").importsDjango).toBe(true);
    expect(factsOfFile("def f():\n    import django\n").importsDjango).toBe(true);
    expect(factsOfFile("from asgiref.sync import async_to_sync\n").importsAsgiref).toBe(true);
    expect(factsOfFile("# from django import x\nx = 'import django'\n").importsDjango).toBe(false);
  });

  it("notices a file that sets DJANGO_ALLOW_ASYNC_UNSAFE, not one that only names it", () => {
    const set = [
      'os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"\n',
      "os.environ.setdefault('DJANGO_ALLOW_ASYNC_UNSAFE', '1')\n",
      'def f(monkeypatch):\n    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")\n',
    ];
    for (const source of set) expect(factsOfFile(source).allowsAsyncUnsafe).toBe(true);
    expect(factsOfFile('# os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "1"\n').allowsAsyncUnsafe).toBe(
      undefined,
    );
    expect(factsOfFile('x = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")\n').allowsAsyncUnsafe).toBe(
      undefined,
    );
  });

  it("makes a project Django when a scanned file imports it", () => {
    const files = [
      { path: "app/tasks.py", facts: factsOfFile("import celery\n") },
      { path: "app/views.py", facts: factsOfFile("from django.http import JsonResponse\n") },
    ];
    const facts = projectFacts({ usesDjango: false, usesAsgiref: false }, files);
    expect(facts.usesDjango).toBe(true);
    expect(facts.djangoEvidence).toBe("app/views.py imports django");
  });

  it("keeps the dependency file's evidence and version", () => {
    const facts = projectFacts(
      { usesDjango: true, usesAsgiref: true, djangoVersion: "4.2", evidence: "requirements.txt" },
      [{ path: "a.py", facts: factsOfFile("import django\n") }],
    );
    expect(facts).toMatchObject({
      usesDjango: true,
      usesAsgiref: true,
      djangoVersion: "4.2",
      djangoEvidence: "requirements.txt",
    });
  });

  it("collects model classes from the files", () => {
    const source = [
      "from django.db import models",
      "",
      "class Product(models.Model):",
      "    name = models.CharField(max_length=10)",
      "",
      "class Order(models.Model):",
      "    product = models.ForeignKey(Product, on_delete=models.CASCADE)",
      "    open_orders = OpenManager()",
      "",
    ].join("\n");
    const facts = projectFacts({ usesDjango: true, usesAsgiref: false }, [
      { path: "shop/models.py", facts: factsOfFile(source) },
    ]);
    expect(Object.keys(facts.models).sort()).toEqual(["Order", "Product"]);
    expect(facts.models.Order.relations).toContain("product");
  });

  it("takes third-party model bases and classes declaring models fields as models", () => {
    const source = [
      "from django.db import models",
      "from treebeard.mp_tree import MP_Node",
      "from vendor.base import VendorBase",
      "",
      "class Job(MP_Node):",
      '    tags = models.ManyToManyField("Tag")',
      "",
      "class Labelled(VendorBase):",
      "    label = models.CharField(max_length=20)  # a field: a model, whatever VendorBase is",
      "",
      "class Helper(VendorBase):",
      "    limit = settings.LIMIT",
      "",
    ].join("\n");
    // A base declaring only plain fields in a file of its own is read too.
    const other = "class Named(Base):\n    name = models.CharField(max_length=9)\n";
    const facts = projectFacts({ usesDjango: true, usesAsgiref: false }, [
      { path: "jobs/models.py", facts: factsOfFile(source) },
      { path: "jobs/named.py", facts: factsOfFile(other) },
    ]);
    expect(Object.keys(facts.models).sort()).toEqual(["Job", "Labelled", "Named"]);
    expect(facts.models.Job.manyToMany).toEqual(["tags"]);
  });

  it("reads managers and relations whatever class heads sit around them", () => {
    // The only manager call follows heads that end in "Manager(", and a backslash continuation.
    const source = [
      "from shop.models import TimeStamped",
      "",
      "class OpenManager(QuerySetManager):",
      "    pass",
      "",
      "class Order(TimeStamped):",
      "    open_orders = \\",
      "        OpenManager()",
      "    class ContextManager(object):",
      "        pass",
      "",
    ].join("\n");
    const base = "from django.db import models\n\nclass TimeStamped(models.Model):\n    pass\n";
    const facts = projectFacts({ usesDjango: true, usesAsgiref: false }, [
      { path: "shop/models.py", facts: factsOfFile(base) },
      { path: "shop/orders.py", facts: factsOfFile(source) },
    ]);
    expect(facts.models.Order.managers).toEqual(["open_orders"]);
    // Heads alone (no manager or relation call in a body): the same classes, no facts to read.
    expect(factsOfFile("class Manager(Employee):\n    pass\n").classes).toEqual({
      Manager: { bases: ["Employee"], facts: { managers: [], relations: [], manyToMany: [] } },
    });
  });
});

describe("what the proofs need beyond model classes", () => {
  const scan = (files: Record<string, string>) =>
    projectFacts(
      { usesDjango: true, usesAsgiref: false },
      Object.entries(files).map(([path, text]) => ({ path, facts: factsOfFile(text) })),
    );

  it("tells a pydantic class of a models module from a model, and says when it cannot", () => {
    const facts = scan({
      "app/models.py": [
        "from django.db import models",
        "from pydantic import BaseModel",
        "import pydantic as pd",
        "from vendor.base import VendorBase",
        "",
        "class CardRequest(BaseModel):",
        "    source: str",
        "",
        "class CardReply(pd.BaseModel):",
        "    ok: bool",
        "",
        "class Nested(CardRequest):",
        "    pass",
        "",
        "class Vendor(VendorBase):",
        "    pass",
        "",
        "class Card(models.Model):",
        "    number = models.CharField(max_length=20)",
        "",
      ].join("\n"),
      "app/schemas.py":
        "from pydantic import BaseModel\n\nclass Elsewhere(BaseModel):\n    x: int\n",
    });
    expect(Object.keys(facts.models)).toEqual(["Card"]);
    expect(facts.modelsModuleClasses).toEqual({
      CardRequest: "plain",
      CardReply: "plain",
      Nested: "plain",
      Vendor: "unknown",
    });
  });

  it("records the methods a model's manager class overrides, across files and bases", () => {
    const facts = scan({
      "tickets/managers.py": [
        "from django.db import models",
        "",
        "class BaseTicketManager(models.Manager):",
        "    def get_or_create(self, **kwargs):",
        "        return super().get_or_create(**kwargs)",
        "",
        "class TicketManager(BaseTicketManager):",
        "    @transaction.atomic",
        "    def create(self, **kwargs):",
        "        return super().create(**kwargs)",
        "",
        "    async def acreate(self, **kwargs):",
        "        return await super().acreate(**kwargs)",
        "",
        "    def _private(self):",
        "        pass",
        "",
      ].join("\n"),
      "tickets/models.py": [
        "from django.db import models",
        "from .managers import TicketManager",
        "",
        "class Ticket(models.Model):",
        "    objects = TicketManager()",
        "    open = models.Manager()",
        "",
      ].join("\n"),
    });
    expect(facts.models.Ticket.managerOverrides).toEqual({
      objects: ["acreate", "create", "get_or_create"],
    });
  });

  it("gives a model the related_name managers other models point at it", () => {
    const facts = scan({
      "shop/models.py": [
        "from django.db import models",
        "",
        "class Order(models.Model):",
        '    parent = models.ForeignKey("self", null=True, on_delete=models.CASCADE, related_name="children")',
        "",
      ].join("\n"),
      "lines/models.py": [
        "from django.db import models",
        "from shop.models import Order",
        "",
        "class Line(models.Model):",
        '    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")',
        '    tags = models.ManyToManyField("shop.Order", related_name="tagged_lines")',
        '    hidden = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="+")',
        '    detail = models.OneToOneField(Order, on_delete=models.CASCADE, related_name="line")',
        "",
      ].join("\n"),
    });
    expect(facts.models.Order.reverse?.sort()).toEqual(["children", "lines", "tagged_lines"]);
  });
});

describe("class heads read without a parse", () => {
  it("takes names beyond ASCII and comments inside the base list", () => {
    const source = [
      "from shop.base import Stamped",
      "",
      "class Bücher(Stamped):",
      "    pass",
      "",
      "class Book(  # was (legacy) Base",
      "    Stamped,",
      "):",
      "    pass",
      "",
    ].join("\n");
    expect(factsOfFile(source).classes).toEqual({
      Bücher: { bases: ["Stamped"], facts: { managers: [], relations: [], manyToMany: [] } },
      Book: { bases: ["Stamped"], facts: { managers: [], relations: [], manyToMany: [] } },
    });
  });

  it("gives up on a base list that never closes, at once", () => {
    const unclosed = "class Broken(\n" + "    # a comment (with a parenthesis\n".repeat(200);
    expect(factsOfFile(unclosed).classes).toEqual({});
  });
});

describe("class bodies the pre-pass reads in a second round", () => {
  const base =
    "from django.db import models\n\n\nclass TimeStamped(models.Model):\n" +
    "    created = models.DateTimeField(auto_now_add=True)\n";
  // Nothing here names Django or a model: the base is a model only through base.py.
  const orders =
    "from shop.base import TimeStamped\nfrom shop.managers import OpenManager\n\n\n" +
    "class Order(TimeStamped):\n    open_orders = OpenManager()\n";
  const pool =
    "from multiprocessing.managers import BaseManager\n\n\nclass Pool(object):\n" +
    "    manager = BaseManager()\n";

  it("leaves bodies unread without Django context, and reads them when asked", () => {
    const heads = factsOfFile(orders);
    expect(heads.bodiesUnread).toBe(true);
    expect(heads.classes?.Order.facts.managers).toEqual([]);
    const read = factsOfFile(orders, true);
    expect(read.bodiesUnread).toBeUndefined();
    expect(read.classes?.Order.facts.managers).toEqual(["open_orders"]);
  });

  it("names only files where a class extends a model of any file", () => {
    const files = [factsOfFile(base), factsOfFile(orders), factsOfFile(pool)];
    expect(files[2].bodiesUnread).toBe(true);
    expect(unreadModelBodies(files)).toEqual([1]);
  });

  it("a run proves a manager declared in such a body", async () => {
    const dir = project({
      "shop/base.py": base,
      "shop/orders.py": orders,
      "shop/views.py":
        "from shop.orders import Order\n\n\nasync def open_count():\n    return Order.open_orders.count()\n",
    });
    const result = await run([dir], { django: true, config: false });
    const views = result.files.find((f) => f.path.endsWith("views.py"));
    expect(views?.status).toBe("changed");
    expect(result.project.models.Order.managers).toEqual(["open_orders"]);
  });
});

describe("factsOfFile without a parse where no class body can declare a fact", () => {
  const MIGRATION = [
    "from django.db import migrations, models",
    "",
    '"""',
    "class Documented(models.Model):  # in a docstring: not a class",
    '"""',
    "",
    "class Migration(migrations.Migration):",
    '    dependencies = [("shop", "0001_initial")]',
    "    operations = [",
    "        migrations.AddField(",
    '            model_name="order",',
    '            name="owner",',
    '            field=models.ForeignKey(on_delete=models.CASCADE, to="auth.user"),',
    "        ),",
    "    ]",
    "",
  ].join("\n");

  it("reads a migration's classes from its heads in the code, as the parse does", async () => {
    const { takeWorkCounts } = await import("../../src/syntax/work-counts.js");
    takeWorkCounts();
    const facts = factsOfFile(MIGRATION);
    expect(takeWorkCounts().parses).toBe(0);
    expect(Object.keys(facts.classes ?? {})).toEqual(["Migration"]);
    expect(facts.models).toEqual({});
    // The same as reading the body (a field assigned in it is a fact: that takes the parse).
    const assigned = MIGRATION.replace(
      "    dependencies",
      "    owner = models.ForeignKey(User)\n    dependencies",
    );
    expect(Object.keys(factsOfFile(assigned).classes ?? {})).toEqual(["Migration"]);
    expect(takeWorkCounts().parses).toBe(1);
  });
});

describe("the files' project facts, kept apart from the dependencies'", () => {
  const files = (importsDjango: boolean) =>
    [
      ["conftest.py", 'import os\nos.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"\n'],
      ["shop/helpers.py", "from channels.layers import get_channel_layer\n"],
      [
        "shop/models.py",
        (importsDjango ? "from django.db import models\n\n\n" : "") +
          "class Order(models.Model):\n    total = models.IntegerField()\n",
      ],
      ["shop/views.py", "def view(request) -> Order:\n    return Order()\n"],
    ].map(([path, text]) => ({ path, facts: factsOfFile(text) }));
  const dependencies: DependencyFacts[] = [
    NO_DEPENDENCIES,
    { usesDjango: true, usesAsgiref: false, djangoVersion: "4.2", evidence: "requirements.txt" },
    { usesDjango: true, usesAsgiref: true, evidence: "pyproject.toml" },
    { usesDjango: false, usesAsgiref: true },
    { usesDjango: false, usesAsgiref: false, evidence: "setup.cfg" },
  ];
  it.each(dependencies.flatMap((d) => [true, false].map((i) => [d, i] as const)))(
    "with %o (a file imports Django: %s) are what projectFacts makes of both",
    (deps, importsDjango) => {
      const whole = projectFacts(deps, files(importsDjango));
      const merged = withDependencies(deps, projectFacts(NO_DEPENDENCIES, files(importsDjango)));
      expect(merged).toStrictEqual(whole);
      // Keys in the same order too.
      expect(JSON.stringify(merged)).toBe(JSON.stringify(whole));
    },
  );
});
