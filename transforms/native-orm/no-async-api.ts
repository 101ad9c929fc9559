import { assignedValues } from "../../src/python/scope.js";
import { functionsNamed, projectTopModules } from "../../src/project/index-lookup.js";
import { fromModuleName } from "../../src/python/shapes.js";
import { projectTaskName, TASK_PUBLISH } from "../../src/project/celery-tasks.js";
import { taskPublishSaid } from "./task-publish.js";
import { QUERYSET_RETURNING } from "../../src/django/orm.js";
import {
  isPureAuthHelper,
  isPureUserManagerMethod,
  reachesUserManager,
} from "../../src/django/auth-bases.js";
import { relatedPathModel } from "./related-paths.js";
import { DJANGO_IN_MEMORY_CALLS, isExpressionClass } from "../../src/django/in-memory-calls.js";
import { definitionOf, unknownCallee } from "./unknown-callees.js";
import { isRequestMapping } from "../../src/python/request-values.js";
import { managerModelUnknownSaid } from "../../src/django/manager-self.js";
import { callsExpressionBuilder } from "./nested-defs.js";
import type { SyntaxNode } from "../../src/model/types.js";
import { looksLikeQueryset } from "./proofs.js";
import { moduleFunctionSaid } from "./module-calls.js";
import { projectMethodReceiver } from "./chain-managers.js";
import type { OrmFile, Problem } from "./types.js";
import { raisedException } from "./raised.js";
import { unknownEvaluationProblem } from "./unknown-evaluations.js";
import {
  customColumnSaid,
  isColumnItem,
  isColumnValueName,
  isLoadedColumn,
} from "./loaded-values.js";
import { constructionProblem, isPlainConstruction } from "./plain-construction.js";
import { isInMemory } from "../../src/python/effects.js";
import {
  chainStart,
  fileSystemProblem,
  isFileSystemQualified,
  isPathValue,
  PURE_PATH_METHODS,
} from "./path-values.js";
import { isFormCleanedData } from "../../src/django/forms.js";
import {
  annotationKind,
  isJsonMethod,
  isKeywordArguments,
  itemsKindOf,
  makesPlainValue,
  plainKindOf,
  unknownKindReason,
} from "../../src/python/value-kinds.js";

// In a wrapper to convert, every call that is not ORM work with a native form must be known to
// stay off the database; anything else would run on the event loop once converted (AS205).

/** Builtins that never touch the database, as long as no queryset is passed to them. */
/** Python's exception classes (`Exception`, `ValueError`, `RuntimeWarning`, ...): built in memory. */
const BUILTIN_EXCEPTION =
  /^(BaseException|Exception|[A-Z]\w*(Error|Exception|Warning)|StopIteration|StopAsyncIteration|KeyboardInterrupt|SystemExit|GeneratorExit)$/;

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

/** AbstractBaseUser/AbstractUser methods that touch no database. */
const IN_MEMORY_USER_METHODS = new Set([
  "set_password",
  "set_unusable_password",
  "has_usable_password",
  "get_username",
  "get_full_name",
  "get_short_name",
  "get_session_auth_hash",
]);

/** Builtins whose call makes a scalar held in memory (`str(x)`, `int(x)`). */
const IN_MEMORY_SCALARS = new Set(["str", "int", "float", "bool", "bytes", "complex"]);

/** Is this name a parameter annotated with an in-memory type (`sym: str`), its only binding? */
function isInMemoryParameter(f: OrmFile, identifier: SyntaxNode): boolean {
  const bound = f.file.bindingsNamed(f.file.enclosingScope(identifier), identifier.text);
  if (bound.length !== 1 || bound[0].kind !== "parameter") return false;
  // One reader of annotations (src/python/value-kinds): a scalar, or a container written with
  // scalar items (`list[str]`); a bare `dict` is a mapping, whose own methods only are known
  // (isPlainReceiver), so `payload: dict; payload.save()` does not pass.
  const type = bound[0].node.parent?.childForFieldName("type");
  return !!type && annotationKind(type) === "scalar";
}

