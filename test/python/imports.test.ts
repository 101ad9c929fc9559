import { describe, expect, it } from "vitest";
import { applyEdits } from "../../src/engine/edits.js";
import { parsePython } from "../../src/syntax/parse.js";
import {
  importBindingOf,
  importBindings,
  importEditsToAdd,
  importEditsToRemove,
  isImportStillUsed,
  lineEnding,
  qualifiedName,
  type ImportBinding,
} from "../../src/python/imports.js";
import type { SyntaxNode } from "../../src/model/types.js";

/** The first node of `type` whose text is `text`. */
function nodeWithText(root: SyntaxNode, type: string, text: string): SyntaxNode {
  const found = root.descendantsOfType(type).find((n) => n.text === text);
  if (!found) throw new Error(`no ${type} ${text}`);
  return found;
}

/** The callee of the first call whose callee text is `callee`, resolved through imports. */
function resolvedCallee(source: string, callee: string, nth = 0): string | undefined {
  const root = parsePython(source).rootNode;
  const calls = root
    .descendantsOfType("call")
    .filter((c) => c.childForFieldName("function")?.text === callee);
  return qualifiedName(calls[nth].childForFieldName("function")!);
}

describe("importBindings", () => {
  it("names what each import binds", () => {
    const root = parsePython(
      "import asyncio\nimport asyncio as aio\nimport os.path\nfrom asyncio import run as r, sleep\nfrom . import models\n",
    ).rootNode;
    const all = root.namedChildren.flatMap(importBindings);
    expect(all.map((b) => [b.local, b.qualified])).toEqual([
      ["asyncio", "asyncio"],
      ["aio", "asyncio"],
      ["os", "os"],
      ["r", "asyncio.run"],
      ["sleep", "asyncio.sleep"],
      ["models", ".models"],
    ]);
    expect(all.every((b) => b.scope.type === "module")).toBe(true);
  });

  it("makes no binding for a star import", () => {
    const root = parsePython("from asyncio import *\n").rootNode;
    expect(importBindings(root.namedChildren[0])).toEqual([]);
  });
});

describe("qualifiedName", () => {
  it("resolves plain, aliased and from-imports", () => {
    expect(resolvedCallee("import asyncio\nasyncio.run(m())\n", "asyncio.run")).toBe("asyncio.run");
    expect(resolvedCallee("import asyncio as aio\naio.run(m())\n", "aio.run")).toBe("asyncio.run");
    expect(resolvedCallee("from asyncio import run\nrun(m())\n", "run")).toBe("asyncio.run");
    expect(resolvedCallee("from asyncio import run as r\nr(m())\n", "r")).toBe("asyncio.run");
  });

  it("resolves an import made inside the function", () => {
    const source = "def f():\n    import asyncio\n    asyncio.run(m())\n";
    expect(resolvedCallee(source, "asyncio.run")).toBe("asyncio.run");
  });

  it("does not see another function's local import", () => {
    const source = "def f():\n    import asyncio\n\ndef g():\n    asyncio.run(m())\n";
    expect(resolvedCallee(source, "asyncio.run")).toBeUndefined();
  });

  it("is undefined for names that are not imports", () => {
    expect(resolvedCallee("asyncio.run(m())\n", "asyncio.run")).toBeUndefined();
    const param = "import asyncio\ndef f(asyncio):\n    asyncio.run(m())\n";
    expect(resolvedCallee(param, "asyncio.run")).toBeUndefined();
    const local = "from asyncio import run\ndef f():\n    run = other\n    run(m())\n";
    expect(resolvedCallee(local, "run")).toBeUndefined();
    const rebound = "import asyncio\nasyncio = Fake()\nasyncio.run(m())\n";
    expect(resolvedCallee(rebound, "asyncio.run")).toBeUndefined();
  });

  it("sees module imports from nested functions, but not class-level names", () => {
    const nested = "import asyncio\ndef f():\n    def g():\n        asyncio.run(m())\n";
    expect(resolvedCallee(nested, "asyncio.run")).toBe("asyncio.run");
    const classBody =
      "from asyncio import run\nclass A:\n    run = staticmethod(len)\n    def f(self):\n        return run(m())\n";
    expect(resolvedCallee(classBody, "run")).toBe("asyncio.run");
  });

  it("refuses two imports of one name that disagree", () => {
    const source = "from asyncio import run\nfrom trio import run\nrun(m())\n";
    expect(resolvedCallee(source, "run")).toBeUndefined();
  });
});

describe("importBindingOf", () => {
  it("returns the statement and item of the binding", () => {
    const root = parsePython("import json, asyncio\n\nasyncio.sleep(1)\n").rootNode;
    const ref = nodeWithText(root, "identifier", "asyncio");
    const use = root.descendantsOfType("identifier").filter((n) => n.text === "asyncio")[1];
    const binding = importBindingOf("asyncio", use)!;
    expect(binding.statement.type).toBe("import_statement");
    expect(binding.item.text).toBe("asyncio");
    expect(ref.startIndex).toBe(binding.item.startIndex);
  });
});

