import type { ModelFacts } from "./model-facts.js";
import type { Edit, NativeTree, SyntaxNode, SyntaxTree as Tree } from "../syntax/tree.js";

export type { Edit, NativeTree, SyntaxNode, Tree };

export type BindingKind = "parameter" | "import" | "definition" | "assignment" | "global";

/** A name bound directly in a scope. */
export interface Binding {
  name: string;
  kind: BindingKind;
  node: SyntaxNode;
}

/** One name bound by an import statement. */
export interface ImportBinding {
  /** The local name: `aio` for `import asyncio as aio`, `r` for `from asyncio import run as r`. */
  local: string;
  /** What the name stands for: `asyncio`, `asyncio.run`, `os` (for `import os.path`). */
  qualified: string;
  /** The import_statement or import_from_statement. */
  statement: SyntaxNode;
  /** The `dotted_name` or `aliased_import` item inside the statement. */
  item: SyntaxNode;
  /** The scope (module or def) the import binds in. */
  scope: SyntaxNode;
}

export type Severity = "error" | "warning" | "info";

/** What a transform reports at a site it found. Offsets index the text the transform was given. */
export interface Diagnostic {
  code: string;
  severity: Severity;
  start: number;
  end: number;
  message: string;
  /** The code a user should write instead, when one is known. */
  suggestion?: string;
  /** Set by the engine: how sure the finding's fix is, when it has one (see Applicability). */
  fixApplicability?: Applicability;
}

/** One diagnostic code: its default severity and the documentation `asyncshift explain` prints. */
export interface CodeDoc {
  severity: Severity;
  title: string;
  explanation: string;
  before?: string;
  after?: string;
  /**
   * The fix this code's findings carry, for its documentation page (ruff's "Fix safety"):
   * `always` when every finding has one, otherwise only where it can be made. No fix: absent.
   */
  fix?: {
    applicability: Applicability;
    always: boolean;
    /** A safe fix that some sites carry as unsafe (the explanation says where). */
    sometimesUnsafe?: boolean;
  };
  /**
   * When set, the summary line counts this code's diagnostics with these words, `{s}` marking the
   * plural ("unwrapped call{s} now blocking the event loop"): a count the user must act on.
   */
  summaryNoun?: string;
}

export interface TransformMeta {
  id: string;
  summary: string;
  codes: Record<string, CodeDoc>;
  /** Oldest Django version the rewrites need, if any. */
  minDjango?: string;
  /** A file that contains none of these words cannot hold a site: it is not parsed for this transform. */
  triggers: string[];
  /** Files this transform does not touch, as globs relative to the project root. */
  defaultSkip?: string[];
  /** The transform only makes sense in a project that uses Django or asgiref. */
  needsDjango?: boolean;
  /**
   * Without Django, the transform still runs in a project that uses asgiref, deciding site by
   * site; the run says what it then looks at (asyncio-run: "only calls whose coroutine reaches
   * sync_to_async ...").
   */
  alsoWithAsgiref?: string;
  /**
   * Without Django (or asgiref, with `alsoWithAsgiref`), the transform still runs and reports
   * what is a bug in any project; the run says what it then looks at (asyncio-run: asyncio.run()
   * inside async def).
   */
  withoutDjango?: string;
  /** Settings of the transform: `[tool.asyncshift.<id>]` keys and command-line flags. */
  options?: Record<string, TransformOption>;
  /** The kinds of site it reports to `asyncshift report`, with the contexts counted as columns. */
  siteKinds?: SiteKind[];
}

export type OptionValue = string | boolean | string[] | Record<string, string>;

/** One setting a transform declares: config, CLI, API and report read it from here. */
export interface TransformOption {
  /** Key in the transform's table, `[tool.asyncshift.<id>]`. */
  key: string;
  /** Command-line flag without its dashes, when the setting has one. */
  flag?: string;
  type: "choice" | "boolean" | "string-table";
  choices?: readonly string[];
  default: OptionValue;
  describe: string;
  /** For a string table: what is wrong with one entry, or undefined. */
  entryProblem?(key: string, value: string): string | undefined;
  /**
   * For a string table: what the project's index says is wrong with it (a declared twin the
   * project defines as a plain def), or undefined. A problem stops the run (exit 2).
   */
  projectProblem?(index: ProjectIndex, value: Readonly<Record<string, string>>): string | undefined;
  /**
   * A string table of sync callee -> the async callee that replaces it (declared twins): a test
   * that patches the sync side no longer intercepts the call (AS920 reads it).
   */
  replacesCalls?: true;
}

