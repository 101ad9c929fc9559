import { importedModules } from "../django/class-bases.js";

// orm-review-3 N5 (courtlistener, 29 human sites): `self.async_client` is Django's AsyncClient in
// a test class whose bases lead to Django's TestCase through a class of another module
// (`cl/tests/cases.py`: `class TestCase(RestartRateLimitMixin, test.TestCase)` after `from django
// import test`). The pre-pass reads each file's class heads; the project's side follows the
// names from file to file.

const DJANGO_TEST_CASES = new Set(
  ["SimpleTestCase", "TestCase", "TransactionTestCase", "LiveServerTestCase"].flatMap((name) => [
    `django.test.${name}`,
    `django.test.testcases.${name}`,
  ]),
);
const CLASS_HEAD = /^[ \t]*class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)/gm;
/** A class giving its tests another client (DRF's `client_class = APIClient`, `self.client = ...`). */
const OWN_CLIENT = /\bclient_class\b|\bself\.(?:async_)?client[ \t]*=(?!=)/;

export interface TestCaseFacts {
  /**
   * The file's classes with bases, each base as `"django"` when it is one of Django's test cases,
   * else its last name; `false` for a class of a file that sets its own test client.
   */
  testCaseHeads?: Record<string, string[] | false>;
}

export function testCaseFactsIn(source: string): TestCaseFacts {
  if (!source.includes("TestCase") || !source.includes("class")) return {};
  const imports = importedModules(source);
  const own = OWN_CLIENT.test(source);
  const heads: Record<string, string[] | false> = {};
  for (const [, name, list] of source.matchAll(CLASS_HEAD)) {
    const bases = list
      .replace(/#[^\n]*/g, "")
      .split(",")
      .map((b) => b.trim())
      .filter((b) => /^[A-Za-z_][\w.]*$/.test(b));
    heads[name] = own
      ? false
      : bases.map((base) => (isDjangoTestCase(base, imports) ? "django" : base.split(".").pop()!));
  }
  return Object.keys(heads).length > 0 ? { testCaseHeads: heads } : {};
}

/** `test.TestCase` after `from django import test`, `TestCase` from `django.test`. */
function isDjangoTestCase(base: string, imports: Map<string, string>): boolean {
  const [first, ...rest] = base.split(".");
  const module = imports.get(first);
  if (!module) return false;
  const candidates =
    rest.length === 0
      ? [`${module}.${first}`]
      : [`${module}.${first}.${rest.join(".")}`, `${module}.${rest.join(".")}`];
  return candidates.some((c) => DJANGO_TEST_CASES.has(c));
}

/**
 * The names of the project's classes whose bases lead to Django's test cases, when every class
 * of that name does (two `TestCase` classes, one on unittest's, name none).
 */
export function djangoTestCaseClasses(files: Iterable<TestCaseFacts>): string[] {
  const heads: [string, string[] | false][] = [];
  for (const f of files) heads.push(...Object.entries(f.testCaseHeads ?? {}));
  const banned = new Set<string>();
  for (;;) {
    const found = followed(heads, banned);
    const derives = (bases: string[] | false) =>
      !!bases && bases.some((b) => b === "django" || found.has(b));
    // A name also given to a class that does not derive from them: ambiguous, so none.
    const ambiguous = heads.filter(([name, bases]) => found.has(name) && !derives(bases));
    if (ambiguous.length === 0) return [...found];
    for (const [name] of ambiguous) banned.add(name);
  }
}

/** The class names reached from Django's test cases along the heads, `banned` ones left out. */
function followed(heads: [string, string[] | false][], banned: Set<string>): Set<string> {
  const found = new Set<string>();
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, bases] of heads)
      if (bases && !found.has(name) && !banned.has(name))
        if (bases.some((b) => b === "django" || found.has(b))) {
          found.add(name);
          changed = true;
        }
  }
  return found;
}