/**
 * A value held in memory, whose methods run no query: a literal, a local container, an
 * in-memory parameter, an item of one, a method result of one, `str(...)` and the like.
 */
export function isInMemoryValue(f: OrmFile, expr: SyntaxNode): boolean {
  switch (expr.type) {
    case "string":
    case "concatenated_string":
    case "integer":
    case "float":
      return true;
    case "identifier":
      return (
        isLocalContainer(f, expr) ||
        isInMemoryParameter(f, expr) ||
        isMadeValue(f, expr) ||
        isValuesRow(f, expr) ||
        isColumnItem(f, expr) ||
        isColumnValueName(f, expr)
      );
    case "attribute":
      return isFormCleanedData(expr) || isLoadedColumn(f, expr);
    case "subscript":
      return holdsInMemoryItems(f, expr.childForFieldName("value")!);
    case "parenthesized_expression":
      return expr.namedChildren.length === 1 && isInMemoryValue(f, expr.namedChildren[0]);
    case "binary_operator":
      // `now - ts`: arithmetic of two values held in memory.
      return (
        isInMemoryValue(f, expr.childForFieldName("left")!) &&
        isInMemoryValue(f, expr.childForFieldName("right")!)
      );
    case "call": {
      const callee = expr.childForFieldName("function")!;
      if (callee.type === "identifier")
        return IN_MEMORY_SCALARS.has(callee.text) && f.file.isBuiltin(callee.text, callee);
      const receiver = callee.type === "attribute" ? callee.childForFieldName("object") : null;
      return !!receiver && holdsInMemoryItems(f, receiver);
    }
  }
  return false;
}

/**
 * Is what is taken out of `container` (`objs[0]`, `objs.pop()`) held in memory? A local list or
 * dict is a container in memory whatever it holds, but its items may be model instances
 * (`objs = [Order.objects.get(pk=pk)]`, then `objs[0].save()` queries): only a container whose
 * items are proven plain gives plain items.
 */
function holdsInMemoryItems(f: OrmFile, container: SyntaxNode): boolean {
  if (!isInMemoryValue(f, container)) return false;
  return (
    !(
      (container.type === "identifier" && isLocalContainer(f, container)) ||
      isFormCleanedData(container)
    ) || !!itemsKindOf(container)
  );
}

/**
 * Modules whose functions return plain values (datetimes, timedeltas, decimals, UUIDs) whose
 * methods compute in memory: `now = timezone.now()`, then `now.isoformat()`.
 */
const VALUE_MODULES = [
  "contextvars",
  // A cookie jar parsed from a header (orm-review-5 Q6: canopy's `SimpleCookie().load(raw)`).
  "http.cookies",
  "datetime",
  "decimal",
  "uuid",
  "django.utils.timezone",
  "django.utils.dateparse",
];

/** A name every binding of which in its function assigns a value a VALUE_MODULES call made. */
function isMadeValue(f: OrmFile, identifier: SyntaxNode): boolean {
  const bound = f.file.visibleBindings(identifier, identifier.text);
  return !!assignedValues(bound)?.every((value) => {
    const made = chainStart(value)?.childForFieldName("function");
    const qualified = made ? f.file.qualifiedName(made) : undefined;
    return !!qualified && VALUE_MODULES.some((m) => qualified.startsWith(`${m}.`));
  });
}

/**
 * A row of a `values()` or `values_list()` queryset: the loop target of a comprehension or `for`
 * over one, or over a name bound only to `list(<such queryset>)`. A row holds column values (a
 * dict or a tuple of str, int, datetime, ...), never a model instance: its items' methods run no
 * query.
 */