function bindingNamed(root: SyntaxNode, local: string): ImportBinding {
  const all = root
    .descendantsOfType(["import_statement", "import_from_statement"])
    .flatMap(importBindings);
  return all.find((b) => b.local === local)!;
}

/** The source after removing the import of `local`. */
function removed(source: string, local: string): string {
  const root = parsePython(source).rootNode;
  return applyEdits(source, importEditsToRemove(source, bindingNamed(root, local)));
}

describe("importEditsToRemove", () => {
  it("removes a whole statement line", () => {
    expect(removed("import asyncio\nimport os\n\nx = os.sep\n", "asyncio")).toBe(
      "import os\n\nx = os.sep\n",
    );
  });

  it("removes one name of several", () => {
    expect(removed("import asyncio, os\n", "asyncio")).toBe("import os\n");
    expect(removed("import os, asyncio\n", "asyncio")).toBe("import os\n");
    expect(removed("from asyncio import run, sleep\n", "run")).toBe("from asyncio import sleep\n");
    expect(removed("from asyncio import sleep, run as r\n", "r")).toBe(
      "from asyncio import sleep\n",
    );
  });

  it("removes a line of a parenthesised list", () => {
    const source = "from asyncio import (\n    gather,\n    run,\n    sleep,\n)\n";
    expect(removed(source, "run")).toBe("from asyncio import (\n    gather,\n    sleep,\n)\n");
    expect(removed(source, "sleep")).toBe("from asyncio import (\n    gather,\n    run,\n)\n");
  });

  it("leaves `pass` when the import was alone in a block", () => {
    expect(removed("def f():\n    import asyncio\n", "asyncio")).toBe("def f():\n    pass\n");
  });

  it("removes a statement and its semicolon only", () => {
    expect(removed("import asyncio; x = 1\n", "asyncio")).toBe("x = 1\n");
    expect(removed("x = 1; import asyncio\n", "asyncio")).toBe("x = 1\n");
  });

  it("takes the blank lines of a one-line section with it", () => {
    expect(removed("import asyncio\n\nfrom celery import x\n", "asyncio")).toBe(
      "from celery import x\n",
    );
    expect(
      removed(
        "from __future__ import annotations\n\nimport asyncio\n\nfrom celery import x\n",
        "asyncio",
      ),
    ).toBe("from __future__ import annotations\n\nfrom celery import x\n");
    expect(removed('"""Doc."""\nimport asyncio\n\nimport x\n', "asyncio")).toBe(
      '"""Doc."""\n\nimport x\n',
    );
  });

  it("takes the blank line after the first statement of a block", () => {
    expect(removed("def f():\n    import asyncio\n\n    return 1\n", "asyncio")).toBe(
      "def f():\n    return 1\n",
    );
    expect(removed("def f():\n    x = 1\n\n    import asyncio\n\n    return x\n", "asyncio")).toBe(
      "def f():\n    x = 1\n\n    return x\n",
    );
  });

  it("keeps a comment above a local import touching the code below it", () => {
    const source =
      "async def f(repo):\n    try:\n        # Run gitingest in a thread\n        import asyncio\n\n        digest = g(repo)\n    finally:\n        pass\n";
    expect(removed(source, "asyncio")).toBe(
      "async def f(repo):\n    try:\n        # Run gitingest in a thread\n        digest = g(repo)\n    finally:\n        pass\n",
    );
  });

  it("keeps CRLF", () => {
    expect(removed("import asyncio\r\nimport os\r\n", "asyncio")).toBe("import os\r\n");
  });
});

describe("isImportStillUsed", () => {
  const source = [
    "import asyncio",
    "",
    "def a():",
    "    asyncio.run(x())",
    "",
    "def b(asyncio):",
    "    asyncio.gather()",
    "",
    "def c():",
    "    return [asyncio.sleep(0) for _ in range(2)]",
    "",
  ].join("\n");
  const root = parsePython(source).rootNode;
  const binding = bindingNamed(root, "asyncio");
  const refs = root
    .descendantsOfType("identifier")
    .filter((n) => n.text === "asyncio" && n.parent?.type === "attribute");
  const [inA, , inC] = refs;

  it("counts references in nested scopes that do not rebind the name", () => {
    expect(isImportStillUsed(binding)).toBe(true);
    expect(isImportStillUsed(binding, (r) => r.id === inA.id)).toBe(true);
  });

  it("ignores a parameter of the same name in another function", () => {
    expect(isImportStillUsed(binding, (r) => r.id === inA.id || r.id === inC.id)).toBe(false);
  });
});

/** The source after adding `from module import name`. */
function added(source: string, module = "asgiref.sync", name = "async_to_sync"): string {
  return applyEdits(source, importEditsToAdd(parsePython(source).rootNode, module, name));
}

