import { QUERYSET_RETURNING } from "../../src/django/orm.js";
import { qualifiedName } from "../../src/python/imports.js";
import { bindingsNamed, enclosingDef } from "../../src/python/scope.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { looksLikeQueryset } from "./proofs.js";
import type { OrmFile, Problem } from "./state.js";

// In a wrapper to convert, every call that is not ORM work with a native form must be known to
// stay off the database; anything else would run on the event loop once converted (AS205).

/** Builtins that never touch the database, as long as no queryset is passed to them. */
const SAFE_BUILTINS = new Set([
  "str",
  "int",
  "float",
  "bool",
  "dict",
  "tuple",
  "set",
  "frozenset",
  "len",
  "min",
  "max",
  "sum",
  "abs",
  "round",
  "sorted",
  "reversed",
  "enumerate",
  "zip",
  "range",
  "isinstance",
  "issubclass",
  "getattr",
  "setattr",
  "hasattr",
  "print",
  "repr",
  "list",
  "any",
  "all",
  "map",
  "filter",
  "format",
  "id",
  "hash",
  "type",
  "super",
]);

/** Standard-library and Django helper modules whose functions are pure or in-memory. */
const PURE_MODULES = [
  "datetime",
  "decimal",
  "uuid",
  "logging",
  "math",
  "re",
  "itertools",
  "collections",
  "functools",
  "operator",
  "string",
  "typing",
  "dataclasses",
  "enum",
  "copy",
  "random",
  "hashlib",
  "base64",
  "django.utils.timezone",
  "django.utils.text",
  "django.utils.translation",
  "django.urls",
  "django.db.models",
];

/** Callees with no async API, named in the AS205 message. */
const NO_ASYNC_API: Record<string, string> = {
  "django.shortcuts.render": "render() has no async form (templates render synchronously)",
  "django.core.mail.send_mail": "send_mail() has no async API",
  "django.core.mail.send_mass_mail": "send_mass_mail() has no async API",
  "django.core.mail.mail_admins": "mail_admins() has no async API",
  "django.db.transaction.on_commit": "transaction.on_commit() needs a transaction",
};

/** Is this name bound in its function only to list, dict, set or string literals (in-memory)? */
function isLocalContainer(identifier: SyntaxNode): boolean {
  const def = enclosingDef(identifier);
  if (!def) return false;
  const bound = bindingsNamed(def, identifier.text);
  if (bound.length === 0) return false;
  return bound.every((b) => {
    const assignment = b.node.parent;
    if (assignment?.type !== "assignment" || assignment.childForFieldName("left")?.id !== b.node.id)
      return false;
    const value = assignment.childForFieldName("right");
    return (
      !!value &&
      [
        "list",
        "dictionary",
        "set",
        "string",
        "list_comprehension",
        "dictionary_comprehension",
        "set_comprehension",
      ].includes(value.type)
    );
  });
}

/** Is this name a module-level `logging.getLogger(...)` result? */
function isLoggerName(identifier: SyntaxNode): boolean {
  const module = identifier.tree.rootNode;
  const bound = bindingsNamed(module, identifier.text);
  if (bound.length !== 1) return false;
  const value = bound[0].node.parent?.childForFieldName("right");
  const callee = value?.type === "call" ? value.childForFieldName("function") : undefined;
  return !!callee && qualifiedName(callee) === "logging.getLogger";
}

function isPureQualified(qualified: string | undefined): boolean {
  return !!qualified && PURE_MODULES.some((m) => qualified === m || qualified.startsWith(`${m}.`));
}

/** Calls known not to touch the database: safe builtins, pure modules, in-memory containers. */
function isOffDatabase(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
  qualified: string | undefined,
): boolean {
  if (callee.type === "identifier") {
    if (SAFE_BUILTINS.has(callee.text) && f.file.isBuiltin(callee.text, callee)) return true;
    // Model(...) builds an instance in memory, whatever module the model class comes from.
    if (f.proofs.modelClassOf(callee) || f.ctx.project.models[callee.text]) return true;
    return isPureQualified(qualified);
  }
  if (callee.type !== "attribute") return false;
  if (isPureQualified(qualified)) return true;
  const receiver = callee.childForFieldName("object")!;
  const method = callee.childForFieldName("attribute")!.text;
  // Building a queryset runs no query.
  if (
    QUERYSET_RETURNING.has(method) &&
    method !== "raw" &&
    (f.proofs.querysetOf(call) || looksLikeQueryset(call))
  )
    return true;
  if (receiver.type === "string") return true;
  // `timezone.now().timestamp()`: a method of what a pure function returned.
  const made = receiver.type === "call" ? receiver.childForFieldName("function") : undefined;
  if (made && isPureQualified(f.file.qualifiedName(made))) return true;
  return receiver.type === "identifier" && (isLocalContainer(receiver) || isLoggerName(receiver));
}

/** A call in a wrapper that is not ORM work with a native form: what keeps the wrapper sync. */
export function noAsyncApiProblem(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
  qualified: string | undefined,
): Problem | undefined {
  if (isOffDatabase(f, call, callee, qualified)) return undefined;
  const problem = (message: string): Problem => ({ code: "AS205", node: call, message });
  const known = qualified ? NO_ASYNC_API[qualified] : undefined;
  if (known) return problem(known);
  const receiver = callee.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const method =
    callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
  if (!receiver || !method) return problem(unknownCallee(f, callee));
  if (method === "is_valid" || /form/i.test(receiver.text))
    return problem(`${callee.text}(): forms have no async API`);
  if (method === "save" && receiver.type === "attribute")
    return problem(`${callee.text}(): FileField and storage .save() have no async API`);
  if (
    f.proofs.querysetOf(receiver) ||
    (receiver.type === "identifier" && f.proofs.instanceOf(receiver))
  )
    return problem(
      `${callee.text}() is a custom model or manager method, not in Django's async API`,
    );
  return problem(
    `${callee.text}() is not known to stay off the database: ${receiver.text} is not proven a queryset, a model instance or an in-memory value`,
  );
}

/**
 * What a called name is, as far as the file shows: a function or class defined in this file, a
 * function of this project (a relative import), an imported name, or something unknown.
 */
function unknownCallee(f: OrmFile, callee: SyntaxNode): string {
  const name = callee.text;
  const maybe = "not in Django's async API, and may touch the database";
  if (callee.type !== "identifier") return `${name}() is not known here: ${maybe}`;
  const binding = f.file.importBindingOf(name, callee);
  if (binding) {
    const module = binding.statement.childForFieldName("module_name")?.text;
    if (module?.startsWith("."))
      return `${name}() is a function of this project (imported from ${module}): ${maybe}`;
    return `${name}() (${binding.qualified}) is ${maybe.replace(", and", " and")}`;
  }
  const definition = definitionOf(f, callee);
  if (definition === "function_definition")
    return `${name}() is a function defined in this file: ${maybe}`;
  if (definition === "class_definition")
    return `${name}() builds an instance of a class defined in this file: ${maybe}`;
  return `${name}() is not known here (not imported, not defined in this file): ${maybe}`;
}

/** The def or class statement that binds `name` where it is called, if that is what binds it. */
function definitionOf(f: OrmFile, identifier: SyntaxNode): string | undefined {
  for (let scope = f.file.enclosingScope(identifier); ; scope = f.file.enclosingScope(scope)) {
    const bound = f.file.bindingsNamed(scope, identifier.text);
    if (bound.length > 0) {
      const kinds = new Set(bound.map((b) => b.node.parent?.type));
      return kinds.size === 1 ? [...kinds][0] : undefined;
    }
    if (scope.type === "module") return undefined;
  }
}
