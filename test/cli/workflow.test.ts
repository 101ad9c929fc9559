import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { RUNNER_CODES } from "../../src/model/codes.js";
import { TRANSFORMS } from "../../transforms/index.js";
import {
  asyncshift,
  git,
  removeTempProjects,
  REQUIREMENTS,
  ROOT,
  TASK,
  tempProject,
  tempRepo,
} from "../helpers/project.js";

const REWRITTEN_CALL = "async_to_sync(fetch_price)(sku)";

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/src/cli/main.js")))
    throw new Error("dist/ is missing: run `npm run build` (npm test does it first)");
});
afterEach(removeTempProjects);

describe("configuration from the command line", () => {
  it("an unknown key is exit 2 naming the key and the file, and nothing is touched", () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "pyproject.toml": `[tool.asyncshift]\nexlude = ["x"]\n`,
      "app/tasks.py": TASK,
    });
    const result = asyncshift(dir, ["--write", "app"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      `${join(dir, "pyproject.toml")}: unknown key tool.asyncshift.exlude`,
    );
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
  });

  it("a wrong type names the key; --config FILE is read instead of the nearest", () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "pyproject.toml": `[tool.asyncshift]\nunsafe-fixes = "yes"\n`,
      "ci.toml": `[tool.asyncshift]\nexclude = ["app/**"]\n`,
      "app/tasks.py": TASK,
    });
    const bad = asyncshift(dir, ["app"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("tool.asyncshift.unsafe-fixes must be true or false");
    const good = asyncshift(dir, ["--config", "ci.toml", "--check", "."]);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain("0 files scanned");
    expect(asyncshift(dir, ["--config", "missing.toml", "."]).stderr).toContain(
      "missing.toml: cannot read the configuration file (no such file)",
    );
  });

  it("[tool.asyncshift] settings apply, and flags override them", () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "pyproject.toml": `[tool.asyncshift]\nexclude = ["app/**"]\n[tool.asyncshift.asyncio-run]\nexclude = ["lib/**"]\n`,
      "app/tasks.py": TASK,
      "lib/tasks.py": TASK,
      "other/tasks.py": TASK,
    });
    const fromFile = asyncshift(dir, ["--check", "--format", "json", "."]);
    const doc = JSON.parse(fromFile.stdout);
    expect(doc.summary.filesScanned).toBe(2); // app/ excluded
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual(["other/tasks.py"]);
    expect(doc.summary.skippedByTransform).toEqual({ "asyncio-run": 1 }); // lib/ skipped by the transform
    const flags = asyncshift(dir, ["--check", "--format", "json", "--exclude", "other/**", "."]);
    expect(JSON.parse(flags.stdout).files.map((f: { path: string }) => f.path)).toEqual([
      "app/tasks.py",
    ]);
    const include = asyncshift(dir, [
      "--check",
      "--format",
      "json",
      "--include",
      "lib/**",
      "--exclude",
      "none",
      ".",
    ]);
    expect(JSON.parse(include.stdout).summary.filesScanned).toBe(1);
  });
});

