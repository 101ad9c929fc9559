import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { djangoUserModels, userModelOfFile } from "../../src/django/user-model.js";

// orm-human-6 G11: each Django project's user model, from the settings its manage.py names.

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function project(files: Record<string, string>): { root: string; all: string[] } {
  root = mkdtempSync(join(tmpdir(), "asyncshift-user-model-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return { root, all: Object.keys(files).map((p) => join(root!, p)) };
}

const manage = (module: string) =>
  `import os\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "${module}")\n`;

describe("djangoUserModels", () => {
  it("reads each manage.py's settings: Django's own user, or the literal AUTH_USER_MODEL", () => {
    const p = project({
      "manage.py": manage("tests.settings"),
      "tests/settings.py": "# no AUTH_USER_MODEL here: auth.User\nSECRET_KEY = 'x#y'\n",
      "examples/shop/manage.py": manage("shop.settings"),
      "examples/shop/shop/settings.py": 'AUTH_USER_MODEL = "users.Customer"\n',
    });
    expect(djangoUserModels(p.root, p.all)).toEqual({
      "": "auth.User",
      "examples/shop": "Customer",
    });
  });

  it("follows the star imports of a settings package, the last assignment winning", () => {
    const p = project({
      "manage.py": manage("config.settings"),
      "config/settings/__init__.py": "from .base import *  # noqa\nDEBUG = False\n",
      "config/settings/base.py":
        'AUTH_USER_MODEL = "auth.User"\nfrom config.settings.users import *\n',
      "config/settings/users.py": 'AUTH_USER_MODEL: str = "accounts.Account"\n',
    });
    expect(djangoUserModels(p.root, p.all)).toEqual({ "": "Account" });
  });

  it("says what it cannot read for certain: computed at run time (?), or not read (null)", () => {
    const p = project({
      "manage.py": manage("site.settings"),
      "site/settings.py": 'AUTH_USER_MODEL = env("AUTH_USER_MODEL", default="auth.User")\n',
      "other/manage.py": manage("missing.settings"),
      "split/manage.py": manage("conf"),
      "split/conf.py": 'from split_settings.tools import include\ninclude("base.py")\n',
      "local/manage.py": manage("conf"),
      "local/conf.py": "try:\n    from .local_settings import *\nexcept ImportError:\n    pass\n",
    });
    expect(djangoUserModels(p.root, p.all)).toEqual({
      "": "?",
      other: null,
      split: null,
      local: null,
    });
  });
});

describe("userModelOfFile", () => {
  it("takes the nearest manage.py's answer, an unknown one included", () => {
    const facts = {
      usesDjango: true,
      usesAsgiref: true,
      models: {},
      root: "/repo",
      userModels: { "": "auth.User", "examples/shop": "Customer", legacy: null },
    };
    expect(userModelOfFile(facts, "/repo/app/views.py")).toBe("auth.User");
    expect(userModelOfFile(facts, "/repo/examples/shop/users/views.py")).toBe("Customer");
    expect(userModelOfFile(facts, "/repo/legacy/app/views.py")).toBeUndefined();
    expect(userModelOfFile(facts, "/elsewhere/views.py")).toBeUndefined();
  });
});
