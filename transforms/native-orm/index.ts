import { applyEdits } from "../../src/engine/edits.js";
import {
  ASYNC_FUNCTIONS,
  DEFAULT_DJANGO_VERSION,
  OrmProofs,
  QUERYSET_RETURNING,
  asyncMethodFor,
  versionAtLeast,
  type AsyncMethodOwner,
  type QuerysetProof,
} from "../../src/django/orm.js";
import {
  importBindingOf,
  importEditsToAdd,
  importEditsToRemove,
  importedNamesIn,
  isImportStillUsed,
  lineRange,
  qualifiedName,
  type ImportBinding,
} from "../../src/python/imports.js";
import {
  bindingsNamed,
  decoratorCallee,
  decorators,
  enclosingDef,
  enclosingScope,
  freshName,
  isAsyncFunction,
  needsParenthesesForAwait,
} from "../../src/python/scope.js";
import { walkNamed, type WalkStep } from "../../src/syntax/tree.js";
import { callArguments, chainRoot } from "../../src/python/calls.js";
import { diagnosticAt } from "../../src/model/diagnostic.js";
import type {
  Context,
  Diagnostic,
  Edit,
  ParsedFile,
  SyntaxNode,
  TransformMeta,
  TransformResult,
  TransformSite,
} from "../../src/model/types.js";

export const meta: TransformMeta = {
  id: "native-orm",
  summary:
    "sync_to_async wrappers and sync ORM calls inside async def -> Django's native async ORM (aget, acreate, asave, async for, ...)",
  needsDjango: true,
  siteKinds: [
    {
      kind: "sync_to_async",
      group: "sync_to_async",
      columns: [
        { context: "convertible", header: "conv" },
        { context: "blocked", header: "blocked" },
      ],
    },
    { kind: "sync-orm-call", group: "ORM", columns: [{ context: "*", header: "sync" }] },
  ],
  minDjango: "4.1",
  // Every site is a sync_to_async wrapper or sits inside an async def.
  triggers: ["sync_to_async", "async def"],
  defaultSkip: ["**/migrations/**"],
  codes: {
    AS201: {
      severity: "warning",
      title: "ORM call that cannot be proven a queryset or model instance (unsafe fix)",
      explanation:
        "The rewrite to Django's native async method is very likely right, but nothing in the " +
        "function proves the receiver is a queryset or a model instance: it is an unannotated " +
        "parameter, an attribute, or a queryset reached through code the transform cannot follow. " +
        "If it is something else with a `save` or `count` method, the native method does not exist " +
        "and the call fails at run time. Annotate the parameter with its model class (`doc: " +
        "Document`) so the rewrite is proven, or run with --unsafe-fixes to apply it.",
      before: "@sync_to_async\ndef publish(doc):\n    doc.save()",
      after: "async def publish(doc):\n    await doc.asave()",
    },
    AS202: {
      severity: "warning",
      title: "relation read that would load lazily",
      explanation:
        "Reading a ForeignKey or OneToOneField attribute of a model instance runs a query when the " +
        "queryset that loaded the instance did not select_related it. Inside async code that query " +
        "raises SynchronousOnlyOperation, so a sync_to_async wrapper that reads such a relation is " +
        "not converted, and a read inside async def is reported. Load the relation with " +
        "select_related (or read `<name>_id` when only the key is needed).",
      before: "order = Order.objects.get(pk=pk)\nname = order.customer.name",
      after:
        'order = Order.objects.select_related("customer").get(pk=pk)\nname = order.customer.name',
    },
    AS203: {
      severity: "warning",
      title: "transaction in code that would become async",
      explanation:
        "transaction.atomic (as `with` or decorator), select_for_update() and " +
        "transaction.on_commit need one database connection held by one thread. Django's async " +
        "ORM methods run each query through sync_to_async on their own, so they do not take part " +
        "in a transaction, and select_for_update() outside a transaction raises. Keep the " +
        "transactional code in a sync function and call it with sync_to_async.",
      before:
        "@sync_to_async\ndef pay(order_id):\n    with transaction.atomic():\n        order = Order.objects.select_for_update().get(pk=order_id)",
      after: "(unchanged: keep the sync function behind sync_to_async)",
    },
    AS204: {
      severity: "warning",
      title: "queryset evaluation with no async form",
      explanation:
        "len(qs), bool(qs) and `if qs:`, qs[i], slices that evaluate, `x in qs`, repr(qs) and " +
        "iterating a queryset in a generator expression evaluate the queryset synchronously and " +
        "have no async form; inside async code they raise SynchronousOnlyOperation. Use " +
        "`await qs.acount()`, `await qs.aexists()`, `await qs.afirst()`, `await qs.acontains(x)` " +
        "or `[x async for x in qs]` instead. A wrapper that does this is not converted.",
      before: "async def view():\n    if Order.objects.filter(open=True):\n        ...",
      after:
        "async def view():\n    if await Order.objects.filter(open=True).aexists():\n        ...",
    },
    AS205: {
      severity: "info",
      title: "call with no async API inside a sync_to_async wrapper",
      explanation:
        "The wrapped function calls something that has no native async form: file storage or " +
        "FileField `.save`, forms (`is_valid`, `form.save`), `render`, `send_mail`, a custom model " +
        "or manager method, or another function of the project (which may touch the database). " +
        "Converting the wrapper to async def would run that call on the event loop. The wrapper " +
        "stays as it is.",
      before: "@sync_to_async\ndef archive(order):\n    order.archive()",
      after: "(unchanged)",
    },
    AS206: {
      severity: "warning",
      title: "Channels' database_sync_to_async wrapper",
      explanation:
        "database_sync_to_async also closes stale and broken database connections before and " +
        "after each call, which Django's native async methods do not do. In a long-lived consumer " +
        "that clean-up matters. The rewrite is applied only with --unsafe-fixes; make sure " +
        "connections are cleaned up elsewhere (CONN_MAX_AGE = 0, or CONN_HEALTH_CHECKS).",
      before: "count = await database_sync_to_async(Room.objects.count)()",
      after: "count = await Room.objects.acount()",
    },
    AS207: {
      severity: "info",
      title: "sync_to_async wrapper around the ORM used another way",
      explanation:
        "sync_to_async wraps an ORM method but the wrapper is stored in a variable, passed to " +
        "another function or returned, so its call sites cannot be rewritten here. Replace the " +
        "wrapper with the native async method by hand: a bound method such as " +
        "`Order.objects.acount` is already a coroutine function.",
      before: "count_orders = sync_to_async(Order.objects.count)",
      after: "count_orders = Order.objects.acount",
    },
    AS208: {
      severity: "warning",
      title: "ORM wrapper that cannot be rewritten automatically",
      explanation:
        "The site holds ORM work that has a native async form, but the rewrite would lose " +
        "comments, the lambda holds more than one ORM call, the wrapped function is a generator, " +
        "has other decorators or nested functions, or a new name would clash with one the file " +
        "already uses. Apply the suggested rewrite by hand.",
      before: "await sync_to_async(lambda: Order.objects.get(pk=Item.objects.first().order_id))()",
      after: "item = await Item.objects.afirst()\nawait Order.objects.aget(pk=item.order_id)",
    },
    AS209: {
      severity: "warning",
      title: "native async method needs a newer Django",
      explanation:
        "The native async method exists only from the Django version named in the message: " +
        "QuerySet methods from 4.1, model instance and related-manager methods (asave, adelete, " +
        "arefresh_from_db, aadd, ...) from 4.2, the shortcuts and auth functions " +
        "(aget_object_or_404, alogin, ...) and acheck_password from 5.0. The target version " +
        "comes from --django-version, else the dependency files, else 4.2. Upgrade Django or " +
        "keep the wrapper.",
      before: "await sync_to_async(order.save)()  # target Django 4.1",
      after: "await order.asave()  # needs Django 4.2",
    },
  },
};