export interface SiteKind {
  kind: string;
  /** The heading over the kind's columns in the inventory table. */
  group: string;
  /**
   * Contexts shown as columns, with their headers; context "*" counts every site of the kind, and
   * "test/command" the sites in files the transform skips (fresh processes).
   */
  columns: { context: string; header: string }[];
}

export interface ParsedFile {
  path: string;
  source: string;
  tree: Tree;
  /** The file's dotted module path from the project root (`billing.tasks`), when known. */
  module?: string;
}

/**
 * What one parsed file means as Python, handed to every transform (made by the engine once per
 * parsed text; see src/python/semantics.ts).
 */
export interface FileSemantics extends ParsedFile {
  readonly root: SyntaxNode;
  /** `aio.run` -> `asyncio.run` after `import asyncio as aio`; undefined when not an import. */
  qualifiedName(expr: SyntaxNode): string | undefined;
  /** The import a name refers to at `at`, or undefined (a parameter, an assignment, a def...). */
  importBindingOf(name: string, at: SyntaxNode): ImportBinding | undefined;
  /** Names bound directly in `scope` under `name` (nested scopes excluded). */
  bindingsNamed(scope: SyntaxNode, name: string): readonly Binding[];
  /** The bindings `name` has where `at` reads it: the nearest enclosing scope's that binds it. */
  visibleBindings(at: SyntaxNode, name: string): readonly Binding[];
  /** References to `name` in `scope` and the nested scopes that do not rebind it. */
  referencesInScope(scope: SyntaxNode, name: string): readonly SyntaxNode[];
  /** Calls whose callee stands for one of `qualified` through the file's imports, in source order. */
  callsTo(qualified: readonly string[]): SyntaxNode[];
  /** Does `node` run inside an `async def` (its nearest enclosing def, lambdas skipped)? */
  inAsyncContext(node: SyntaxNode): boolean;
  /** Is `name` at `at` Python's builtin (not imported, assigned, or defined anywhere visible)? */
  isBuiltin(name: string, at: SyntaxNode): boolean;
  enclosingFunction(node: SyntaxNode): SyntaxNode | undefined;
  /** The nearest enclosing `def`/`async def`, lambdas skipped; undefined at module level. */
  enclosingDef(node: SyntaxNode): SyntaxNode | undefined;
  enclosingClass(node: SyntaxNode): SyntaxNode | undefined;
  enclosingScope(node: SyntaxNode): SyntaxNode;
  /** Every import binding of the file, local imports included, in source order. */
  importBindings(): readonly ImportBinding[];
  /** The local names the file's imports bind to `qualified` (`aio` for `import asyncio as aio`). */
  namesImportedAs(qualified: string): ReadonlySet<string>;
  /** Every local name an import of the file binds. */
  importedNames(): ReadonlySet<string>;
  /** A short name not used in `node`: `preferred` first, then the first of them + 1, 2, ... */
  freshName(node: SyntaxNode, preferred: string[]): string;
  /** Offsets of the line(s) holding `node`, line break included: for removing whole lines. */
  lineRange(node: SyntaxNode): { start: number; end: number };
}

export type { ManagerChains, ModelFacts, QuerysetPropertyFacts } from "./model-facts.js";

/** A class of the project built in memory: it and its project bases; a pydantic model. */
export type PlainClassFacts = { chain: string[]; record?: true };

