import type { SyntaxNode } from "../model/types.js";
import { importedModules } from "../django/class-bases.js";
import { matchesAtLineStarts } from "../python/line-keywords.js";
import {
  CLIENT_LOGIN_METHODS,
  DJANGO_TEST_CASES,
  DJANGO_TEST_CLIENTS,
} from "../django/test-client.js";

// orm-review-3 N5 (courtlistener, 29 human sites): `self.async_client` is Django's AsyncClient in
// a test class whose bases lead to Django's TestCase through a class of another module
// (`cl/tests/cases.py`: `class TestCase(RestartRateLimitMixin, test.TestCase)` after `from django
// import test`). The pre-pass reads each file's class heads; the project's side follows the
// names from file to file. A class may rebind its client in `setUp` (`self.client = Client()`,
// 19 of courtlistener b7ca3de's human sites): still Django's client when every binding builds
// Django's `Client`/`AsyncClient`, or a project subclass of them that keeps their login methods.

const CLASS_HEAD = /^([ \t]*)class[ \t]+([A-Za-z_]\w*)[ \t]*\(([^)]*)\)[^\n]*$/gm;
/** `self.client = X(...)`, `client_class = X`: what gives a class's tests their client. */
const CLIENT_BINDING =
  /\bself\.(?:async_)?client[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*([^\n]*)|^[ \t]*(?:async_)?client_class[ \t]*(?::[^=\n]*)?=(?!=)[ \t]*([^\n]*)/gm;
const DEF_NAME = /^[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)/gm;

export interface TestCaseFacts {
  /** The file's classes with bases, each base as `"django"` when it is one of Django's test cases, else its last name. */
  testCaseHeads?: Record<string, string[]>;
  /**
   * The file's classes that bind their tests' client to something other than Django's test
   * clients: the last name of each class they build (maybe the project's subclass of a
   * Django client), `""` for a value that is not a plain constructor call.
   */
  clientBindings?: Record<string, string[]>;
  /**
   * The file's classes with bases, each base as `"django"` when it is Django's `Client` or
   * `AsyncClient`; `false` for one that overrides their login methods.
   */
  clientClassHeads?: Record<string, string[] | false>;
}

interface ClassBlock {
  name: string;
  bases: string[];
  /** The body's text, found when asked: most classes' bodies are never read. */
  body: () => string;
}

/** Per indentation: a line break whose next line has code indented that much or less. */
const blockEnds = new Map<number, RegExp>();

/** The end of the block whose head ends at `start`, its head indented `indent` characters. */
function blockEnd(source: string, start: number, indent: number): number {
  let end = blockEnds.get(indent);
  if (!end) {
    end = new RegExp(`\\n(?![ \\t]{${indent + 1}}|[ \\t]*(#[^\\n]*)?(\\n|$))`, "g");
    blockEnds.set(indent, end);
  }
  end.lastIndex = start;
  return end.exec(source)?.index ?? source.length;
}

/** The file's classes with their bases as written and their bodies' text (by indentation). */
function classBlocks(source: string): ClassBlock[] {
  const blocks: ClassBlock[] = [];
  for (const head of matchesAtLineStarts(source, "class", CLASS_HEAD)) {
    const [text, indent, name, list] = head;
    const start = head.index + text.length;
    const bases = list
      .replace(/#[^\n]*/g, "")
      .split(",")
      .map((b) => b.trim())
      .filter((b) => /^[A-Za-z_][\w.]*$/.test(b));
    let body: string | undefined;
    blocks.push({
      name,
      bases,
      body: () => (body ??= source.slice(start, blockEnd(source, start, indent.length))),
    });
  }
  return blocks;
}

export function testCaseFactsIn(source: string): TestCaseFacts {
  const tests = source.includes("TestCase");
  const clients = /\bclient\b|client_class|Client\b/.test(source);
  if (!source.includes("class") || (!tests && !clients)) return {};
  const imports = importedModules(source);
  const facts: TestCaseFacts = {};
  // A body binds no client where the file never spells the word.
  const bindsClients = source.includes("client");
  for (const { name, bases, body } of classBlocks(source)) {
    if (tests)
      (facts.testCaseHeads ??= {})[name] = bases.map((base) =>
        isDjangoName(base, imports, DJANGO_TEST_CASES) ? "django" : base.split(".").pop()!,
      );
    const built = bindsClients ? clientsBuilt(body(), imports) : [];
    if (built.length > 0) (facts.clientBindings ??= {})[name] = built;
    const clientBases = bases.map((base) =>
      isDjangoName(base, imports, DJANGO_TEST_CLIENTS) ? "django" : base.split(".").pop()!,
    );
    if (clientBases.includes("django") || /Client$/.test(name))
      // One base: a mixin beside Django's client may override its logout().
      (facts.clientClassHeads ??= {})[name] =
        overridesLogin(body()) || clientBases.length !== 1 ? false : clientBases;
  }
  return facts;
}

/** What a class body binds its client to, Django's own clients left out. */
function clientsBuilt(body: string, imports: Map<string, string>): string[] {
  const built: string[] = [];
  // Either form of the pattern holds the word: most bodies are not tried at every position.
  if (!body.includes("client")) return built;
  for (const [, call, value] of body.matchAll(CLIENT_BINDING)) {
    const written = (call ?? value).replace(/#[^\n]*/, "").trim();
    const callee = call !== undefined ? /^([A-Za-z_][\w.]*)[ \t]*\(/.exec(written)?.[1] : written;
    if (!callee || !/^[A-Za-z_][\w.]*$/.test(callee)) built.push("");
    else if (!isDjangoName(callee, imports, DJANGO_TEST_CLIENTS))
      built.push(callee.split(".").pop()!);
  }
  return built;
}

function overridesLogin(body: string): boolean {
  return [...body.matchAll(DEF_NAME)].some(([, name]) => CLIENT_LOGIN_METHODS.test(name));
}

/** `test.TestCase` after `from django import test`, `TestCase` from `django.test`. */
function isDjangoName(base: string, imports: Map<string, string>, names: Set<string>): boolean {
  const [first, ...rest] = base.split(".");
  const module = imports.get(first);
  if (!module) return false;
  const candidates =
    rest.length === 0
      ? [`${module}.${first}`]
      : [`${module}.${first}.${rest.join(".")}`, `${module}.${rest.join(".")}`];
  return candidates.some((c) => names.has(c));
}

/** What the project's classes tell of test clients (see ProjectFacts). */
export interface TestClientFacts {
  djangoTestCases?: string[];
  djangoTestClients?: string[];
  otherClientClasses?: string[];
}

export function hasTestCaseFacts(facts: TestCaseFacts): boolean {
  return !!(facts.testCaseHeads || facts.clientBindings || facts.clientClassHeads);
}

/**
 * The project's test case classes whose tests get Django's client, the project's subclasses of
 * Django's clients that keep its login methods, and the classes that give their tests another
 * client (a test class with one of those among its bases is none of Django's).
 */
export function testClientFactsOf(files: Iterable<TestCaseFacts>): TestClientFacts {
  const list = [...files];
  const heads = list.flatMap((f) => Object.entries(f.testCaseHeads ?? {}));
  const clientHeads = list.flatMap((f) => Object.entries(f.clientClassHeads ?? {}));
  const clients = unambiguousFollowed(clientHeads, new Set());
  const others = new Set<string>();
  for (const f of list)
    for (const [name, built] of Object.entries(f.clientBindings ?? {}))
      if (built.some((c) => !clients.includes(c))) others.add(name);
  // A class deriving from one that gives another client gives it too.
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, bases] of heads)
      if (!others.has(name) && bases.some((b) => others.has(b))) {
        others.add(name);
        changed = true;
      }
  }
  const testCases = unambiguousFollowed(heads, others);
  return {
    ...(testCases.length > 0 ? { djangoTestCases: testCases } : {}),
    ...(clients.length > 0 ? { djangoTestClients: clients } : {}),
    ...(others.size > 0 ? { otherClientClasses: [...others] } : {}),
  };
}

/**
 * The names of classes whose bases lead to `"django"`, when every class of that name does (two
 * `TestCase` classes, one on unittest's, name none), `banned` ones left out.
 */
function unambiguousFollowed(
  heads: [string, string[] | false][],
  initial: ReadonlySet<string>,
): string[] {
  const banned = new Set(initial);
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

/** The class names reached from Django's classes along the heads, `banned` ones left out. */
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

/** A test module's path: under a `tests`/`test` folder, `test_*.py`, `*_tests.py`, `tests.py`, `conftest.py`. */
const TEST_PATH = /(^|\/)(tests?\/|test_[^/]*\.py$|[^/]*_tests?\.py$|tests\.py$|conftest\.py$)/;
/** A test class by name (`TestConsumer`, `ConsumerTests`) or by base (`...TestCase`). */
const TEST_CLASS = /^Test|Tests?$/;

/**
 * Test code (orm-review-4 P1, the lead's policy): a test module, or a method of a test class.
 * There no long-lived connection is at stake, so dropping `database_sync_to_async` (which closes
 * stale connections around each call) changes nothing a test relies on.
 */
export function isTestCode(path: string, node: SyntaxNode): boolean {
  if (TEST_PATH.test(path.replace(/\\/g, "/"))) return true;
  for (let n = node.parent; n; n = n.parent) {
    if (n.type !== "class_definition") continue;
    if (TEST_CLASS.test(n.childForFieldName("name")?.text ?? "")) return true;
    const bases = n.childForFieldName("superclasses")?.namedChildren ?? [];
    if (bases.some((b) => /TestCase$/.test(b.text))) return true;
  }
  return false;
}