function isValuesRow(f: OrmFile, identifier: SyntaxNode): boolean {
  const bound = f.file.bindingsNamed(f.file.enclosingScope(identifier), identifier.text);
  if (bound.length !== 1) return false;
  const loop = bound[0].node.parent;
  if (
    (loop?.type !== "for_in_clause" && loop?.type !== "for_statement") ||
    loop.childForFieldName("left")?.id !== bound[0].node.id
  )
    return false;
  const iterable = loop.childForFieldName("right");
  return !!iterable && yieldsRows(f, iterable, true);
}

/** A queryset of rows (`values()`), or (`viaName`) a name bound only to `list()` of one. */
function yieldsRows(f: OrmFile, expr: SyntaxNode, viaName: boolean): boolean {
  const qs = f.proofs.querysetOf(expr);
  if (qs) return !qs.yieldsInstances;
  if (expr.type === "call") {
    const callee = expr.childForFieldName("function");
    const args = expr.childForFieldName("arguments")?.namedChildren ?? [];
    return (
      callee?.type === "identifier" &&
      callee.text === "list" &&
      f.file.isBuiltin("list", callee) &&
      args.length === 1 &&
      yieldsRows(f, args[0], false)
    );
  }
  if (expr.type !== "identifier" || !viaName) return false;
  const bound = f.file.visibleBindings(expr, expr.text);
  const assignment = bound.length === 1 ? bound[0].node.parent : undefined;
  const value =
    assignment?.type === "assignment" &&
    assignment.childForFieldName("left")?.id === bound[0].node.id
      ? assignment.childForFieldName("right")
      : undefined;
  return !!value && value.type === "call" && yieldsRows(f, value, false);
}

/** Callees with no async API, named in the AS205 message. */
const NO_ASYNC_API: Record<string, string> = {
  "django.shortcuts.render": "render() has no async form (templates render synchronously)",
  "django.core.mail.send_mail": "send_mail() has no async API",
  "django.core.mail.send_mass_mail": "send_mass_mail() has no async API",
  "django.core.mail.mail_admins": "mail_admins() has no async API",
  "django.db.transaction.on_commit": "transaction.on_commit() needs a transaction",
};

/** Is this name bound in its function only to list, dict, set or string literals (in-memory)? */
function isLocalContainer(f: OrmFile, identifier: SyntaxNode): boolean {
  if (!f.file.enclosingDef(identifier)) return false;
  // Where the name resolves: the def, or an enclosing def it closes over (orm-review-3 N11).
  const bound = f.file.visibleBindings(identifier, identifier.text);
  if (
    bound.length === 0 ||
    bound[0].node.tree.rootNode.id === f.file.enclosingScope(bound[0].node).id
  )
    return false;
  return !!assignedValues(bound)?.every((value) =>
    [
      "list",
      "dictionary",
      "set",
      "string",
      "list_comprehension",
      "dictionary_comprehension",
      "set_comprehension",
    ].includes(value.type),
  );
}

/** Is this name a module-level `logging.getLogger(...)` result? */
function isLoggerName(f: OrmFile, identifier: SyntaxNode): boolean {
  const bound = f.file.bindingsNamed(f.root, identifier.text);
  if (bound.length !== 1) return false;
  const value = bound[0].node.parent?.childForFieldName("right");
  const callee = value?.type === "call" ? value.childForFieldName("function") : undefined;
  return !!callee && f.file.qualifiedName(callee) === "logging.getLogger";
}

/** In memory by the catalogue of call effects (src/python/effects.ts), gettext, model lookups. */
function isPureQualified(qualified: string | undefined): boolean {
  return (
    isInMemory(qualified) ||
    TRANSLATION.test(qualified ?? "") ||
    OFF_DATABASE_LOOKUPS.has(qualified ?? "") ||
    DJANGO_IN_MEMORY_CALLS.has(qualified ?? "") ||
    isExpressionClass(qualified)
  );
}

/** Methods of Django's own models that only read the instance's columns (no query). */
const DJANGO_IN_MEMORY_MODEL_METHODS: Readonly<Record<string, ReadonlySet<string>>> = {
  Session: new Set(["get_decoded", "get_session_store_class"]),
};