describe("--format sarif", () => {
  it("is a SARIF 2.1.0 log: tool, rules with help, results with 1-based locations and fixes", () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "app/tasks.py": TASK,
      "app/views.py": "import asyncio\n\nasync def view():\n    asyncio.run(work())\n",
    });
    const result = asyncshift(dir, ["--format", "sarif", "app"]);
    const log = JSON.parse(result.stdout);
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe("asyncshift");
    const rules = run.tool.driver.rules as {
      id: string;
      help: { text: string };
      shortDescription: { text: string };
    }[];
    const allCodes = [
      ...TRANSFORMS.flatMap((t) => Object.keys(t.meta.codes)),
      ...Object.keys(RUNNER_CODES),
    ];
    for (const code of allCodes) {
      const rule = rules.find((r) => r.id === code);
      expect(rule, code).toBeDefined();
      expect(rule!.help.text.length).toBeGreaterThan(20);
      expect(rule!.shortDescription.text.length).toBeGreaterThan(0);
    }
    for (const r of run.results) {
      expect(rules[r.ruleIndex].id).toBe(r.ruleId);
      expect(["error", "warning", "note"]).toContain(r.level);
      expect(r.message.text.length).toBeGreaterThan(0);
      const region = r.locations[0].physicalLocation.region;
      expect(region.startLine).toBeGreaterThanOrEqual(1);
      expect(region.startColumn).toBeGreaterThanOrEqual(1);
    }
    const as102 = run.results.find((r: { ruleId: string }) => r.ruleId === "AS102");
    expect(as102.level).toBe("error");
    expect(as102.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "app/views.py", uriBaseId: "%SRCROOT%" },
      region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 24 },
    });
    // One result per rewritten site, named by the code of its rewrite.
    const rewrite = run.results.find((r: { ruleId: string }) => r.ruleId === "AS101");
    expect(rewrite.locations[0].physicalLocation.region.startLine).toBe(8);
    expect(rewrite.locations[0].physicalLocation.artifactLocation.uri).toBe("app/tasks.py");
    const replacements = rewrite.fixes[0].artifactChanges[0].replacements;
    // Applying the fix's replacements to the file gives what --write writes.
    const lines = TASK.split("\n");
    const offset = (line: number, col: number) =>
      lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + col - 1;
    let fixed = TASK;
    for (const r of [...replacements].reverse()) {
      const d = r.deletedRegion;
      fixed =
        fixed.slice(0, offset(d.startLine, d.startColumn)) +
        r.insertedContent.text +
        fixed.slice(offset(d.endLine, d.endColumn));
    }
    asyncshift(dir, ["--write", "app/tasks.py"]);
    expect(fixed).toBe(readFileSync(join(dir, "app/tasks.py"), "utf8"));
  });
});

describe("--format github", () => {
  it("prints workflow commands: errors (pending rewrites under --check), then warnings, then notices", () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "app/tasks.py": TASK,
      "app/views.py": "import asyncio\n\nasync def view():\n    asyncio.run(work(a, b))\n",
    });
    const result = asyncshift(dir, ["--format", "github", "--check", "app"]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    const commands = lines.filter((l) => l.startsWith("::"));
    for (const line of commands)
      expect(line).toMatch(
        /^::(error|warning|notice) (file=[^,]+,line=\d+,col=\d+,endLine=\d+,(endColumn=\d+,)?)?title=[^:]+::\S/,
      );
    expect(commands).toContain(
      "::error file=app/views.py,line=4,col=5,endLine=4,endColumn=28,title=AS102::asyncio.run() inside async def raises RuntimeError (an event loop is already running): await the coroutine instead (applied with --unsafe-fixes; assumes no caller relies on the call blocking until the coroutine is done, as one running this function in a thread would)%0ASuggestion: await work(a, b)",
    );
    expect(
      commands.some((l) =>
        /^::error file=app\/tasks\.py,line=8,.*title=AS101::asyncio.run\(\) in sync code/.test(l),
      ),
    ).toBe(true);
    // Without --check the job does not fail on it: a notice.
    const dry = asyncshift(dir, ["--format", "github", "app"]).stdout;
    expect(dry).toMatch(/^::notice file=app\/tasks\.py,line=8,.*title=AS101::/m);
    // GitHub shows the first ten annotations of each level per step: the gravest come first.
    const levels = commands.map((l) =>
      ["error", "warning", "notice"].indexOf(/^::(\w+)/.exec(l)![1]),
    );
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(levels[0]).toBe(0);
    expect(lines.at(-1)).toMatch(/files? scanned/);
  });
});

