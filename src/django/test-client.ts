import type { FileSemantics, SyntaxNode } from "../model/types.js";

// `self.client` and `self.async_client` in a method of a Django test case: Django's test
// `Client` and `AsyncClient`, which have `alogin()`, `aforce_login()` and `alogout()` since 5.0.
// Only Django's own test case classes (a class of this file may stand between): DRF's
// `APITestCase` gives an `APIClient`, whose `logout()` also clears its forced credentials and
// whose inherited `alogout()` does not.

const DJANGO_TEST_CASES = new Set(
  ["SimpleTestCase", "TestCase", "TransactionTestCase", "LiveServerTestCase"].flatMap((name) => [
    `django.test.${name}`,
    `django.test.testcases.${name}`,
  ]),
);

/** The attributes Django's test cases set to a test client. */
const CLIENT_ATTRIBUTES = new Set(["client", "async_client"]);

/** Is `receiver` (`self.client`) Django's test Client or AsyncClient? */
export function isDjangoTestClient(
  file: FileSemantics,
  receiver: SyntaxNode,
  /** The project's classes of other files whose bases lead to Django's test cases. */
  projectTestCases: readonly string[] = [],
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
  return !!cls && isDjangoTestCase(file, cls, attribute, 0, projectTestCases);
}

/**
 * A class whose bases lead, through classes of this file, to one of Django's test cases, and
 * none of which sets its own client (`client_class = APIClient`, `self.client = ...`).
 */
function isDjangoTestCase(
  file: FileSemantics,
  cls: SyntaxNode,
  attribute: string,
  depth: number,
  projectTestCases: readonly string[],
): boolean {
  if (depth > 8 || setsOwnClient(cls, attribute)) return false;
  const bases = cls.childForFieldName("superclasses")?.namedChildren ?? [];
  return bases.some((base) => {
    const qualified = file.qualifiedName(base);
    if (qualified && DJANGO_TEST_CASES.has(qualified)) return true;
    // `from cl.tests.cases import TestCase`: a class of another module of the project.
    const imported = qualified && !qualified.startsWith("django.") ? qualified : undefined;
    if (imported && projectTestCases.includes(imported.split(".").pop()!)) return true;
    if (base.type !== "identifier" || qualified) return false;
    const bound = file.bindingsNamed(file.root, base.text);
    const parent = bound.length === 1 ? bound[0].node.parent : undefined;
    return (
      parent?.type === "class_definition" &&
      isDjangoTestCase(file, parent, attribute, depth + 1, projectTestCases)
    );
  });
}

/** `client_class = ...` in the class body, or `self.client = ...` anywhere in it. */
function setsOwnClient(cls: SyntaxNode, attribute: string): boolean {
  const body = cls.childForFieldName("body");
  if (!body) return true;
  return body.descendantsOfType("assignment").some((a) => {
    const left = a.childForFieldName("left");
    if (left?.type === "identifier") return left.text === "client_class";
    return (
      left?.type === "attribute" &&
      left.childForFieldName("object")?.text === "self" &&
      left.childForFieldName("attribute")?.text === attribute
    );
  });
}