/**
 * Django's registry lookups of a model class (the app registry, no query), channels' of its layer,
 * and Django's in-memory file objects (`ContentFile(b"...")`: bytes held in memory until a storage
 * saves them).
 */
const OFF_DATABASE_LOOKUPS = new Set([
  "django.contrib.auth.get_user_model",
  "django.apps.apps.get_model",
  "django.core.files.base.ContentFile",
  "django.core.files.uploadedfile.SimpleUploadedFile",
  // channels' layer registry: the layer configured in settings, looked up, no query
  // (orm-review-5 Q25; what the layer's own methods do is judged at their calls).
  "channels.layers.get_channel_layer",
  // orm-review-8 S6: swapper's registry lookup, `apps.get_model` for swappable models.
  "swapper.load_model",
  // orm-review-8 S5: path strings built in memory (no file-system call), a plain namespace.
  "os.path.join",
  "os.path.basename",
  "os.path.dirname",
  "os.path.splitext",
  "os.path.normpath",
  "posixpath.join",
  "types.SimpleNamespace",
  // orm-review-7 S22: GeoDjango's measure objects, values (as R15's expressions are).
  "django.contrib.gis.measure.D",
  "django.contrib.gis.measure.Distance",
  "django.contrib.gis.measure.A",
  "django.contrib.gis.measure.Area",
  // yarl's URL (aiohttp's, re-exported): parsed and built in memory (b3lb api.py).
  "yarl.URL",
  "aiohttp.web_request.URL",
  "aiohttp.web.URL",
]);

const TRANSLATION =
  /^(?:gettext|django\.utils\.translation)\.u?(?:n|p|np)?gettext(?:_lazy|_noop)?$/;

/** Calls known not to touch the database: safe builtins, pure modules, in-memory containers. */
function isOffDatabase(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
  qualified: string | undefined,
): boolean {
  if (callee.type === "identifier") {
    const builtin = SAFE_BUILTINS.has(callee.text) || BUILTIN_EXCEPTION.test(callee.text);
    if (builtin && f.file.isBuiltin(callee.text, callee)) return true;
    // Model(...) builds an instance in memory, whatever module the model class comes from.
    if (f.proofs.modelClassOf(callee) || f.ctx.project.models[callee.text]) return true;
    return isPureQualified(qualified) || isPlainConstruction(f, callee);
  }
  if (callee.type !== "attribute") return false;
  if (isPureQualified(qualified) || makesPlainValue(qualified)) return true;
  // `self.model(...)` in a manager: an instance built in memory, as `Model(...)` is.
  if (f.proofs.modelClassOf(callee)) return true;
  if (isPlainConstruction(f, callee)) return true;
  const receiver = callee.childForFieldName("object")!;
  const method = callee.childForFieldName("attribute")!.text;
  // orm-human-5 H6: `self.normalize_email(email)` of a user manager, `self.model.normalize_username(...)`.
  if (receiver.text === "self" && isPureUserManagerMethod(receiver, method)) return true;
  const userManagerModel =
    receiver.text === "self.model" &&
    reachesUserManager(receiver.childForFieldName("object")!, "model");
  const classOrManager =
    userManagerModel || f.proofs.modelClassOf(receiver) || f.proofs.querysetOf(receiver)?.model;
  if (classOrManager && isPureAuthHelper(f.ctx.project, method)) return true;
  // Building a queryset runs no query; a project chain method (`Post.objects.published()`) is
  // proven one only when its body builds nothing else (src/django/chain-methods.ts).
  if (
    QUERYSET_RETURNING.has(method) &&
    method !== "raw" &&
    (f.proofs.querysetOf(call) || looksLikeQueryset(call))
  )
    return true;
  if (!QUERYSET_RETURNING.has(method) && f.proofs.querysetOf(call)) return true;
  if (isInMemoryValue(f, receiver)) return true;
  if (isPlainReceiver(f, receiver, method)) return true;
  if (isJsonMethod(method) && isClassConstant(f, receiver)) return true;
  // `timezone.now().timestamp()`: a method of what a pure function returned.
  const made = receiver.type === "call" ? receiver.childForFieldName("function") : undefined;
  const madeBy = made ? f.file.qualifiedName(made) : undefined;
  if (isPureQualified(madeBy) && !isFileSystemQualified(madeBy)) return true;
  if (PURE_PATH_METHODS.has(method) && isPathValue(f, receiver)) return true;
  return receiver.type === "identifier" && isLoggerName(f, receiver);
}