describe("explain and list", () => {
  it("explain prints every code's paragraph; list names every code", () => {
    const codes = [
      ...TRANSFORMS.flatMap((t) => Object.keys(t.meta.codes)),
      ...Object.keys(RUNNER_CODES),
    ];
    const list = asyncshift(ROOT, ["list"]).stdout;
    for (const code of codes) expect(list).toContain(code);
    const explained = asyncshift(ROOT, ["explain", "as101"]);
    expect(explained.code).toBe(0);
    expect(explained.stdout).toMatch(/^AS101 \(asyncio-run, warning\)/);
    expect(explained.stdout).toContain("Before:");
    expect(asyncshift(ROOT, ["explain", "AS906"]).stdout).toContain("--allow-dirty");
    const unknown = asyncshift(ROOT, ["explain", "AS000"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown code "AS000"');
  });
});

describe("--stdin-filename", () => {
  it("reads standard input, writes the result to standard output and diagnostics to standard error", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/.keep": "" });
    const source = TASK + "\nasync def view():\n    asyncio.run(work())\n";
    const result = asyncshift(dir, ["--stdin-filename", "app/tasks.py"], source);
    expect(result.code).toBe(1); // AS102 is an error
    expect(result.stdout).toContain(REWRITTEN_CALL);
    expect(result.stdout).toContain("from asgiref.sync import async_to_sync");
    expect(result.stderr).toContain("app/tasks.py:15:5: AS102");
    expect(existsSync(join(dir, "app/tasks.py"))).toBe(false);
  });

  it("passes unchanged text through byte for byte; --check exits 1 when a change is pending", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS });
    const untouched = "x = 1\r\n# café\r\n";
    const same = asyncshift(dir, ["--stdin-filename", "mod.py"], untouched);
    expect(same).toEqual({ code: 0, stdout: untouched, stderr: "" });
    expect(asyncshift(dir, ["--check", "--stdin-filename", "mod.py"], TASK).code).toBe(1);
    // The path decides the skip globs: a test module is left alone, and said so.
    const test = asyncshift(dir, ["--stdin-filename", "tests/test_tasks.py"], TASK);
    expect(test.stdout).toBe(TASK);
    expect(test.stderr).toContain("asyncio-run skipped tests/test_tasks.py");
  });

  it("reports what the command line reports for the same file: the project's facts come from its path", () => {
    const dir = tempProject({
      "requirements.txt": "Django==5.1\n",
      "manage.py": "",
      "shop/__init__.py": "",
      "shop/models.py":
        "from django.db import models\n\n\nclass Order(models.Model):\n" +
        "    status = models.CharField(max_length=20)\n",
      "shop/services.py":
        "from .models import Order\n\n\ndef close_order(pk):\n" +
        '    order = Order.objects.get(pk=pk)\n    order.status = "closed"\n    order.save()\n',
    });
    const views =
      "from asgiref.sync import sync_to_async\n\nfrom .models import Order\n" +
      "from .services import close_order\n\n\n@sync_to_async\ndef order_status(pk):\n" +
      "    order = Order.objects.get(pk=pk)\n    return order.status\n\n\n" +
      "@sync_to_async\ndef close(pk):\n    close_order(pk)\n";
    // Not on disk yet (an editor's new buffer), then saved: the same answer both times.
    const unsaved = asyncshift(dir, ["--no-cache", "--stdin-filename", "shop/views.py"], views);
    writeFileSync(join(dir, "shop/views.py"), views);
    const cli = asyncshift(dir, ["--no-cache", "--no-diff", "shop/views.py"]);
    const stdin = asyncshift(dir, ["--no-cache", "--stdin-filename", "shop/views.py"], views);
    const diagnostics = (text: string) =>
      text.split("\n").filter((l) => /^shop\/views\.py:\d/.test(l));
    expect(diagnostics(cli.stdout)).toEqual([expect.stringContaining("AS208")]);
    expect(diagnostics(stdin.stderr)).toEqual(diagnostics(cli.stdout));
    expect(unsaved.stderr).toBe(stdin.stderr);
    // Order is a model of shop/models.py: its status is a plain field, so the wrapper converts.
    expect(stdin.stdout).toContain(
      "    order = await Order.objects.aget(pk=pk)\n    return order.status\n",
    );
    expect(unsaved.stdout).toBe(stdin.stdout);
  });

  it("cannot be combined with --write", () => {
    const dir = tempProject({});
    const result = asyncshift(dir, ["--write", "--stdin-filename", "a.py"], "x = 1\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/mutually exclusive|conflict/i);
  });
});