type Code = keyof typeof meta.codes & string;

/** The blocker named in `asyncshift report`'s "blocked by" totals: the code and what it means. */
const BLOCKER_NAMES: Record<Code, string> = {
  AS201: "unproven receiver",
  AS202: "lazy relation",
  AS203: "transaction",
  AS204: "queryset evaluation",
  AS205: "no async API",
  AS206: "database_sync_to_async",
  AS207: "stored wrapper",
  AS208: "manual rewrite",
  AS209: "newer Django",
};

/** Inventory kinds: a wrapper (forms a-e, g), or a sync ORM call written in async def (form f). */
type SiteKind = "sync_to_async" | "sync-orm-call";

const SYNC_TO_ASYNC = new Set(["asgiref.sync.sync_to_async"]);
const DATABASE_SYNC_TO_ASYNC = "channels.db.database_sync_to_async";

/** Node types the scan of a body looks at; it walks through every other node without stopping. */
const SCANNED_TYPES = new Set([
  "function_definition",
  "class_definition",
  "lambda",
  "decorated_definition",
  "with_statement",
  "for_statement",
  "for_in_clause",
  "call",
  "if_statement",
  "elif_clause",
  "while_statement",
  "boolean_operator",
  "not_operator",
  "conditional_expression",
  "subscript",
  "comparison_operator",
  "generator_expression",
  "attribute",
]);

/** The last names of ASYNC_FUNCTIONS (`get_object_or_404`, `login`, ...). */
const ASYNC_FUNCTION_NAMES = new Set(ASYNC_FUNCTIONS.map((f) => f.qualified.split(".").at(-1)!));

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

/** Builtins that evaluate a queryset passed to them, with the async form to use instead. */
const EVALUATING_BUILTINS: Record<string, string> = {
  len: "await {qs}.acount()",
  bool: "await {qs}.aexists()",
  repr: "[x async for x in {qs}]",
  sorted: "sorted([x async for x in {qs}])",
  sum: "sum([x async for x in {qs}])",
  min: "min([x async for x in {qs}])",
  max: "max([x async for x in {qs}])",
  tuple: "tuple([x async for x in {qs}])",
  set: "{x async for x in {qs}}",
  any: "await {qs}.aexists()",
  all: "all([x async for x in {qs}])",
  enumerate: "enumerate([x async for x in {qs}])",
  dict: "dict([x async for x in {qs}])",
};