/**
 * A receiver proven a plain value (src/python/value-kinds): any method of a scalar, and the dict,
 * list and str methods of a JSON value (`file_data.get("path")`). A Django proof wins: a name
 * proven a queryset or a model instance is never taken for a mapping.
 */
function isPlainReceiver(f: OrmFile, receiver: SyntaxNode, method: string): boolean {
  if (
    f.proofs.querysetOf(receiver) ||
    (receiver.type === "identifier" && f.proofs.instanceOf(receiver))
  )
    return false;
  if (isKeywordArguments(receiver) && isJsonMethod(method)) return true;
  const kind = plainKindOf(receiver);
  // A field of a record (dataclass, pydantic model) may hold a queryset or a related manager:
  // there, the names dict and list share with them prove nothing.
  if (
    kind === "json" &&
    receiver.type === "attribute" &&
    ORM_SHARED_METHODS.has(method) &&
    !isRequestMapping(receiver)
  )
    return false;
  return kind === "scalar" || (kind === "json" && isJsonMethod(method));
}

/**
 * `Turn.LEGACY_ORIGIN_ALIASES`: an UPPER_CASE attribute of a class (a model, or a class the file
 * imports or defines), a constant the class body sets, held in memory with the class
 * (orm-review-5 Q19).
 */
export function isClassConstant(f: OrmFile, value: SyntaxNode): boolean {
  if (value.type !== "attribute") return false;
  const owner = value.childForFieldName("object");
  const name = value.childForFieldName("attribute")?.text ?? "";
  if (owner?.type !== "identifier" || !/^[A-Z][A-Z0-9_]*$/.test(name) || !/^[A-Z]/.test(owner.text))
    return false;
  if (f.proofs.modelClassOf(owner)) return true;
  const bound = f.file.visibleBindings(owner, owner.text);
  return (
    bound.length > 0 &&
    bound.every((b) => b.kind === "import" || b.node.parent?.type === "class_definition")
  );
}

/** Methods of dict or list that a queryset or a related manager has too. */
const ORM_SHARED_METHODS = new Set(["get", "update", "count", "values", "clear", "remove"]);