describe("safety in write mode (git)", () => {
  it("refuses files with uncommitted changes, naming them; --allow-dirty writes them", () => {
    const dir = tempRepo({
      "requirements.txt": REQUIREMENTS,
      "app/tasks.py": TASK,
      "app/jobs.py": TASK,
    });
    writeFileSync(join(dir, "app/tasks.py"), TASK + "# my edit\n");
    writeFileSync(join(dir, "app/new.py"), TASK); // untracked counts as uncommitted
    const refused = asyncshift(dir, ["--write", "app"]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain("app/tasks.py:1:1: AS906");
    expect(refused.stdout).toContain("app/new.py:1:1: AS906");
    expect(refused.stdout).toMatch(
      /2 files with uncommitted changes not written: app\/new\.py, app\/tasks\.py/,
    );
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK + "# my edit\n");
    expect(readFileSync(join(dir, "app/new.py"), "utf8")).toBe(TASK);
    // The clean file was written.
    expect(readFileSync(join(dir, "app/jobs.py"), "utf8")).toContain(REWRITTEN_CALL);
    const allowed = asyncshift(dir, ["--write", "--allow-dirty", "app"]);
    expect(allowed.code).toBe(0);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toContain(REWRITTEN_CALL);
  });

  it("staged changes are uncommitted too; outside a git work tree there is no check", () => {
    const dir = tempRepo({ "requirements.txt": REQUIREMENTS, "app/tasks.py": "x = 1\n" });
    writeFileSync(join(dir, "app/tasks.py"), TASK);
    git(dir, "add", "app/tasks.py");
    expect(asyncshift(dir, ["--write", "app"]).stdout).toContain("AS906");
    const plain = tempProject({ "requirements.txt": REQUIREMENTS, "app/tasks.py": TASK });
    expect(asyncshift(plain, ["--write", "app"]).code).toBe(0);
    expect(readFileSync(join(plain, "app/tasks.py"), "utf8")).toContain(REWRITTEN_CALL);
  });

  it("--changed-since REV: files changed since REV plus untracked ones", () => {
    const dir = tempRepo({
      "requirements.txt": REQUIREMENTS,
      "a.py": TASK,
      "b.py": TASK,
      "c.py": TASK,
    });
    writeFileSync(join(dir, "b.py"), TASK + "\n");
    git(dir, "commit", "-qam", "touch b");
    writeFileSync(join(dir, "c.py"), TASK + "\n\n"); // uncommitted change
    writeFileSync(join(dir, "d.py"), TASK); // untracked
    const result = asyncshift(dir, [
      "--check",
      "--format",
      "json",
      "--changed-since",
      "HEAD~1",
      ".",
    ]);
    const paths = JSON.parse(result.stdout).files.map((f: { path: string }) => f.path);
    expect(paths).toEqual(["b.py", "c.py", "d.py"]);
    const bad = asyncshift(dir, ["--changed-since", "no-such-rev", "."]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('"no-such-rev" is not a revision');
    const plain = tempProject({ "a.py": TASK });
    const outside = asyncshift(plain, ["--changed-since", "HEAD", "."]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("needs a git work tree");
  });

  it("--changed-since still learns model classes from the files it leaves out", () => {
    const dir = tempRepo({
      "requirements.txt": REQUIREMENTS,
      // Not a module named `models`: only the pre-pass knows Product is a model.
      "catalog.py":
        "from django.db import models\n\n\nclass Product(models.Model):\n    name = models.CharField(max_length=10)\n",
      "views.py": "from .catalog import Product\n",
    });
    writeFileSync(
      join(dir, "views.py"),
      "from .catalog import Product\n\n\nasync def count(request):\n    return Product.objects.count()\n",
    );
    const result = asyncshift(dir, ["--format", "json", "--changed-since", "HEAD", "."]);
    const files = JSON.parse(result.stdout).files;
    expect(files.map((f: { path: string }) => f.path)).toEqual(["views.py"]);
    expect(files[0].edits.map((e: { after: string }) => e.after).join("")).toContain("acount");
  });
});

describe("--interactive", () => {
  function project() {
    return tempProject({
      "requirements.txt": REQUIREMENTS,
      "app/tasks.py": TASK,
      "app/jobs.py": TASK,
    });
  }
  const full = () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/tasks.py": TASK });
    asyncshift(dir, ["--write", "app"]);
    return readFileSync(join(dir, "app/tasks.py"), "utf8");
  };

  it("asks once per site, all its hunks together with its code and why: [y]es, [n]o", () => {
    const dir = project();
    // jobs.py: yes; tasks.py: no. One site each, in two hunks (the import and the call).
    const result = asyncshift(dir, ["-i", "app"], "y\nn\n");
    expect(result.stdout).toContain(
      "[y]es, [n]o, [a]ll in this file, [d]one with this file, [q]uit",
    );
    expect(result.stdout.match(/Apply this change\?/g)).toHaveLength(2);
    expect(result.stdout).toContain("--- app/jobs.py  (1/1)");
    expect(result.stdout).toContain("app/jobs.py:8 AS101 asyncio.run() in sync code: ");
    expect(result.stdout).toContain("-import asyncio");
    expect(result.stdout).toContain("+    async_to_sync(fetch_price)(sku)");
    expect(readFileSync(join(dir, "app/jobs.py"), "utf8")).toBe(full());
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
    expect(result.stdout).toContain("2 files with changes; 1 written; 1 of 2 sites accepted");
  });

  const TWO_SITES =
    "import asyncio\n\nfrom celery import shared_task\n\n\n@shared_task\ndef refresh(sku):\n" +
    "    asyncio.run(fetch_price(sku))\n\n\n@shared_task\ndef restock(sku):\n    asyncio.run(\n" +
    "        fetch_stock(sku),\n    )\n\n\nasync def fetch_price(sku):\n    return sku\n";

  it("a declined site keeps its imports; the accepted one gets the imports it needs", () => {
    const dir = tempProject({ "requirements.txt": REQUIREMENTS, "app/tasks.py": TWO_SITES });
    const result = asyncshift(dir, ["-i", "app"], "n\ny\n");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("--- app/tasks.py  (2/2)");
    expect(result.stdout).toContain("app/tasks.py: 1 of 2 sites applied");
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(
      TWO_SITES.replace(
        "from celery import shared_task",
        "from asgiref.sync import async_to_sync\nfrom celery import shared_task",
      ).replace(
        "asyncio.run(\n        fetch_stock(sku),\n    )",
        "async_to_sync(fetch_stock)(sku)",
      ),
    );
  });

  it("[a]ll takes the rest of the file, [d]one declines it, [q] stops keeping what was accepted", () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "app/a.py": TWO_SITES,
      "app/b.py": TWO_SITES,
      "app/c.py": TWO_SITES,
    });
    const full = asyncshift(dir, ["--format", "json", "app"]);
    expect(full.code).toBe(0);
    // a.py: all (one question); b.py: done (one question); c.py: yes, then quit.
    const result = asyncshift(dir, ["-i", "app"], "a\nd\ny\nq\n");
    expect(result.stdout.match(/Apply this change\?/g)).toHaveLength(4);
    expect(readFileSync(join(dir, "app/a.py"), "utf8")).toContain(
      "async_to_sync(fetch_stock)(sku)",
    );
    expect(readFileSync(join(dir, "app/a.py"), "utf8")).not.toContain("import asyncio");
    expect(readFileSync(join(dir, "app/b.py"), "utf8")).toBe(TWO_SITES);
    const c = readFileSync(join(dir, "app/c.py"), "utf8");
    expect(c).toContain("    async_to_sync(fetch_price)(sku)\n");
    expect(c).toContain("import asyncio\n");
    expect(result.stdout).toContain("3 files with changes; 2 written; 3 of 6 sites accepted");
  });

  it("a site in several hunks is one question; declining it leaves its code whole", () => {
    const wrappers = readFileSync(
      join(ROOT, "examples/cases/native_orm/decorated_wrapper.py"),
      "utf8",
    );
    const dir = tempProject({
      "requirements.txt": "Django==5.1\n",
      "manage.py": "",
      "shop/__init__.py": "",
      "shop/models.py": readFileSync(join(ROOT, "examples/shop/models.py"), "utf8"),
      "shop/wrappers.py": wrappers,
    });
    const result = asyncshift(dir, ["-i", "shop/wrappers.py"], "y\nn\n");
    expect(result.code).toBe(0);
    // restock's decorator, def and two calls: one question, its hunks joined, no line twice.
    const first = result.stdout.slice(0, result.stdout.indexOf("Apply this change?"));
    expect(first).toContain("shop/wrappers.py:6 AS210 @sync_to_async wrapper restock()");
    expect(first).toContain("-@sync_to_async\n-def restock(sku, quantity):");
    expect(first).toContain('+    await product.asave(update_fields=["stock"])');
    expect(first.match(/product.stock \+= quantity/g)).toHaveLength(1);
    const after = readFileSync(join(dir, "shop/wrappers.py"), "utf8");
    expect(after).toContain(
      "async def restock(sku, quantity):\n    product = await Product.objects.aget(sku=sku)",
    );
    // The declined wrapper is as it was, and so is the import it still needs.
    expect(after).toContain(
      wrappers.slice(wrappers.indexOf("@sync_to_async\ndef retire_empty_products")),
    );
    expect(after).toContain("from asgiref.sync import sync_to_async\n");
  });

  it("an invalid answer asks again; end of input stops", () => {
    const dir = project();
    const result = asyncshift(dir, ["-i", "app"], "maybe\n");
    expect(result.stdout.match(/Apply this change\?/g)!.length).toBe(2);
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
    expect(readFileSync(join(dir, "app/jobs.py"), "utf8")).toBe(TASK);
  });

  it("conflicts with --check and --format json", () => {
    const dir = project();
    expect(asyncshift(dir, ["-i", "--check", "app"]).code).toBe(2);
    const json = asyncshift(dir, ["-i", "--format", "json", "app"]);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain("--interactive");
  });
});

