import type { FileSemantics, ProjectFacts, SyntaxNode } from "../model/types.js";

// `self.client` and `self.async_client` in a method of a Django test case: Django's test
// `Client` and `AsyncClient`, which have `alogin()`, `aforce_login()` and `alogout()` since 5.0.
// Only Django's own test case classes (a class of this file or of the project may stand
// between): DRF's `APITestCase` gives an `APIClient`, whose `logout()` also clears its forced
// credentials and whose inherited `alogout()` does not. A class may bind its client again
// (`self.client = Client()` in `setUp`): still Django's when every binding builds Django's
// client or a project subclass of it that keeps its login methods.

export const DJANGO_TEST_CASES = new Set(
  ["SimpleTestCase", "TestCase", "TransactionTestCase", "LiveServerTestCase"].flatMap((name) => [
    `django.test.${name}`,
    `django.test.testcases.${name}`,
  ]),
);
export const DJANGO_TEST_CLIENTS = new Set(
  ["Client", "AsyncClient"].flatMap((name) => [
    `django.test.${name}`,
    `django.test.client.${name}`,
  ]),
);
/** What a client subclass must not define for `alogin()`/`alogout()` to do what `login()`/`logout()` do. */
export const CLIENT_LOGIN_METHODS = /^(a?login|a?logout|a?force_login|_a?login)$/;

/** The attributes Django's test cases set to a test client. */
const CLIENT_ATTRIBUTES = new Set(["client", "async_client"]);

/** What the project tells of test classes and clients (see test-case-classes.ts). */
type ClientFacts = Pick<
  ProjectFacts,
  "djangoTestCases" | "djangoTestClients" | "otherClientClasses"
>;

/** Is `receiver` (`self.client`) Django's test Client or AsyncClient? */
export function isDjangoTestClient(
  file: FileSemantics,
  receiver: SyntaxNode,
  project: ClientFacts = {},
): boolean {
  if (receiver.type !== "attribute") return false;
  const owner = receiver.childForFieldName("object");
  const attribute = receiver.childForFieldName("attribute")?.text ?? "";
  if (owner?.type !== "identifier" || owner.text !== "self" || !CLIENT_ATTRIBUTES.has(attribute))
    return false;
  const def = file.enclosingDef(receiver);
  const first = def?.childForFieldName("parameters")?.namedChildren[0];
  if (first?.type !== "identifier" || first.text !== "self") return false;
  const cls = file.enclosingClass(receiver);
  return !!cls && clientOf(file, cls, attribute, 0, project) === "django";
}

/**
 * What a class gives its tests as `self.<attribute>`: Django's client (its bases lead, through
 * classes of this file or the project, to one of Django's test cases), another one (it or one of
 * its bases binds another), or nothing known.
 */
function clientOf(
  file: FileSemantics,
  cls: SyntaxNode,
  attribute: string,
  depth: number,
  project: ClientFacts,
): "django" | "other" | "none" {
  if (depth > 8 || setsOwnClient(file, cls, attribute, project)) return "other";
  let found: "django" | "none" = "none";
  for (const base of cls.childForFieldName("superclasses")?.namedChildren ?? []) {
    const verdict = baseClient(file, base, attribute, depth, project);
    if (verdict === "other") return "other";
    if (verdict === "django") found = "django";
  }
  return found;
}

function baseClient(
  file: FileSemantics,
  base: SyntaxNode,
  attribute: string,
  depth: number,
  project: ClientFacts,
): "django" | "other" | "none" {
  const qualified = file.qualifiedName(base);
  if (qualified && DJANGO_TEST_CASES.has(qualified)) return "django";
  // `from cl.tests.cases import TestCase`: a class of another module of the project.
  if (qualified && !qualified.startsWith("django.")) {
    const last = qualified.split(".").pop()!;
    if (project.otherClientClasses?.includes(last)) return "other";
    return project.djangoTestCases?.includes(last) ? "django" : "none";
  }
  const cls = localClass(file, base);
  return cls ? clientOf(file, cls, attribute, depth + 1, project) : "none";
}

/** The class of this file a name (`ShopTestCase`) is bound to, once. */
function localClass(file: FileSemantics, name: SyntaxNode): SyntaxNode | undefined {
  if (name.type !== "identifier" || file.qualifiedName(name)) return undefined;
  const bound = file.bindingsNamed(file.root, name.text);
  const parent = bound.length === 1 ? bound[0].node.parent : undefined;
  return parent?.type === "class_definition" ? parent : undefined;
}

/**
 * `client_class = APIClient` in the class body, or `self.client = ...` anywhere in it, binding
 * something other than Django's test clients.
 */
function setsOwnClient(
  file: FileSemantics,
  cls: SyntaxNode,
  attribute: string,
  project: ClientFacts,
): boolean {
  const body = cls.childForFieldName("body");
  if (!body) return true;
  const classAttribute = `${attribute}_class`;
  return body.descendantsOfType("assignment").some((a) => {
    const left = a.childForFieldName("left");
    const right = a.childForFieldName("right");
    if (left?.type === "identifier")
      return left.text === classAttribute && !isDjangoClientClass(file, right, project, 0);
    if (left?.type === "attribute")
      return (
        isSelfAttribute(left, attribute) &&
        !(
          right?.type === "call" &&
          isDjangoClientClass(file, right.childForFieldName("function"), project, 0)
        )
      );
    // `self.client, other = ...`: not followed.
    return !!left?.descendantsOfType("attribute").some((t) => isSelfAttribute(t, attribute));
  });
}

function isSelfAttribute(node: SyntaxNode, attribute: string): boolean {
  return (
    node.childForFieldName("object")?.text === "self" &&
    node.childForFieldName("attribute")?.text === attribute
  );
}

/**
 * Django's `Client`/`AsyncClient`, or a class of this file or the project whose bases lead to
 * them and which leaves their login methods alone.
 */
function isDjangoClientClass(
  file: FileSemantics,
  node: SyntaxNode | null | undefined,
  project: ClientFacts,
  depth: number,
): boolean {
  if (!node || depth > 8) return false;
  const qualified = file.qualifiedName(node);
  if (qualified && DJANGO_TEST_CLIENTS.has(qualified)) return true;
  if (qualified && !qualified.startsWith("django."))
    return !!project.djangoTestClients?.includes(qualified.split(".").pop()!);
  const cls = localClass(file, node);
  if (!cls) return false;
  const methods = cls.childForFieldName("body")?.namedChildren ?? [];
  const overrides = methods.some((m) => {
    const def = m.type === "decorated_definition" ? m.childForFieldName("definition") : m;
    return (
      def?.type === "function_definition" &&
      CLIENT_LOGIN_METHODS.test(def.childForFieldName("name")?.text ?? "")
    );
  });
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  // One base: a mixin beside Django's client may override its logout().
  return (
    !overrides && bases.length === 1 && isDjangoClientClass(file, bases[0], project, depth + 1)
  );
}