/** What the pre-pass learned about the whole project. Plain data: it crosses worker threads. */
export interface ProjectFacts {
  usesDjango: boolean;
  usesAsgiref: boolean;
  /** Where the Django evidence came from, for the "did nothing" message. */
  djangoEvidence?: string;
  /** "X.Y" from a pin or lower bound in a dependency file. */
  djangoVersion?: string;
  /** A file of the project that sets DJANGO_ALLOW_ASYNC_UNSAFE (a conftest, a settings module). */
  asyncUnsafeAllowedIn?: string;
  models: Record<string, ModelFacts>;
  /**
   * Per root-relative file path, its module-level functions annotated to return a class
   * (`-> Shop`, `-> "Shop"`, `Optional[Shop]`): the class's name, by function name.
   */
  returnedClasses?: Record<string, Record<string, string>>;
  /** By file, its module-level type aliases of one model class (`AnyUser = Union[AnonymousUser, User]`). */
  typeAliases?: Record<string, Record<string, string>>;
  /**
   * Request classes on a starlette/FastAPI base (their `user` is no lazy Django user), and the
   * files (paths as the run names them) whose every `request` parameter is annotated with one.
   */
  starletteRequests?: { classes: string[]; paths: string[] };
  /**
   * Module-level decorators of the project whose wrapper sets `request.user` to a value before it
   * calls the view (orm-human-6 G9): there `request.user` is no lazy object.
   */
  userAssigningDecorators?: string[];
  /** The project's classes whose bases lead to Django's test cases (see test-case-classes.ts). */
  djangoTestCases?: string[];
  /**
   * The project's classes with bases, by name, and their bases' last names (class-tree.ts): a
   * method of another class overrides one of `self`'s class only in a subclass.
   */
  subclassHeads?: Record<string, string[]>;
  /** The project's subclasses of Django's test clients that keep their login methods. */
  djangoTestClients?: string[];
  /** The project's classes that give their tests a client other than Django's (`self.client = APIClient()`). */
  otherClientClasses?: string[];
  /**
   * Classes a `models` module of the project declares that the pre-pass did not find to be models:
   * "plain" when every base is known outside the ORM (`pydantic.BaseModel`), else "unknown".
   */
  modelsModuleClasses?: Record<string, "plain" | "unknown">;
  /** Classes built in memory (pydantic models, exceptions, ...): src/project/plain-classes.ts. */
  plainClasses?: Record<string, PlainClassFacts>;
  /** The project root the pre-pass indexed (see projectRootOf). */
  root?: string;
  /**
   * Every function of the project and the calls that may reach one: attached by the runner in
   * each thread (sent to workers once per run, not with each job), absent for a lone source.
   */
  index?: ProjectIndex;
  /**
   * Functions that start a process, as `module:function`: console scripts declared in
   * pyproject.toml, setup.cfg or setup.py. Such a function owns its event loop.
   */
  entryPoints?: string[];
  /**
   * Each surveying transform's project-wide plan (see Transform.survey), by transform id: plain
   * data made once in the main thread before the rewrite pass.
   */
  plans?: Record<string, SurveyPlan>;
  /**
   * Folders below the root that declare their own dependencies (services of a monorepo), by
   * root-relative path with forward slashes: a file's nearest one decides for it whether Django
   * is used (see projectOfFile).
   */
  subProjects?: Record<string, SubProject>;
  /**
   * By each Django project's folder (a manage.py's, root-relative), the class name of the model
   * `get_user_model()` returns there (`auth.User` for Django's own), or null when its settings do
   * not say it for certain (src/django/user-model.ts).
   */
  userModels?: Record<string, string | null>;
  /**
   * The reverse managers FKs and M2Ms to `settings.AUTH_USER_MODEL` give the user model, by their
   * `related_name` (src/django/user-model.ts).
   */
  userReverse?: string[];
}

/** A folder below the project root that declares its own dependencies: what they say. */
export interface SubProject {
  /** Its dependency files (with their `-r` includes) or its files' imports name Django. */
  usesDjango: boolean;
  usesAsgiref: boolean;
  djangoVersion?: string;
  /** The dependency files read, root-relative: what a notice names. */
  evidence: string;
}

/** A function or method of the project, from the pre-pass's outline of its file. */
export interface IndexedFunction {
  /** Dotted module path from the project root: `billing.tasks`. */
  module: string;
  /** File path relative to the project root, with forward slashes. */
  path: string;
  name: string;
  /** The class a method is defined in. */
  className?: string;
  /** Defined inside another function. */
  nested: boolean;
  async: boolean;
  /** Decorators as written, without `@` and arguments. */
  decorators: string[];
  line: number;
}

/** A file of the project as its imports link it to others (see ProjectIndex.modules). */
export interface IndexedModule {
  /** The file's module id, as `IndexedFunction.module`. */
  module: string;
  /**
   * What its import statements bind, made absolute, dotted, without an import root: `shop.api.x`
   * for `from shop.api import x` (or `from .api import x` in `shop`), `shop` for `import
   * shop.api`, `shop.*` for `from shop import *`.
   */
  imports: string[];
  /** `from m import real as local`: `[real, local]`, for names that are renamed. */
  renames?: [string, string][];
  /** Its code names typing's awaitables (`Awaitable`, `Coroutine`). */
  awaitableTypes?: true;
  /** Its module-level defs' return annotations as written, by name. */
  returns?: Record<string, string>;
  /** The names its class bodies annotate, with the annotation: `Class.name\tAnnotation`. */
  annotated?: string[];
  /** Names a module-level statement assigns a name-like value to (type aliases, maybe). */
  assigned?: string[];
}