describe("pre-commit", () => {
  it(".pre-commit-hooks.yaml declares a node hook running asyncshift --check on Python files", () => {
    const hooks = readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8");
    expect(hooks).toMatch(/^- id: asyncshift$/m);
    expect(hooks).toMatch(/^ {2}language: node$/m);
    expect(hooks).toMatch(/^ {2}entry: asyncshift --check$/m);
    expect(hooks).toMatch(/^ {2}types: \[python\]$/m);
  });

  it("takes many file arguments at once, as pre-commit passes them", () => {
    const files: Record<string, string> = { "requirements.txt": REQUIREMENTS };
    for (let i = 0; i < 40; i++)
      files[`pkg${i % 4}/mod_${i}.py`] = i % 10 === 0 ? TASK : `x = ${i}\n`;
    const dir = tempProject(files);
    const names = Object.keys(files).filter((f) => f.endsWith(".py"));
    const result = asyncshift(dir, ["--check", ...names]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("40 files scanned");
    expect(result.stdout).toContain("4 files would change");
    const clean = asyncshift(dir, ["--check", ...names.filter((_, i) => i % 10 !== 0)]);
    expect(clean.code).toBe(0);
  });
});

describe("asyncshift report", () => {
  it("counts sites per file and in total, as a table and as JSON", () => {
    const dir = tempProject({
      "requirements.txt": REQUIREMENTS,
      "app/tasks.py": TASK,
      "app/views.py":
        "import asyncio\n\nasync def view():\n    asyncio.run(work())\n\ndef helper():\n    pass\n",
      "app/tests/test_tasks.py": "import asyncio\n\ndef test_it():\n    asyncio.run(check())\n",
      "app/script.py": 'import asyncio\nif __name__ == "__main__":\n    asyncio.run(main())\n',
      "app/broken.py": "def broken(:\n",
    });
    const text = asyncshift(dir, ["report", "app"]);
    expect(text.code).toBe(0);
    // Not a terminal: 80 columns, so the run's empty columns (module) go and groups make blocks.
    expect(text.stdout).toMatch(/^app\/tasks\.py\s+1\s+0\s+0\s+0$/m);
    expect(text.stdout).toMatch(/^total \(5 files\)\s+1\s+1\s+1\s+1$/m);
    expect(Math.max(...text.stdout.split("\n").map((l) => l.length))).toBeLessThanOrEqual(80);
    // The example project on a 100-column terminal: every line fits, every count is still there.
    const examples = asyncshift(ROOT, ["report", "--no-cache", "examples"], "", { COLUMNS: "100" });
    const lines = examples.stdout.split("\n");
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(100);
    expect(lines.filter((l) => l.startsWith("total (")).length).toBeGreaterThan(1);
    const wide = asyncshift(dir, ["report", "app"], "", { COLUMNS: "300" });
    expect(wide.stdout).toMatch(/^app\/tasks\.py\s+1\s+0\s+0\s+0\s+0/m);
    expect(wide.stdout).toMatch(/^total \(5 files\)\s+1\s+1\s+1\s+1\s+0/m);
    expect(text.stdout).toContain("app/broken.py: syntax error on line 1");
    const json = JSON.parse(asyncshift(dir, ["report", "--format", "json", "app"]).stdout);
    expect(json.totals.sites["asyncio.run"]).toEqual({
      sync: 1,
      async: 1,
      "test/command": 1,
      "entry-point": 1,
    });
    expect(json.totals).toMatchObject({
      files: 5,
      syntaxErrorFiles: 1,
      mixedFiles: 2,
      asyncFunctions: 2,
    });
    const views = json.files.find((f: { path: string }) => f.path === "app/views.py");
    expect(views).toMatchObject({ mixed: true, asyncFunctions: 2 - 1, syncFunctions: 1 });
    expect(views.sites[0]).toMatchObject({
      transform: "asyncio-run",
      kind: "asyncio.run",
      context: "async",
      line: 4,
      column: 5,
    });
    // The report changes nothing.
    expect(readFileSync(join(dir, "app/tasks.py"), "utf8")).toBe(TASK);
  });
});