/** A call in a wrapper that is not ORM work with a native form: what keeps the wrapper sync. */
export function noAsyncApiProblem(
  f: OrmFile,
  call: SyntaxNode,
  callee: SyntaxNode,
  qualified: string | undefined,
): Problem | undefined {
  const problem = (message: string): Problem => ({ code: "AS205", node: call, message });
  const evaluated = unknownEvaluationProblem(f, call, callee, (c) => isProjectFunction(f, c));
  if (evaluated) return evaluated;
  const raised = raisedException(f, call, callee);
  if (raised && !raised.initializer) return undefined;
  if (raised)
    return problem(
      `${shortened(callee)}() builds the exception raised here, and its class defines __init__ (${raised.initializer}), which is not followed: it may touch the database`,
    );
  if (isOffDatabase(f, call, callee, qualified) || callsExpressionBuilder(f, callee)) return;
  const known = qualified ? NO_ASYNC_API[qualified] : undefined;
  if (known) return problem(known);
  const receiver = callee.type === "attribute" ? callee.childForFieldName("object") : undefined;
  const method =
    callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
  const construction = constructionProblem(f, callee);
  if (construction) return problem(construction);
  if (!receiver || !method) return problem(unknownCallee(f, callee));
  const task = TASK_PUBLISH.has(method) && projectTaskName(f.file, f.ctx, receiver);
  if (task) return problem(taskPublishSaid(callee, task));
  const fileSystem = fileSystemProblem(f, call, callee);
  if (fileSystem) return problem(fileSystem);
  if (method === "is_valid" || /form/i.test(receiver.text))
    return problem(`${callee.text}(): forms have no async API`);
  if (method === "save" && receiver.type === "attribute")
    return problem(`${callee.text}(): FileField and storage .save() have no async API`);
  const instance = receiver.type === "identifier" && f.proofs.instanceOf(receiver);
  // Django's user model methods that only read or set fields in memory (`check_password` may
  // save an upgraded hash: not one of them).
  if (instance && IN_MEMORY_USER_METHODS.has(method)) return undefined;
  // orm-review-7 S4: `Session.get_decoded()` of django.contrib.sessions decodes a column: no query.
  const djangos = instance && !f.ctx.project.models[instance.model] ? instance.model : "";
  if (djangos && DJANGO_IN_MEMORY_MODEL_METHODS[djangos]?.has(method)) return undefined;
  const owner = f.proofs.querysetOf(receiver)?.chains?.methods[method];
  if (owner)
    return problem(
      `${callee.text}() is ${owner}.${method}(), a method of the project that does more than build a queryset (a chain of filter, exclude, annotate, order_by, ... on self): it may run queries, and has no native async form`,
    );
  const queryset = f.proofs.querysetOf(receiver);
  if (queryset && !f.ctx.project.models[queryset.model] && queryset.model !== "")
    return problem(
      `${callee.text}() is a method of ${queryset.model}'s manager, a model this project does not declare (Django's or a package's), with no native async form in Django's async API: it may query`,
    );
  const index = f.ctx.project.index;
  const defined =
    !!instance &&
    !!index &&
    functionsNamed(index, method).some((fn) => fn.className === instance.model);
  if (instance && defined)
    return problem(
      `${callee.text}() is ${instance.model}.${method}(), a method of the project's model that this transform does not follow: not in Django's async API, and it may query`,
    );
  if (queryset || instance)
    return problem(
      `${callee.text}() is a custom model or manager method, not in Django's async API`,
    );
  const imported = projectImport(f, receiver);
  if (imported)
    return problem(
      moduleFunctionSaid(f, callee) ??
        `${callee.text}() is a method of ${receiver.text}, imported from ${imported} in this project, which the chain does not follow (only plain functions, and static or class methods of the class that defines them): not in Django's async API, and may touch the database`,
    );
  return problem(unprovenReceiverSaid(f, callee, receiver, method));
}