/** Standard-library and Django helper modules whose functions are pure or in-memory. */
const PURE_MODULES = [
  "json",
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

/** The ORM work at one call or loop, once rewritten. */
interface Conversion {
  /** The node whose text the rewrite changes (the call, the for statement, ...). */
  node: SyntaxNode;
  edits: Edit[];
  proven: boolean;
  since: string;
  /** A module-level import the rewrite needs. */
  needs?: { module: string; name: string; replaces?: ImportBinding; reference: SyntaxNode };
  /** Whether it must be awaited where it stands (false for loops and comprehensions). */
  awaited: boolean;
}

interface Problem {
  code: Code;
  node: SyntaxNode;
  message: string;
  suggestion?: string;
}

/** What a region of code holds: ORM work to convert, and what blocks converting it. */
interface Findings {
  conversions: Conversion[];
  problems: Problem[];
  /** ORM sites with a native form seen, converted or blocked: zero means a plain thread wrapper. */
  ormSites: number;
}

/** Would these edits delete or overwrite one of the comments? */
function losesComments(comments: readonly SyntaxNode[], edits: Edit[]): boolean {
  return comments.some((c) => edits.some((e) => e.start < c.endIndex && c.startIndex < e.end));
}

function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

/** The text of `node` once the edits inside it are applied: the suggested code. */
function rewrittenText(source: string, node: SyntaxNode, edits: Edit[]): string {
  const inside = edits
    .filter((e) => e.start >= node.startIndex && e.end <= node.endIndex)
    .map((e) => ({ ...e, start: e.start - node.startIndex, end: e.end - node.startIndex }));
  return applyEdits(source.slice(node.startIndex, node.endIndex), inside);
}

function isForAsync(node: SyntaxNode): boolean {
  return node.children.some((c) => c.type === "async");
}

/** Is `name` at `at` Python's builtin (not imported, assigned, or defined anywhere visible)? */
function isBuiltin(name: string, at: SyntaxNode): boolean {
  if (importBindingOf(name, at)) return false;
  for (let scope = enclosingScope(at); ; scope = enclosingScope(scope)) {
    if (bindingsNamed(scope, name).length > 0) return false;
    if (scope.type === "module") return true;
  }
}

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

/** Does a receiver look like a form, a file or a cache rather than a model instance? */
function looksLikeNonModel(receiver: SyntaxNode): boolean {
  return /form|file|storage|cache|session|image|photo|upload|request/i.test(receiver.text);
}

// `.objects`, with what Python allows between the dot and the name (spaces, a backslash line
// continuation, comments inside brackets); the bare word is common in prose.
const OBJECTS_MANAGER = /\.(?:\s|\\|#[^\n]*\n)*objects\b/;

/**
 * Can the text hold a sync ORM call in an async def? Every such call sits in an async def, and its
 * proof names a model class: one the pre-pass found, one imported from a `models` module, a
 * manager (`.objects`), get_user_model(), or django's own shortcuts.
 */
function mayHoldSyncOrmCalls(source: string, ctx: Context): boolean {
  if (!source.includes("async")) return false;
  if (/models|_default_manager|get_user_model|django/.test(source)) return true;
  if (OBJECTS_MANAGER.test(source)) return true;
  return Object.keys(ctx.project.models).some((name) => source.includes(name));
}

/** Before the parse: every site is a wrapper, whose name is spelled, or a sync ORM call. */
export function mayHoldSite(source: string, ctx: Context): boolean {
  return source.includes("sync_to_async") || mayHoldSyncOrmCalls(source, ctx);
}

export function transform(file: ParsedFile, ctx: Context): TransformResult {
  // No Django: the runner skips the transform and says so once (meta.needsDjango); a project
  // with only asgiref reaches here and has no ORM to convert.
  if (!ctx.options.django && !ctx.project.usesDjango)
    return { edits: [], diagnostics: [], sites: [] };
  return new NativeOrm(file, ctx).run();
}

class NativeOrm {
  private readonly root: SyntaxNode;
  private readonly source: string;
  private readonly proofs: OrmProofs;
  private readonly target: string;
  private readonly edits: Edit[] = [];
  private readonly diagnostics: Diagnostic[] = [];
  /** Identifiers whose uses the rewrites remove (sync_to_async, get_object_or_404, ...). */
  private readonly removed = new Set<number>();
  private readonly removedBindings = new Map<number, ImportBinding>();
  private readonly needed: NonNullable<Conversion["needs"]>[] = [];
  /** What `asyncshift report` counts: convertible means rewritten with the options given. */
  private readonly sites: TransformSite[] = [];

  constructor(
    file: ParsedFile,
    private readonly ctx: Context,
  ) {
    this.root = file.tree.rootNode;
    this.source = file.source;
    this.proofs = new OrmProofs(ctx.project);
    this.target = ctx.options.djangoVersion ?? ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION;
  }

  run(): TransformResult {
    const refs = this.wrapperReferences();
    for (const def of this.decoratedByWrapper(refs)) this.decoratedWrapper(def);
    for (const ref of refs) this.wrapperCall(ref);
    if (mayHoldSyncOrmCalls(this.source, this.ctx))
      for (const def of this.root.descendantsOfType("function_definition"))
        if (isAsyncFunction(def)) this.asyncBody(def);
    this.importEdits();
    return { edits: this.edits, diagnostics: this.diagnostics, sites: this.sites };
  }

  private site(kind: SiteKind, node: SyntaxNode, blocker?: Code): void {
    this.sites.push({
      kind,
      context: blocker ? "blocked" : "convertible",
      ...(blocker ? { detail: `${blocker} ${BLOCKER_NAMES[blocker]}` } : {}),
      start: node.startIndex,
    });
  }

  private report(node: SyntaxNode, code: Code, message: string, suggestion?: string): void {
    this.diagnostics.push(diagnosticAt(meta, node, code, message, suggestion));
  }

  private reportProblem(p: Problem): void {
    this.report(p.node, p.code, p.message, p.suggestion);
  }

  // ---- which wrapper a name stands for ------------------------------------------------------

  /** "sync" for asgiref's sync_to_async, "database" for Channels', else undefined. */
  private wrapperKind(expr: SyntaxNode): "sync" | "database" | undefined {
    if (expr.type !== "identifier" && expr.type !== "attribute") return undefined;
    // A cheap look at the name first: the last name of a wrapper is its own or an import alias.
    if (!this.source.includes("sync_to_async")) return undefined;
    const last = expr.type === "attribute" ? expr.childForFieldName("attribute")?.text : expr.text;
    if (!last || !(this.wrapperNames.has(last) || last.endsWith("sync_to_async"))) return undefined;
    const qualified = qualifiedName(expr);
    if (qualified && SYNC_TO_ASYNC.has(qualified)) return "sync";
    if (qualified === DATABASE_SYNC_TO_ASYNC) return "database";
    return undefined;
  }

  /** Local names that stand for a wrapper (`sync_to_async as s2a` binds `s2a`). */
  private get wrapperNames(): Set<string> {
    this.wrapperNamesCache ??= new Set(
      this.root
        .descendantsOfType(["import_from_statement", "import_statement"])
        .flatMap((s) => s.descendantsOfType("aliased_import"))
        .map((a) => a.childForFieldName("alias")?.text ?? ""),
    );
    return this.wrapperNamesCache;
  }
  private wrapperNamesCache: Set<string> | undefined;

  /** Every comment in the file, found once. */
  private get comments(): readonly SyntaxNode[] {
    this.commentsCache ??= this.root.descendantsOfType("comment");
    return this.commentsCache;
  }
  private commentsCache: SyntaxNode[] | undefined;

  /**
   * Every expression naming sync_to_async or database_sync_to_async outside import statements, in
   * source order. Any such name is spelled in the text (an alias is imported by its own name), so
   * the text is searched first and only identifiers found there are looked at: walking every name
   * of a file through tree-sitter costs more than the rest of the transform.
   */
  private wrapperReferences(): SyntaxNode[] {
    if (!this.source.includes("sync_to_async")) return [];
    const found = new Map<number, SyntaxNode>();
    for (const word of ["sync_to_async", ...this.wrapperNames]) {
      if (word === "") continue;
      for (let at = this.source.indexOf(word); at >= 0; at = this.source.indexOf(word, at + 1)) {
        const id = this.root.namedDescendantForIndex(at, at + word.length);
        if (id.type !== "identifier" || found.has(id.id)) continue;
        const ref = this.wrapperReferenceAt(id);
        if (ref) found.set(id.id, ref);
      }
    }
    return [...found.values()].sort(
      (a, b) => a.startIndex - b.startIndex || b.endIndex - a.endIndex,
    );
  }

  /** The wrapper expression `identifier` ends (itself, or the attribute it names), if any. */
  private wrapperReferenceAt(identifier: SyntaxNode): SyntaxNode | undefined {
    const parent = identifier.parent;
    let node = identifier;
    if (parent?.type === "attribute") {
      // `sync_to_async.x` is not the wrapper; `asgiref.sync.sync_to_async` is, as a whole.
      if (parent.childForFieldName("attribute")?.id !== identifier.id) return undefined;
      const above = parent.parent;
      if (above?.type === "attribute" && above.childForFieldName("object")?.id === parent.id)
        return undefined;
      node = parent;
    } else if (parent?.type === "dotted_name" || parent?.type === "aliased_import") {
      return undefined;
    }
    return this.wrapperKind(node) ? node : undefined;
  }

  /** The defs decorated by one of the wrapper references, in source order. */
  private decoratedByWrapper(refs: SyntaxNode[]): SyntaxNode[] {
    const defs = new Map<number, SyntaxNode>();
    for (const ref of refs) {
      const decorator =
        ref.parent?.type === "decorator"
          ? ref.parent
          : ref.parent?.type === "call" && ref.parent.parent?.type === "decorator"
            ? ref.parent.parent
            : undefined;
      const def = decorator?.parent?.childForFieldName("definition");
      if (def?.type === "function_definition" && !defs.has(def.id)) defs.set(def.id, def);
    }
    return [...defs.values()].sort((a, b) => a.startIndex - b.startIndex);
  }

  private removedReference(expr: SyntaxNode): void {
    const n = chainRoot(expr);
    if (!n) return;
    this.removed.add(n.id);
    const binding = importBindingOf(n.text, n);
    if (binding) this.removedBindings.set(binding.item.id, binding);
  }

  // ---- classification of one ORM call -------------------------------------------------------

  /**
   * The native rewrite of a call `<recv>.<m>(...)`, `get_object_or_404(...)` or `list(<qs>)`, as
   * edits on the call; `mode` "async" only converts what is proven or `.objects`-rooted.
   */
  private ormCall(call: SyntaxNode, mode: "wrapper" | "async"): Conversion | Problem | undefined {
    const callee = call.childForFieldName("function");
    if (!callee) return undefined;
    if (callee.type === "identifier" && callee.text === "list" && isBuiltin("list", callee)) {
      const args = callArguments(call);
      if (args.length !== 1 || call.childForFieldName("arguments")?.type !== "argument_list")
        return undefined;
      return this.listConversion(call, args[0], call);
    }
    // Only a name some import binds, or `x.<function name>`, can be one of ASYNC_FUNCTIONS.
    const mayBeFunction =
      callee.type === "identifier"
        ? importedNamesIn(this.root).has(callee.text)
        : callee.type === "attribute" &&
          ASYNC_FUNCTION_NAMES.has(callee.childForFieldName("attribute")?.text ?? "");
    const qualified = mayBeFunction ? qualifiedName(callee) : undefined;
    const fn = ASYNC_FUNCTIONS.find((f) => f.qualified === qualified);
    if (fn) return this.functionConversion(call, callee, fn);
    if (callee.type !== "attribute") return undefined;
    return this.methodConversion(call, callee, mode);
  }

  private methodConversion(
    node: SyntaxNode,
    callee: SyntaxNode,
    mode: "wrapper" | "async",
  ): Conversion | Problem | undefined {
    const receiver = callee.childForFieldName("object")!;
    const attribute = callee.childForFieldName("attribute")!;
    const method = attribute.text;
    if (method === "iterator") return this.iteratorOutsideLoop(node, receiver);
    const rename = (m: { async: string; since: string }, proven: boolean): Conversion => ({
      node,
      edits: [{ start: attribute.startIndex, end: attribute.endIndex, text: m.async }],
      proven,
      since: m.since,
      awaited: true,
    });
    const qs = this.proofs.querysetOf(receiver);
    if (qs) {
      const owner: AsyncMethodOwner = qs.model === "" ? "related-manager" : "queryset";
      const m = asyncMethodFor(owner, method) ?? asyncMethodFor("queryset", method);
      if (!m) return undefined;
      if (qs.locksRows) return this.lockProblem(node, qs);
      return rename(m, true);
    }
    const instance = receiver.type === "identifier" ? this.proofs.instanceOf(receiver) : undefined;
    if (instance) {
      if (method === "check_password") {
        const m = asyncMethodFor("user", method)!;
        return rename(m, /User/.test(instance.model));
      }
      const m = asyncMethodFor("instance", method);
      return m ? rename(m, true) : undefined;
    }
    // Unproven: a chain through a manager or queryset methods is very likely the ORM.
    if (this.looksLikeQueryset(receiver)) {
      const m = asyncMethodFor("queryset", method);
      if (!m) return undefined;
      if (receiver.text.includes("select_for_update("))
        return {
          code: "AS203",
          node,
          message:
            "select_for_update() locks rows only inside a transaction, which async queries do not join: keep this code sync, behind sync_to_async",
        };
      return rename(m, false);
    }
    if (mode === "wrapper" && !looksLikeNonModel(receiver)) {
      // An unannotated name (or `self.<name>`): very likely the instance the wrapper was given.
      // An attribute of anything else may be a FileField, whose save() has no async form.
      const m = asyncMethodFor("instance", method) ?? asyncMethodFor("user", method);
      const plain =
        receiver.type === "identifier" ||
        (receiver.type === "attribute" && receiver.childForFieldName("object")?.text === "self");
      if (m && plain) return rename(m, false);
      if (receiver.type === "attribute" && this.proofs.isRelatedManager(receiver)) {
        const r = asyncMethodFor("related-manager", method);
        if (r) return rename(r, true);
      }
    }
    return undefined;
  }

  /** `qs.iterator()` has an async form only as the iterable of `async for`. */
  private iteratorOutsideLoop(node: SyntaxNode, receiver: SyntaxNode): Problem | undefined {
    const loop = node.parent;
    const isLoopIterable =
      (loop?.type === "for_statement" || loop?.type === "for_in_clause") &&
      loop.childForFieldName("right")?.id === node.id;
    if (isLoopIterable) return undefined;
    if (!this.proofs.querysetOf(receiver) && !this.looksLikeQueryset(receiver)) return undefined;
    return {
      code: "AS208",
      node,
      message:
        "qs.iterator() has an async form only as `async for x in qs.aiterator()`, which is iterated, not awaited: rewrite by hand",
    };
  }

  private lockProblem(node: SyntaxNode, qs: QuerysetProof): Problem {
    return {
      code: "AS203",
      node: qs.lockNode ?? node,
      message:
        "select_for_update() locks rows only inside a transaction, which async queries do not join: keep this code sync, behind sync_to_async",
    };
  }

  /** `x.objects...`, `.filter(...)`, `.get_queryset()`: very likely a queryset, not proven. */
  private looksLikeQueryset(expr: SyntaxNode): boolean {
    if (expr.type === "attribute") {
      const name = expr.childForFieldName("attribute")?.text ?? "";
      return name === "objects" || name === "_default_manager";
    }
    if (expr.type !== "call") return false;
    const callee = expr.childForFieldName("function");
    if (callee?.type !== "attribute") return false;
    const name = callee.childForFieldName("attribute")?.text ?? "";
    if (name === "get_queryset") return true;
    if (!QUERYSET_RETURNING.has(name) || name === "raw") return false;
    const receiver = callee.childForFieldName("object");
    return !!receiver && (this.looksLikeQueryset(receiver) || receiver.type === "identifier");
  }

  private functionConversion(
    call: SyntaxNode,
    callee: SyntaxNode,
    fn: (typeof ASYNC_FUNCTIONS)[number],
  ): Conversion | Problem {
    const module = fn.qualified.slice(0, fn.qualified.lastIndexOf("."));
    const syncName = fn.qualified.slice(module.length + 1);
    if (callee.type === "attribute") {
      const attribute = callee.childForFieldName("attribute")!;
      return {
        node: call,
        edits: [{ start: attribute.startIndex, end: attribute.endIndex, text: fn.async }],
        proven: true,
        since: fn.since,
        awaited: true,
      };
    }
    const binding = importBindingOf(callee.text, callee);
    const clash = this.root
      .descendantsOfType("identifier")
      .some((id) => id.text === fn.async && qualifiedName(id) !== `${module}.${fn.async}`);
    if (!binding || binding.local !== syncName || clash) {
      return {
        code: "AS208",
        node: call,
        message: `${callee.text}() has a native async twin ${fn.async}() (Django ${fn.since}), but ${
          clash
            ? `the name ${fn.async} already means something else here`
            : "it is imported under another name"
        }: rewrite by hand`,
        suggestion: `await ${fn.async}${call.childForFieldName("arguments")?.text ?? "()"}`,
      };
    }
    return {
      node: call,
      edits: [{ start: callee.startIndex, end: callee.endIndex, text: fn.async }],
      proven: true,
      since: fn.since,
      awaited: true,
      needs: { module, name: fn.async, replaces: binding, reference: callee },
    };
  }

  /**
   * `list(<qs>)` (or the wrapper form spanning `whole`) -> `[<v> async for <v> in <qs>]`: the
   * edits replace `whole` around the queryset text, which stays byte for byte.
   */
  private listConversion(
    whole: SyntaxNode,
    qsNode: SyntaxNode,
    inner: SyntaxNode,
  ): Conversion | Problem | undefined {
    const qs = this.proofs.querysetOf(qsNode);
    const likely = !qs && this.looksLikeQueryset(qsNode);
    if (!qs && !likely) return undefined;
    if (qs?.locksRows) return this.lockProblem(inner, qs);
    const def = enclosingDef(whole) ?? this.root;
    const name = freshName(def, ["obj", "item", "row"]);
    return {
      node: whole,
      edits: [
        { start: whole.startIndex, end: qsNode.startIndex, text: `[${name} async for ${name} in ` },
        { start: qsNode.endIndex, end: whole.endIndex, text: "]" },
      ],
      proven: !!qs,
      since: "4.1",
      awaited: false,
    };
  }

  // ---- sites a, b, c, d, g: sync_to_async(...)(...) ------------------------------------------

  private wrapperCall(ref: SyntaxNode): void {
    const kind = this.wrapperKind(ref)!;
    const wrap = ref.parent;
    // Decorators are site e, handled with their function.
    if (wrap?.type === "decorator" || wrap?.parent?.type === "decorator") return;
    if (wrap?.type !== "call" || wrap.childForFieldName("function")?.id !== ref.id) {
      return; // the name passed around (e.g. to a helper): nothing to prove about what it wraps
    }
    const wrapped = callArguments(wrap).filter((a) => a.type !== "keyword_argument");
    const target = wrapped[0];
    if (!target || wrapped.length !== 1) return;
    const outer = wrap.parent;
    const called = outer?.type === "call" && outer.childForFieldName("function")?.id === wrap.id;
    if (!called) {
      this.storedWrapper(wrap, target);
      return;
    }
    const conversion = this.wrappedConversion(outer!, wrap, target);
    if (!conversion) return;
    if ("code" in conversion) {
      this.site("sync_to_async", outer!, conversion.code);
      this.reportProblem(conversion);
      return;
    }
    const site = conversion.node;
    const suggestion = rewrittenText(this.source, site, conversion.edits);
    if (losesComments(site.descendantsOfType("comment"), conversion.edits)) {
      this.site("sync_to_async", outer!, "AS208");
      this.report(
        site,
        "AS208",
        "comments inside sync_to_async( ... ) would be lost: rewrite by hand",
        suggestion,
      );
      return;
    }
    if (!versionAtLeast(this.target, conversion.since)) {
      this.site("sync_to_async", outer!, "AS209");
      this.report(
        site,
        "AS209",
        `the native async method needs Django ${conversion.since} (target is ${this.target}): wrapper kept`,
        suggestion,
      );
      return;
    }
    if (kind === "database" && !this.ctx.options.unsafeFixes) {
      this.site("sync_to_async", outer!, "AS206");
      this.report(
        site,
        "AS206",
        "database_sync_to_async also closes stale database connections around the call, which the native async method does not (applied with --unsafe-fixes)",
        suggestion,
      );
      return;
    }
    if (!conversion.proven && !this.ctx.options.unsafeFixes) {
      this.site("sync_to_async", outer!, "AS201");
      this.report(
        site,
        "AS201",
        "nothing here proves the receiver is a queryset or model instance: the native async method is very likely right (applied with --unsafe-fixes; annotate it with its model class to make it proven)",
        suggestion,
      );
      return;
    }
    this.site("sync_to_async", outer!);
    this.edits.push(...conversion.edits);
    this.removedReference(ref);
    if (conversion.needs) this.needed.push(conversion.needs);
  }

  /**
   * The rewrite of `outer` = `sync_to_async(target, ...)(args)`: edits that turn the whole call
   * (or the `await` around it, for list comprehensions) into the native form.
   */
  private wrappedConversion(
    outer: SyntaxNode,
    wrap: SyntaxNode,
    target: SyntaxNode,
  ): Conversion | Problem | undefined {
    const outerArgs = outer.childForFieldName("arguments")!;
    const awaitNode = outer.parent?.type === "await" ? outer.parent : undefined;
    // c. sync_to_async(list)(qs)
    if (target.type === "identifier" && target.text === "list" && isBuiltin("list", target)) {
      const args = callArguments(outer);
      if (args.length !== 1 || outerArgs.type !== "argument_list") return undefined;
      if (!awaitNode) return this.notAwaited(outer, args[0]);
      return this.listConversion(awaitNode, args[0], outer);
    }
    // sync_to_async(get_object_or_404)(...), sync_to_async(auth.login)(...)
    const qualified =
      target.type === "identifier" || target.type === "attribute"
        ? qualifiedName(target)
        : undefined;
    const fn = ASYNC_FUNCTIONS.find((f) => f.qualified === qualified);
    if (fn) {
      const conversion = this.functionConversion(outer, target, fn);
      if ("code" in conversion) return conversion;
      return {
        ...conversion,
        edits: [
          { start: outer.startIndex, end: target.startIndex, text: "" },
          ...conversion.edits,
          { start: target.endIndex, end: wrap.endIndex, text: "" },
        ],
      };
    }
    // a, b. sync_to_async(<recv>.<m>)(args)
    if (target.type === "attribute") {
      const method = this.methodConversion(outer, target, "wrapper");
      if (!method || "code" in method) return method;
      return {
        ...method,
        edits: [
          { start: outer.startIndex, end: target.startIndex, text: "" },
          ...method.edits,
          { start: target.endIndex, end: wrap.endIndex, text: "" },
        ],
      };
    }
    // d. sync_to_async(lambda: <one ORM call>)()
    if (target.type === "lambda") {
      if (target.childForFieldName("parameters") || callArguments(outer).length > 0)
        return undefined;
      const body = target.childForFieldName("body");
      if (!body) return undefined;
      const findings = this.scan(body, "wrapper");
      if (findings.ormSites === 0) return undefined;
      const blocker = findings.problems[0];
      if (blocker) return blocker;
      if (findings.conversions.length > 1 || findings.conversions[0].node.id !== body.id) {
        return {
          code: "AS208",
          node: outer,
          message:
            "the lambda holds more than one ORM call or uses its result: rewrite by hand with one awaited native call per query",
        };
      }
      const inner = findings.conversions[0];
      if (!inner.awaited) {
        // list(qs) inside the lambda: the comprehension replaces the whole `await ...`.
        if (!awaitNode) return this.notAwaited(outer, body);
        const qsNode = callArguments(body)[0];
        return this.listConversion(awaitNode, qsNode, outer);
      }
      return {
        ...inner,
        node: outer,
        edits: [
          { start: outer.startIndex, end: body.startIndex, text: "" },
          ...inner.edits,
          { start: body.endIndex, end: outer.endIndex, text: "" },
        ],
      };
    }
    return undefined;
  }

  private notAwaited(outer: SyntaxNode, qsNode: SyntaxNode): Problem | undefined {
    if (!this.proofs.querysetOf(qsNode) && !this.looksLikeQueryset(qsNode)) return undefined;
    return {
      code: "AS208",
      node: outer,
      message:
        "the wrapped list() is not awaited where it is called, so it cannot become an async comprehension here: rewrite by hand",
      suggestion: `[obj async for obj in ${qsNode.text}]`,
    };
  }

  /** g. `f = sync_to_async(<orm method>)`: the calls are elsewhere; report only. */
  private storedWrapper(wrap: SyntaxNode, target: SyntaxNode): void {
    if (target.type !== "attribute") return;
    const fake = this.methodConversion(target, target, "wrapper");
    if (!fake || "code" in fake) return;
    this.site("sync_to_async", wrap, "AS207");
    this.report(
      wrap,
      "AS207",
      "sync_to_async around an ORM method, stored or passed on: its call sites cannot be rewritten here; use the native async method instead",
      rewrittenText(this.source, target, fake.edits),
    );
  }

  // ---- site e: @sync_to_async def -------------------------------------------------------------

  private decoratedWrapper(def: SyntaxNode): void {
    if (isAsyncFunction(def)) return;
    const decos = decorators(def);
    const index = decos.findIndex((d) => {
      const callee = decoratorCallee(d);
      return !!callee && this.wrapperKind(callee) !== undefined;
    });
    if (index < 0) return;
    const decorator = decos[index];
    const callee = decoratorCallee(decorator)!;
    const kind = this.wrapperKind(callee)!;
    const name = def.childForFieldName("name")?.text ?? "";
    const body = def.childForFieldName("body")!;
    const findings = this.scan(body, "wrapper");
    if (findings.ormSites === 0) return; // no ORM work: a legitimate thread wrapper
    const kept = `@${callee.text} wrapper ${name}() kept`;
    const problems = [...findings.problems, ...this.unprovenChains(body, findings.conversions)];
    for (const other of decos) {
      if (other.id === decorator.id) continue;
      const otherCallee = decoratorCallee(other);
      const q = otherCallee ? qualifiedName(otherCallee) : undefined;
      if (q === "django.db.transaction.atomic")
        problems.unshift({
          code: "AS203",
          node: other,
          message: "transaction.atomic does not cover native async queries",
        });
      else if (
        other.startIndex > decorator.startIndex ||
        !["staticmethod", "classmethod"].includes(other.text.slice(1))
      )
        problems.unshift({
          code: "AS208",
          node: other,
          message: `decorator ${other.text} would wrap an async def instead of a def`,
        });
    }
    if (body.descendantsOfType(["yield", "await"]).length > 0)
      problems.unshift({
        code: "AS208",
        node: def,
        message: "a generator function cannot be converted",
      });
    const edits: Edit[] = [{ start: def.startIndex, end: def.startIndex, text: "async " }];
    for (const c of findings.conversions) edits.push(...this.awaitedEdits(c));
    const range = lineRange(this.source, decorator);
    const removal = { start: range.start, end: range.end, text: "" };
    const nextAfterDecorator = decos[index + 1] ?? def;
    // The suggestion is the decorated definition without the decorator.
    const suggestion = rewrittenText(this.source, def.parent ?? def, [
      ...edits,
      { start: decorator.startIndex, end: nextAfterDecorator.startIndex, text: "" },
    ]);
    edits.push(removal);
    if (losesComments(this.comments, edits))
      problems.unshift({
        code: "AS208",
        node: decorator,
        message: "the rewrite would lose a comment: rewrite by hand",
      });

    for (const c of findings.conversions) {
      if (!versionAtLeast(this.target, c.since))
        problems.push({
          code: "AS209",
          node: c.node,
          message: `the native async form needs Django ${c.since} (target is ${this.target})`,
        });
      else if (!c.proven && !this.ctx.options.unsafeFixes)
        problems.push({
          code: "AS201",
          node: c.node,
          message:
            "nothing here proves the receiver is a queryset or model instance (applied with --unsafe-fixes; annotate the parameter with its model class to make it proven)",
          suggestion: this.suggestionFor(c, this.awaitedEdits(c)),
        });
    }
    if (kind === "database" && !this.ctx.options.unsafeFixes)
      problems.push({
        code: "AS206",
        node: decorator,
        message:
          "database_sync_to_async also closes stale database connections around the call, which native async methods do not (applied with --unsafe-fixes)",
      });
    if (problems.length > 0) {
      this.site("sync_to_async", decorator, problems[0].code);
      for (const p of problems)
        this.report(
          p.node,
          p.code,
          `${kept}: line ${lineOf(p.node)}: ${p.message}`,
          p.code === "AS201" || p.code === "AS206" || p.code === "AS209"
            ? suggestion
            : p.suggestion,
        );
      return;
    }
    this.site("sync_to_async", decorator);
    this.edits.push(...edits);
    this.removedReference(callee);
    for (const c of findings.conversions) if (c.needs) this.needed.push(c.needs);
  }

  /** The rewritten site; for a loop only its header, not the whole body. */
  private suggestionFor(c: Conversion, edits: Edit[]): string {
    const text = rewrittenText(this.source, c.node, edits);
    if (c.node.type !== "for_statement") return text;
    const body = c.node.childForFieldName("body");
    const headerLength = body ? body.startIndex - c.node.startIndex : this.source.length;
    const added = edits.reduce((n, e) => n + e.text.length - (e.end - e.start), 0);
    return text.slice(0, headerLength + added).trimEnd();
  }

  /**
   * Names the unsafe rewrites take for model instances without proof: if the wrapper reads
   * `<name>.<attr>.<...>`, `<attr>` may be a relation that loads lazily.
   */
  private unprovenChains(body: SyntaxNode, conversions: Conversion[]): Problem[] {
    const names = new Set<string>();
    for (const c of conversions) {
      if (c.proven || c.node.type !== "call") continue;
      const receiver = c.node.childForFieldName("function")?.childForFieldName("object");
      if (receiver?.type === "identifier") names.add(receiver.text);
    }
    return body
      .descendantsOfType("attribute")
      .filter((a) => {
        const object = a.childForFieldName("object");
        const inner = object?.type === "attribute" ? object.childForFieldName("object") : undefined;
        return inner?.type === "identifier" && names.has(inner.text);
      })
      .map((a) => ({
        code: "AS202" as Code,
        node: a.childForFieldName("object")!,
        message: `${a.childForFieldName("object")!.text} may be a relation that loads lazily (${
          a.childForFieldName("object")!.childForFieldName("object")!.text
        } is not proven a model instance)`,
      }));
  }

  /** The conversion's edits with `await` in front where the call stands. */
  private awaitedEdits(c: Conversion): Edit[] {
    if (!c.awaited) return c.edits;
    const parens = needsParenthesesForAwait(c.node);
    return [
      { start: c.node.startIndex, end: c.node.startIndex, text: parens ? "(await " : "await " },
      ...c.edits,
      ...(parens ? [{ start: c.node.endIndex, end: c.node.endIndex, text: ")" }] : []),
    ];
  }

  // ---- site f: sync ORM calls directly in async def -------------------------------------------

  private asyncBody(def: SyntaxNode): void {
    const body = def.childForFieldName("body");
    if (!body) return;
    const findings = this.scan(body, "async");
    for (const p of findings.problems) {
      this.site("sync-orm-call", p.node, p.code);
      this.reportProblem(p);
    }
    for (const c of findings.conversions) {
      const edits = this.awaitedEdits(c);
      const suggestion = this.suggestionFor(c, edits);
      if (!versionAtLeast(this.target, c.since)) {
        this.site("sync-orm-call", c.node, "AS209");
        this.report(
          c.node,
          "AS209",
          `sync ORM call inside async def raises SynchronousOnlyOperation; its native async form needs Django ${c.since} (target is ${this.target})`,
          suggestion,
        );
        continue;
      }
      if (!c.proven && !this.ctx.options.unsafeFixes) {
        this.site("sync-orm-call", c.node, "AS201");
        this.report(
          c.node,
          "AS201",
          "sync ORM call inside async def raises SynchronousOnlyOperation; nothing proves the receiver is a queryset or model instance (applied with --unsafe-fixes)",
          suggestion,
        );
        continue;
      }
      this.site("sync-orm-call", c.node);
      this.edits.push(...edits);
      if (c.needs) this.needed.push(c.needs);
    }
  }

  // ---- the scan: ORM work and blockers in a function body or lambda body ----------------------

  /**
   * Walks `region` (nested functions, lambdas and classes excluded in "async" mode, blockers in
   * "wrapper" mode). "wrapper": every call must be ORM work with a native form or known
   * to stay off the database. "async": only ORM work is looked at, and evaluations with no async
   * form are reported.
   */
  private scan(region: SyntaxNode, mode: "wrapper" | "async"): Findings {
    const findings: Findings = { conversions: [], problems: [], ormSites: 0 };
    const problem = (code: Code, node: SyntaxNode, message: string, suggestion?: string) =>
      findings.problems.push({ code, node, message, ...(suggestion ? { suggestion } : {}) });
    const inAtomic: SyntaxNode[] = [];

    const visit = (node: SyntaxNode): WalkStep => {
      switch (node.type) {
        case "function_definition":
        case "class_definition":
        case "lambda":
        case "decorated_definition":
          if (mode === "wrapper" && node.descendantsOfType("call").length > 0)
            problem("AS208", node, "a nested function or lambda with calls cannot be converted");
          return false;
        case "with_statement": {
          const atomic = node
            .descendantsOfType("with_item")
            .find((item) => this.isAtomic(item.childForFieldName("value")));
          if (atomic) {
            problem(
              "AS203",
              atomic,
              mode === "wrapper"
                ? "transaction.atomic does not cover native async queries: keep this function sync behind sync_to_async"
                : "transaction.atomic inside async def: async queries do not join the transaction; move the block into a sync function called with sync_to_async",
            );
            inAtomic.push(node);
            return () => inAtomic.pop();
          }
          return true;
        }
        case "for_statement":
        case "for_in_clause":
          this.loop(node, mode, findings, inAtomic.length > 0);
          return true;
        case "call": {
          if (mode === "async" && this.isWrapperCall(node)) return false;
          const handled = this.call(node, mode, findings, inAtomic.length > 0);
          if (handled === "skip-children") return false;
          return true;
        }
        case "if_statement":
        case "elif_clause":
        case "while_statement":
        case "boolean_operator":
        case "not_operator":
        case "conditional_expression": {
          const conditions =
            node.type === "boolean_operator"
              ? [node.childForFieldName("left"), node.childForFieldName("right")]
              : node.type === "not_operator"
                ? [node.childForFieldName("argument")]
                : node.type === "conditional_expression"
                  ? [node.namedChildren[1]]
                  : [node.childForFieldName("condition")];
          for (const condition of conditions) {
            if (condition && this.evaluatesQueryset(condition))
              problem(
                "AS204",
                condition,
                "the truth value of a queryset evaluates it synchronously: use `await <qs>.aexists()`",
                `await ${condition.text}.aexists()`,
              );
          }
          return true;
        }
        case "subscript": {
          const value = node.childForFieldName("value");
          if (value && this.evaluatesQueryset(value)) {
            const index = node.childForFieldName("subscript");
            const slice = index?.type === "slice";
            // qs[a:b] without a step stays lazy (LIMIT/OFFSET); an index or a step evaluates.
            const lazy = slice && index!.namedChildren.length <= 2 && !index!.text.match(/:.*:/);
            if (!lazy)
              problem(
                "AS204",
                node,
                "indexing a queryset evaluates it synchronously: use `await <qs>.afirst()` or an async comprehension",
                index?.text === "0" ? `await ${value.text}.afirst()` : undefined,
              );
          }
          return true;
        }
        case "comparison_operator": {
          const operands = node.namedChildren;
          const ops = node.children.filter((c) => !c.isNamed).map((c) => c.type);
          if (ops.includes("in") || ops.includes("not in")) {
            const container = operands[operands.length - 1];
            if (container && this.evaluatesQueryset(container))
              problem(
                "AS204",
                node,
                "`x in qs` evaluates the queryset synchronously: use `await qs.acontains(x)`",
                `await ${container.text}.acontains(${operands[0].text})`,
              );
          }
          return true;
        }
        case "generator_expression": {
          for (const clause of node.namedChildren.filter((c) => c.type === "for_in_clause")) {
            const iterable = clause.childForFieldName("right");
            if (iterable && this.evaluatesQueryset(iterable))
              problem(
                "AS204",
                iterable,
                "iterating a queryset in a generator expression evaluates it synchronously: use a list comprehension with `async for`",
              );
          }
          // `await` inside a generator expression makes it an async generator: no rewrite there.
          const ormInside = node
            .descendantsOfType("call")
            .some((call) => this.ormCall(call, mode) !== undefined);
          if (ormInside)
            problem(
              "AS208",
              node,
              "ORM call inside a generator expression: use a list comprehension, then rewrite",
            );
          return false;
        }
        case "attribute":
          this.relationRead(node, findings);
          return true;
      }
      return true;
    };
    const step = visit(region);
    if (step !== false) {
      walkNamed(region, (node) => (SCANNED_TYPES.has(node.type) ? visit(node) : true));
      if (typeof step === "function") step();
    }
    findings.problems.sort((a, b) => a.node.startIndex - b.node.startIndex);
    findings.conversions.sort((a, b) => a.node.startIndex - b.node.startIndex);
    return findings;
  }

  private isWrapperCall(call: SyntaxNode): boolean {
    const callee = call.childForFieldName("function");
    if (!callee) return false;
    if (this.wrapperKind(callee)) return true;
    return callee.type === "call" && this.isWrapperCall(callee);
  }

  private isAtomic(expr: SyntaxNode | null): boolean {
    if (!expr) return false;
    const callee = expr.type === "call" ? expr.childForFieldName("function") : expr;
    return !!callee && qualifiedName(callee) === "django.db.transaction.atomic";
  }

  /** A proven (or `.objects`-rooted) queryset used where it would be evaluated. */
  private evaluatesQueryset(expr: SyntaxNode): boolean {
    const qs = this.proofs.querysetOf(expr);
    return !!qs && qs.model !== "";
  }

  private loop(
    node: SyntaxNode,
    mode: "wrapper" | "async",
    findings: Findings,
    atomic: boolean,
  ): void {
    if (isForAsync(node)) return;
    const right = node.childForFieldName("right");
    if (!right) return;
    const iterable = right;
    const source = this.iteratorMethodOf(right)
      ? right.childForFieldName("function")!.childForFieldName("object")!
      : right;
    const qs = this.proofs.querysetOf(source);
    const likely = !qs && this.looksLikeQueryset(source);
    if (!qs && !likely) return;
    if (node.type === "for_in_clause" && node.parent?.type === "generator_expression") return;
    findings.ormSites++;
    if (atomic && mode === "async") return;
    if (qs?.locksRows) {
      findings.problems.push(this.lockProblem(node, qs));
      return;
    }
    // The keyword goes before `for`; `qs.iterator()` becomes `qs.aiterator()`.
    const forKeyword = node.children.find((c) => c.type === "for")!;
    const edits: Edit[] = [
      { start: forKeyword.startIndex, end: forKeyword.startIndex, text: "async " },
    ];
    const iteratorName = this.iteratorMethodOf(iterable);
    if (iteratorName)
      edits.push({ start: iteratorName.startIndex, end: iteratorName.endIndex, text: "aiterator" });
    findings.conversions.push({ node, edits, proven: !!qs, since: "4.1", awaited: false });
  }

  /** The `iterator` name in `<qs>.iterator(...)`, whose async form is iterated, not awaited. */
  private iteratorMethodOf(expr: SyntaxNode): SyntaxNode | undefined {
    const callee = expr.type === "call" ? expr.childForFieldName("function") : undefined;
    const name = callee?.type === "attribute" ? callee.childForFieldName("attribute") : undefined;
    return name?.text === "iterator" ? name : undefined;
  }

  /** Returns "skip-children" when the call's parts were fully judged here. */
  private call(
    call: SyntaxNode,
    mode: "wrapper" | "async",
    findings: Findings,
    atomic: boolean,
  ): "skip-children" | undefined {
    const problem = (code: Code, message: string, suggestion?: string) =>
      findings.problems.push({ code, node: call, message, ...(suggestion ? { suggestion } : {}) });
    const callee = call.childForFieldName("function");
    if (!callee) return undefined;
    // In async code only transaction.atomic and on_commit are looked up by name: resolving every
    // callee through the imports costs more than the rest of the scan.
    const last =
      callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee.text;
    const qualified =
      (callee.type === "identifier" || callee.type === "attribute") &&
      (mode === "wrapper" || last === "atomic" || last === "on_commit")
        ? qualifiedName(callee)
        : undefined;
    // `with transaction.atomic():` is reported at the with statement.
    if (qualified === "django.db.transaction.atomic") return undefined;
    if (qualified === "django.db.transaction.on_commit") {
      problem(
        "AS203",
        "transaction.on_commit needs the sync transaction it belongs to: keep this code sync, behind sync_to_async",
      );
      return undefined;
    }
    // Builtins that evaluate a queryset: len(qs), bool(qs), repr(qs), sorted(qs), ...
    if (callee.type === "identifier" && isBuiltin(callee.text, callee)) {
      const args = callArguments(call);
      const template = EVALUATING_BUILTINS[callee.text];
      if (template && args.length >= 1 && this.evaluatesQueryset(args[0])) {
        problem(
          "AS204",
          `${callee.text}() of a queryset evaluates it synchronously`,
          template.replaceAll("{qs}", args[0].text),
        );
        return undefined;
      }
    }
    const orm = this.ormCall(call, mode);
    if (orm) findings.ormSites++;
    if (orm && "code" in orm) {
      findings.problems.push(orm);
      return undefined;
    }
    if (orm) {
      if (atomic && mode === "async") return undefined; // reported once at the `with`
      // `await Model.objects.get()` is already broken in another way: leave it to the author.
      if (orm.awaited && call.parent?.type === "await") return undefined;
      findings.conversions.push(orm);
      return undefined;
    }
    if (mode === "async") return undefined;
    // Wrapper mode: anything else must be known to stay off the database.
    if (this.isOffDatabase(call, callee, qualified)) return undefined;
    const known = qualified ? NO_ASYNC_API[qualified] : undefined;
    if (known) {
      problem("AS205", known);
      return undefined;
    }
    const receiver = callee.type === "attribute" ? callee.childForFieldName("object") : undefined;
    const method =
      callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : undefined;
    if (receiver && method) {
      if (method === "is_valid" || /form/i.test(receiver.text))
        problem("AS205", `${callee.text}(): forms have no async API`);
      else if (method === "save" && receiver.type === "attribute")
        problem("AS205", `${callee.text}(): FileField and storage .save() have no async API`);
      else if (
        this.proofs.querysetOf(receiver) ||
        (receiver.type === "identifier" && this.proofs.instanceOf(receiver))
      )
        problem(
          "AS205",
          `${callee.text}() is a custom model or manager method, not in Django's async API`,
        );
      else problem("AS205", `${callee.text}() has no async API and may touch the database`);
    } else {
      problem(
        "AS205",
        `${callee.text}() has no async API and may touch the database (a project function?)`,
      );
    }
    return undefined;
  }

  /** Calls known not to touch the database: safe builtins, pure modules, in-memory containers. */
  private isOffDatabase(
    call: SyntaxNode,
    callee: SyntaxNode,
    qualified: string | undefined,
  ): boolean {
    if (callee.type === "identifier") {
      if (SAFE_BUILTINS.has(callee.text) && isBuiltin(callee.text, callee)) return true;
      if (this.proofs.modelClassOf(callee)) return true; // Model(...) builds an instance in memory
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
      (this.proofs.querysetOf(call) || this.looksLikeQueryset(call))
    )
      return true;
    if (receiver.type === "string") return true;
    return receiver.type === "identifier" && (isLocalContainer(receiver) || isLoggerName(receiver));
  }

  /** Reading a ForeignKey/OneToOne attribute the loading queryset did not select_related. */
  private relationRead(node: SyntaxNode, findings: Findings): void {
    const object = node.childForFieldName("object");
    const attribute = node.childForFieldName("attribute")?.text ?? "";
    if (object?.type !== "identifier") return;
    const parent = node.parent;
    // Writes and method calls on the instance are not reads of the relation.
    if (parent?.type === "assignment" && parent.childForFieldName("left")?.id === node.id) return;
    if (parent?.type === "call" && parent.childForFieldName("function")?.id === node.id) return;
    const instance = this.proofs.instanceOf(object);
    if (!instance || !this.proofs.relationsOf(instance.model).includes(attribute)) return;
    if (instance.selected === "all" || instance.selected.has(attribute)) return;
    findings.problems.push({
      code: "AS202",
      node,
      message: `${node.text} loads the related ${attribute} lazily, a sync query: add select_related("${attribute}") to the queryset that loads ${object.text}`,
    });
  }

  // ---- imports ----------------------------------------------------------------------------------

  private importEdits(): void {
    const replaced = new Set<number>();
    for (const need of this.needed) {
      this.removed.add(need.reference.id);
      if (need.replaces) this.removedBindings.set(need.replaces.item.id, need.replaces);
    }
    for (const binding of this.removedBindings.values()) {
      if (isImportStillUsed(binding, (ref) => this.removed.has(ref.id))) continue;
      // An unused `get_object_or_404` import becomes the `aget_object_or_404` import in place.
      const need = this.needed.find((n) => n.replaces?.item.id === binding.item.id);
      if (need && binding.item.type !== "aliased_import") {
        this.edits.push({
          start: binding.item.startIndex,
          end: binding.item.endIndex,
          text: need.name,
        });
        replaced.add(binding.item.id);
        continue;
      }
      this.edits.push(...importEditsToRemove(this.source, binding));
    }
    const added = new Set<string>();
    for (const need of this.needed) {
      if (need.replaces && replaced.has(need.replaces.item.id)) continue;
      const key = `${need.module}.${need.name}`;
      if (added.has(key)) continue;
      added.add(key);
      this.edits.push(...importEditsToAdd(this.root, need.module, need.name));
    }
  }
}