describe("importEditsToAdd", () => {
  it("does nothing when the name is already imported", () => {
    expect(added("from asgiref.sync import async_to_sync\n")).toBe(
      "from asgiref.sync import async_to_sync\n",
    );
    expect(added("from asgiref.sync import *\n")).toBe("from asgiref.sync import *\n");
  });

  it("adds the name to an existing from-import, alphabetically", () => {
    expect(added("from asgiref.sync import sync_to_async\n")).toBe(
      "from asgiref.sync import async_to_sync, sync_to_async\n",
    );
    expect(added("from asgiref.sync import SyncToAsync\n")).toBe(
      "from asgiref.sync import SyncToAsync, async_to_sync\n",
    );
    expect(added("from asgiref.sync import iscoroutinefunction, sync_to_async\n")).toBe(
      "from asgiref.sync import async_to_sync, iscoroutinefunction, sync_to_async\n",
    );
  });

  it("adds a line in the style of a parenthesised list", () => {
    expect(added("from asgiref.sync import (\n    SyncToAsync,\n    sync_to_async,\n)\n")).toBe(
      "from asgiref.sync import (\n    SyncToAsync,\n    async_to_sync,\n    sync_to_async,\n)\n",
    );
    expect(added("from asgiref.sync import (\n    AsyncToSync,\n    SyncToAsync\n)\n")).toBe(
      "from asgiref.sync import (\n    AsyncToSync,\n    SyncToAsync,\n    async_to_sync\n)\n",
    );
  });

  it("places a new line alphabetically among sorted third-party imports", () => {
    expect(
      added("import os\n\nfrom celery import x\nfrom django import y\n\nfrom . import z\n"),
    ).toBe(
      "import os\n\nfrom asgiref.sync import async_to_sync\nfrom celery import x\nfrom django import y\n\nfrom . import z\n",
    );
    // isort's default: `import x` lines first, then `from x import` lines.
    expect(added("import httpx\nimport redis\nfrom celery import x\n")).toBe(
      "import httpx\nimport redis\nfrom asgiref.sync import async_to_sync\nfrom celery import x\n",
    );
  });

  it("goes into the third-party run, not a standard-library run with a stray third-party line", () => {
    expect(
      added(
        "import json\nfrom typing import Any\nfrom typing_extensions import Self\n\nimport aiohttp\nfrom django.db.models import Q\n\nfrom bookwyrm import activitypub\n",
      ),
    ).toBe(
      "import json\nfrom typing import Any\nfrom typing_extensions import Self\n\nimport aiohttp\nfrom asgiref.sync import async_to_sync\nfrom django.db.models import Q\n\nfrom bookwyrm import activitypub\n",
    );
  });

  it("appends to an unsorted third-party block", () => {
    expect(added("from django import y\nfrom celery import x\n\nx = 1\n")).toBe(
      "from django import y\nfrom celery import x\nfrom asgiref.sync import async_to_sync\n\nx = 1\n",
    );
  });

  it("opens a third-party section after the standard library", () => {
    expect(added("import json\n\nfrom .clients import fetch\n")).toBe(
      "import json\n\nfrom asgiref.sync import async_to_sync\n\nfrom .clients import fetch\n",
    );
  });

  it("goes before local imports when nothing else is imported", () => {
    expect(added("from .clients import fetch\n")).toBe(
      "from asgiref.sync import async_to_sync\n\nfrom .clients import fetch\n",
    );
  });

  it("goes after the docstring and __future__ imports of a module without imports", () => {
    expect(added('"""Doc."""\nfrom __future__ import annotations\n\nx = 1\n')).toBe(
      '"""Doc."""\nfrom __future__ import annotations\n\nfrom asgiref.sync import async_to_sync\n\nx = 1\n',
    );
    expect(added("x = 1\n")).toBe("from asgiref.sync import async_to_sync\n\nx = 1\n");
    expect(added("def f():\n    pass\n")).toBe(
      "from asgiref.sync import async_to_sync\n\n\ndef f():\n    pass\n",
    );
  });

  it("never goes inside `if TYPE_CHECKING:` or `try:`", () => {
    const source =
      "from typing import TYPE_CHECKING\n\nif TYPE_CHECKING:\n    from asgiref.sync import sync_to_async\n";
    expect(added(source)).toBe(
      "from typing import TYPE_CHECKING\n\nfrom asgiref.sync import async_to_sync\n\nif TYPE_CHECKING:\n    from asgiref.sync import sync_to_async\n",
    );
    const withTry =
      "try:\n    from asgiref.sync import sync_to_async\nexcept ImportError:\n    pass\n";
    expect(added(withTry)).toBe(`from asgiref.sync import async_to_sync\n\n${withTry}`);
  });

  it("uses the file's line ending", () => {
    expect(added("import os\r\n\r\nx = 1\r\n")).toBe(
      "import os\r\n\r\nfrom asgiref.sync import async_to_sync\r\n\r\nx = 1\r\n",
    );
  });
});

describe("lineEnding", () => {
  it("follows the first line break", () => {
    expect(lineEnding("a\r\nb\n")).toBe("\r\n");
    expect(lineEnding("a\nb\r\n")).toBe("\n");
    expect(lineEnding("no break")).toBe("\n");
  });
});