/** Why a method call on a receiver no proof covers is not known to stay off the database. */
function unprovenReceiverSaid(
  f: OrmFile,
  callee: SyntaxNode,
  receiver: SyntaxNode,
  method: string,
): string {
  if (plainKindOf(receiver) === "json" && isJsonMethod(method))
    return `${callee.text}(): ${receiver.text} is a field of a record (a dataclass or pydantic model), and ${method}() is a queryset's or related manager's method too: it may be one`;
  if (plainKindOf(receiver) === "json")
    return `${callee.text}(): ${receiver.text} is a JSON value (by its origin or use) and ${method}() is no method of dict, list or str: it may be a database object kept in one`;
  // orm-review-6 R16: `entry.oplog_id.project.user_can_edit(user)`, a method of a related instance.
  const related = receiver.type === "attribute" ? relatedPathModel(f, receiver) : undefined;
  if (related)
    return `${shortened(callee)}() is a method of ${related.model} (${shortened(receiver)} is one, read through ForeignKeys), not followed here: not in Django's async API, and it may touch the database`;
  const cls =
    (receiver.text === "self" || receiver.text === "cls") && f.file.enclosingClass(receiver);
  const className = cls ? cls.childForFieldName("name")?.text : undefined;
  // orm-human-5 H6d: `self.model(...)` builds an instance in memory, of a model not known here.
  if (className && callee.text.replace(/\s+/g, "") === "self.model")
    return `self.model() builds an instance of the manager's model in memory, but which model is not proven: ${managerModelUnknownSaid(f.ctx.project, className)}; the instance's methods are then not known to have Django's async forms`;
  if (className)
    return `${shortened(callee)}() is a method of ${className} (${receiver.text}) or of one of its bases, not followed here: not in Django's async API, and it may touch the database`;
  // `yaml.dump(...)` with `import yaml`: a function of a library module, not a method of a value.
  const module = libraryModuleOf(f, receiver);
  if (module)
    return `${shortened(callee)}() calls into the library module ${module}, not Django's async API: what it does is not known here, and it may touch the database`;
  const why = customColumnSaid(f, receiver) ?? unknownKindReason(receiver);
  const [said, of] = [shortened(callee), shortened(receiver)];
  // `x.related.select_related(...).filter()`: a lazy step only if `x.related` is the ORM's.
  // orm-review-6 R19 (`entry.tags.all()`, taggit's TaggableManager on a proven OplogEntry).
  const owner = receiver.type === "attribute" ? receiver.childForFieldName("object")! : undefined;
  const instance = owner?.type === "identifier" ? f.proofs.instanceOf(owner) : undefined;
  if (QUERYSET_RETURNING.has(method) && instance)
    return `${said}() builds a lazy queryset only if ${of} is a queryset or manager: ${owner!.text} is a proven ${instance.model}, but ${receiver.childForFieldName("attribute")!.text} is no relation or manager of it this transform knows (a package's field, such as django-taggit's TaggableManager, maybe)`;
  const projectMethod = projectMethodReceiver(f, receiver);
  if (QUERYSET_RETURNING.has(method) && projectMethod)
    return `${said}() builds a lazy queryset only if ${of} is a queryset or manager: ${projectMethod}`;
  if (QUERYSET_RETURNING.has(method))
    return `${said}() builds a lazy queryset only if ${of} is a queryset or manager, which nothing here proves (the receiver's chain is not rooted at a model's manager or a proven instance)${why ? `: ${why}` : ""}`;
  return `${said}() is not known to stay off the database: ${of} is not proven a queryset, a model instance or an in-memory value${why ? `: ${why}` : ""}`;
}

/** `helper` defined in this file or imported from a module of the project, `services.helper`. */
export function isProjectFunction(f: OrmFile, callee: SyntaxNode): boolean {
  if (callee.type === "attribute") {
    const root = callee.childForFieldName("object")!;
    return root.type === "identifier" && !!projectImport(f, root);
  }
  if (callee.type !== "identifier") return false;
  return definitionOf(f, callee) === "function_definition" || !!projectImport(f, callee);
}

/** `yaml` bound by `import yaml` (or `import a.b as yaml`), a module outside the project. */
function libraryModuleOf(f: OrmFile, receiver: SyntaxNode): string | undefined {
  if (receiver.type !== "identifier") return undefined;
  const binding = f.file.importBindingOf(receiver.text, receiver);
  if (binding?.statement.type !== "import_statement") return undefined;
  const index = f.ctx.project.index;
  const top = binding.qualified.split(".")[0];
  return index && projectTopModules(index).has(top) ? undefined : binding.qualified;
}

/** `NOCRBACService` imported from a module of this project: that module, as written. */
function projectImport(f: OrmFile, receiver: SyntaxNode): string | undefined {
  if (receiver.type !== "identifier") return undefined;
  const binding = f.file.importBindingOf(receiver.text, receiver);
  if (binding?.statement.type !== "import_from_statement") return undefined;
  const module = fromModuleName(binding.statement);
  if (module.startsWith(".")) return module;
  const index = f.ctx.project.index;
  return index && projectTopModules(index).has(module.split(".")[0]) ? module : undefined;
}

export function shortened(node: SyntaxNode): string {
  const text = node.text.replace(/\s+/g, " ");
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