/** A call that may reach a project function (its callee's last name is one). */
export interface IndexedCall {
  path: string;
  line: number;
  /** The callee as written: `helper`, `self.helper`, `services.helper`. */
  callee: string;
  awaited: boolean;
  /** An argument mentions `request.user` (or `<x>.request.user`): a lazy object. */
  passesUser?: boolean;
  /** The function holding the call (`Class.method` for methods); undefined at module level. */
  within?: string;
}

/** A test's `patch("m.asyncio.run")` or `patch.object(m.asyncio, "run")`. */
export interface IndexedPatch {
  path: string;
  line: number;
  target: string;
  attribute?: string;
}

/** What the pre-pass knows of every function of the project and the calls between them. */
export interface ProjectIndex {
  root: string;
  functions: IndexedFunction[];
  calls: IndexedCall[];
  patches: IndexedPatch[];
  /** References to names that are not calls of them; absent in an index made by hand (none). */
  references?: IndexedReference[];
  /**
   * Every file with an outline, by root-relative path (forward slashes): its module and imports,
   * for a survey that starts from declarations and follows imports back to the files that may
   * reach them (survey-imports.ts). Absent in an index made by hand; never sent to a worker
   * thread (the survey starts in the main thread).
   */
  modules?: Record<string, IndexedModule>;
}

/**
 * A reference to a name of the project that is not a call of it (issue 22, item 3): converting
 * the function it names to `async def` in place would break it.
 */
export interface IndexedReference {
  path: string;
  line: number;
  /**
   * `value`: an imported name handed on or used other than as a callee (`POOL.submit(restock)`,
   * `restock.delay(...)`); `getattr`: `getattr(module, "restock")`; `exported`: listed in its
   * module's `__all__`; `path`: a string naming it (`"shop.tasks.restock"`); `star`: `from
   * module import *`; `attribute`: `obj.restock` handed on (a method, maybe); `dynamic`:
   * `getattr(obj, "restock")`, the object not known.
   */
  kind: "value" | "getattr" | "exported" | "path" | "star" | "attribute" | "dynamic";
  /**
   * The dotted name referred to, as the index names modules (`shop.stock.restock`, possibly with
   * attributes after it: `shop.tasks.restock.delay`); the module for `star`; the name alone for
   * `attribute` and `dynamic`.
   */
  target: string;
}

/** Each transform's settings by name, defaults filled in (see makeContext). */
export type TransformSettings = Record<string, Record<string, OptionValue>>;

/** The options of a run that transforms and the engine read. */
export interface TransformOptions {
  /** Read by the engine only: transforms give each fix its applicability instead. */
  unsafeFixes: boolean;
  /** Treat the project as a Django project whatever detection says. */
  django: boolean;
  /** Target Django version "X.Y". */
  djangoVersion?: string;
  settings: TransformSettings;
}

export interface Context {
  options: TransformOptions;
  project: ProjectFacts;
}

/**
 * A place a transform recognised, rewritten or not: what `asyncshift report` counts, so the
 * inventory and the rewrite share one detection. Offsets index the text the transform was given.
 */
export interface TransformSite {
  /** What was found, e.g. "asyncio.run", "sync_to_async", "sync-orm-call", "to_thread". */
  kind: string;
  /** How the transform classified it, e.g. "sync", "async", "entry-point", "blocked", "twin". */
  context: string;
  /** A short qualifier: the blocker that prevents a rewrite, the callee, ... */
  detail?: string;
  start: number;
}

/**
 * How sure a fix is, as ruff's `Applicability`: `safe` fixes are applied by `--write`, `unsafe`
 * ones only with `--unsafe-fixes` (otherwise the finding is reported with the suggested code),
 * `display` ones are only shown. The engine decides; a transform never reads the flags.
 */
export type Applicability = "safe" | "unsafe" | "display";

/**
 * An import a fix needs: `from module import name` (or `import module` when `name` is omitted),
 * placed by the engine's import plan. `replaces` is a binding the fix stops using that the new
 * name may take the place of (`get_object_or_404` -> `aget_object_or_404` in the same statement).
 * `at` is the node that uses the new name: a local import in its function covers it.
 */
export interface NeededImport {
  module: string;
  name?: string;
  replaces?: ImportBinding;
  /** A name from another module than this import's, whose line goes right after it. */
  beside?: ImportBinding;
  at?: SyntaxNode;
}

export interface Fix {
  applicability: Applicability;
  /** The site's own edits (not import edits: those come from `imports` and `dropped`). */
  edits: Edit[];
  /** Imports the edited code needs. */
  imports?: NeededImport[];
  /**
   * References the edits remove: an import binding of theirs that nothing else uses once the
   * applied fixes are in goes too (one clean-up for every transform).
   */
  dropped?: SyntaxNode[];
  /** Names the code no longer calls here: tests that patch them stop intercepting anything. */
  replaces?: ReplacedName[];
}

/** `asyncio.run` (written `asyncio.run` in the module) now called as `async_to_sync`. */
export interface ReplacedName {
  /** What the name stands for: `asyncio.run`. */
  qualified: string;
  /** How the module spelled it: `asyncio.run`, `aio.run`, `run`. */
  local: string;
  /** The name the module calls instead, as a test would patch it there: `async_to_sync`. */
  by: string;
  /** A method the module now awaits (`Order.objects.acount`): a patch needs an AsyncMock. */
  awaited?: true;
  /** `by` is an async twin added beside the name: other callers still call the sync one. */
  twin?: true;
  /**
   * An awaited call through this name (`VectorStore` in `await VectorStore.objects.acount()`,
   * `local` the whole callee): a test that puts a MagicMock in its place makes the await raise.
   */
  root?: string;
  /** 1-based line of that awaited call in the module. */
  line?: number;
}

/**
 * What a transform says about one site: a rewrite (a finding whose fix is applied), or a
 * diagnostic (no fix, a fix not applied, or a display-only fix). Offsets index the text the
 * transform was given.
 */
export interface Finding extends Diagnostic {
  fix?: Fix;
  /**
   * Reported even when the fix is applied. Most rewrites are silent today (the diff says it all);
   * the code still names the site for suppression comments.
   */
  reportWhenApplied?: boolean;
}

export interface TransformResult {
  findings: Finding[];
  /** Every site found, for the inventory; optional, ignored by the rewrite pipeline. */
  sites?: TransformSite[];
}

export interface Transform {
  meta: TransformMeta;
  /**
   * A finer text test than the trigger words, made before the parse once the project is known:
   * false only when the transform would find nothing in the text (no edit, no diagnostic, no
   * site for the inventory). A file rarely holds a site even when it holds a trigger word.
   */
  mayHoldSite?(source: string, ctx: Context): boolean;
  transform(file: FileSemantics, ctx: Context): TransformResult;
  /**
   * A look across files before the rewrite pass, for a rewrite that spans them: files are surveyed
   * in rounds (each file once, in worker threads), then one plan is made in the main thread and
   * handed to every file's transform as `ctx.project.plans[id]` (read it with surveyedPlan).
   * Each transform's survey has its own facts and plan types; the runner only carries them.
   */
  survey?: ProjectSurvey<unknown, unknown>;
}

/**
 * A first-round file read only if its text holds, for one of the alternatives in `names`, a name
 * (a whole identifier) of each of the alternative's lists: what a survey can tell from the index
 * alone (ProjectSurvey.start).
 */
export interface SurveyStart {
  path: string;
  names: string[][][];
}

/**
 * A transform's look across files. `Facts` is what one file gives (plain data: it crosses worker
 * threads), `Plan` what the survey decides for the run (plain data too: every file's job carries it).
 */
export interface ProjectSurvey<Facts, Plan> {
  /**
   * The files to survey first, as root-relative paths with forward slashes. `rewritten`: the
   * root-relative paths this run rewrites (a plan must not change a file outside them in a way
   * another file then depends on).
   */
  start(
    index: ProjectIndex,
    ctx: Context,
    rewritten: ReadonlySet<string>,
  ): (string | SurveyStart)[];
  /**
   * What one file gives (`file.path` is root-relative): in the first round what starts a plan
   * there; later, what the plan asks of it (`wanted`, names the survey gave in `next`).
   */
  facts(file: FileSemantics, ctx: Context, wanted?: readonly string[]): Facts;
  /** A first-round file holding none of these words gives nothing: it is not parsed then. */
  startWords?: string[];
  /** What to survey next, from what is known so far; nothing new ends the survey. */
  next(
    facts: readonly Facts[],
    index: ProjectIndex,
    rewritten: ReadonlySet<string>,
  ): { path: string; wanted: string[] }[];
  /** The plan (`ctx.project.index` is the project's index). */
  plan(facts: readonly Facts[], ctx: Context, rewritten: ReadonlySet<string>): SurveyPlan<Plan>;
}

/** A survey's plan, and the modules it edits: their files are transformed whatever their text. */
export interface SurveyPlan<Plan = unknown> {
  plan: Plan;
  modules: string[];
  /**
   * Modules whose files must be written together or not at all: a caller and the modules
   * receiving the twins it comes to await. The runner makes each a write group.
   */
  groups?: string[][];
}

/** Something said once per run, not per file (a transform that did nothing, and why). */
export interface Notice {
  transform?: string;
  message: string;
}
