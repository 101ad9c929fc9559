import type { OrmProofs } from "../../src/django/orm.js";
import type {
  Context,
  Edit,
  FileSemantics,
  ImportBinding,
  NeededImport,
  SyntaxNode,
} from "../../src/model/types.js";
import type { Blocker, Code } from "./codes.js";
import type { FindingsReporter } from "../../src/model/findings.js";

// The shapes every layer of the transform shares. Types only, and nothing of this folder but the
// codes (which import nothing of it): a lower module never has to import a higher one to name
// what it hands up.

/** How a region is scanned: the body of a wrapper to convert, or the body of an async def. */
export type ScanMode = "wrapper" | "async";

/** The ORM work at one call or loop, once rewritten. */
export interface Conversion {
  /** The node whose text the rewrite changes (the call, the for statement, ...). */
  node: SyntaxNode;
  edits: Edit[];
  proven: boolean;
  since: string;
  /** An import the rewrite needs (`aget_object_or_404` for `get_object_or_404`). */
  needs?: NeededImport;
  /** The reference the rewrite replaces (`get_object_or_404`): its import may go. */
  replaced?: SyntaxNode;
  /** Whether it must be awaited where it stands (false for loops and comprehensions). */
  awaited: boolean;
  /** What the rewrite does, when it is not a native async method awaited instead. */
  note?: string;
  /**
   * The site cannot run as written (orm-human-8 K1: `sync_to_async(user.asave)` raises TypeError):
   * no caveat of the wrapper (AS206, AS213) applies to the rewrite.
   */
  failing?: true;
}

export interface Problem {
  code: Blocker;
  node: SyntaxNode;
  message: string;
  suggestion?: string;
  /** A note rather than the code's own severity: what may happen, out of sight here. */
  severity?: "info";
  /** It makes the rewrite unsafe (applied with --unsafe-fixes), not impossible. */
  unsafe?: boolean;
  /** What the unsafe rewrite takes for true, said in its message ("order is a model instance"). */
  assumes?: string;
  /** A value that may be a queryset, evaluated (iterated, tested, listed): no ORM site, a blocker. */
  evaluatesUnknown?: true;
}

/** What a region of code holds: ORM work to convert, and what blocks converting it. */
export interface Findings {
  conversions: Conversion[];
  problems: Problem[];
  /** ORM sites with a native form seen, converted or blocked: zero means a plain thread wrapper. */
  ormSites: number;
}

/** Inventory kinds: a wrapper (forms a-e, g), or a sync ORM call written in async def (form f). */
export type SiteKind = "sync_to_async" | "sync-orm-call";

/** A call in a converted body to a plain module-level def, or method of its class, of the file. */
export interface ChainCall {
  call: SyntaxNode;
  /** The name called: `helper`, or `helper` in `self.helper`. */
  callee: SyntaxNode;
  def: SyntaxNode;
}

/**
 * A call in a converted body to a plain function of another module of the project (`helper(x)`
 * after `from .services import helper`, or `services.helper(x)`), followed through the survey.
 */
export interface CrossCall {
  call: SyntaxNode;
  /** The name a twin renames: `helper`, or `helper` in `services.helper`. */
  callee: SyntaxNode;
  /** The function called, as `module:name` (see chainKey). */
  target: string;
  /** The import that binds a bare `helper`: its module takes the twin's import. */
  binding?: ImportBinding;
  /**
   * Reached through a package's re-export (`from shop.services import reserve`, which
   * shop/services/__init__.py imports): the module the twin is imported from, as written here.
   */
  importFrom?: string;
}

/** What a function reached by a chain of calls holds, scanned once per file (see chains.ts). */
export interface ChainFunction {
  def: SyntaxNode;
  findings: Findings;
  calls: ChainCall[];
  /** Calls to functions of other files (each also an AS205 in `problems`, for a lone file). */
  cross: CrossCall[];
  /** What keeps this function itself sync (its chain calls aside). */
  problems: Problem[];
}

/**
 * `sync_to_async(helper)(...)` whose chain reaches another file: `helper` a function of another
 * module, or of this file calling one.
 */
export interface WrappedCross {
  /** The outer call. */
  call: SyntaxNode;
  /** `sync_to_async(helper)`. */
  wrap: SyntaxNode;
  /** The name a twin renames (`helper`, or `helper` in `services.helper`). */
  callee: SyntaxNode;
  /** `helper` as written. */
  helper: SyntaxNode;
  target: string;
  binding?: ImportBinding;
  /** See CrossCall.importFrom. */
  importFrom?: string;
  /**
   * orm-review-8 S13: `helper` is a def nested in the calling function and named only by the
   * wrapper, whose own calls reach other files: it is the wrapper's body, converted in place.
   */
  nested?: SyntaxNode;
  /** orm-review-8 S13: `helper` is `lambda: services.reserve(pk)`, and this its one call. */
  inner?: SyntaxNode;
}

/** A call between functions of a chain, as the survey sends it: plain data. */
export interface ChainLink {
  /** `module:name`, or `module:Class.name` for a method. */
  target: string;
  line: number;
  /**
   * Arguments that matter to an evaluated parameter (orm-review-5 W1), by position or keyword:
   * one that is or may be a queryset (why), or a parameter of the caller handed on.
   */
  passes?: {
    to: number | string;
    queryset?: string;
    param?: string;
    instance?: string;
    /** orm-human-6 G3b: the instance is a row loaded whole (created, or got with no only()/defer()). */
    whole?: true;
    /** Where a row not known to be loaded whole comes from, as the plan found. */
    partial?: string;
    /** orm-human-6 G3b: what a project function (key) returns, proven by its file (caller-plan.ts). */
    returned?: string;
    /** orm-human-6 G3b: a parameter of the calling def, proven by what its callers pass. */
    caller?: { key: string; param: string; position: number; none: boolean };
    /** Why such a value is not proven a model instance, as the plan found. */
    unproven?: string;
  }[];
}

/** orm-human-6 G3b, orm-human-7 K7: what every return of a project function gives, or why not known. */
export interface ReturnsAnswer {
  model?: string;
  /** The instance the class attribute `self.<name>` (a model class) constructs. */
  selfAttribute?: string;
  whole?: true;
  /** The relations loaded on every return (`select_related`), or "all". */
  selected?: string[] | "all";
  why?: string;
}

/** orm-human-6 G3b: what one call of a def passes for one of its parameters (caller-proofs.ts). */
export interface CallerPass {
  line: number;
  instance?: string;
  whole?: true;
  returned?: string;
  caller?: { key: string; param: string; position: number; none: boolean };
  /** The callee runs another function of that name. */
  other?: true;
  /** Why what it passes is not followed. */
  why?: string;
}

/** One plain function (or method) of a surveyed file, as the project's chain plan sees it. */
export interface FunctionFacts {
  key: string;
  name: string;
  /** Root-relative path of its file. */
  path: string;
  line: number;
  /** What keeps it sync, its calls aside: the first one, with its line. */
  blocker?: { code: Blocker; line: number; message: string; severity?: "info" };
  calls: ChainLink[];
  ormSites: number;
  /** Its positional parameters in order, the receiver aside. */
  parameters?: string[];
  /** The parameters it iterates, truth-tests or hands to an evaluating builtin, with the line. */
  evaluates?: { name: string; line: number }[];
  /**
   * orm-human-6 G3: the parameters whose only blocker is that nothing in the function proves them
   * a model instance (`log_instance.save(...)`), each with that blocker: lifted for a call that
   * passes a proven instance, kept for any other.
   */
  instanceParams?: {
    name: string;
    blocker: NonNullable<FunctionFacts["blocker"]>;
    /** orm-human-6 G3b: the attributes it reads of the parameter (plain columns, or kept). */
    reads?: string[];
  }[];
  /** Its twin's name is already used in its file, by something else than its twin. */
  twinTaken: boolean;
  /** Its twin is already there (see hasTwin): nothing to add. */
  twinExists?: true;
  /**
   * Its twin is an `async def` the project wrote, the same code with its calls awaited in their
   * `a`-forms (isAwaitedForm): the chain awaits it and does not look inside.
   */
  twinEquivalent?: true;
  /**
   * What the in-place predicate (mayConvertInPlace) asks; unknown (absent) keeps the function's
   * sync form beside a twin. How many times its name is spelled in its file, its definition aside.
   */
  references?: number;
  /** Defined inside another function: named nowhere else. */
  nested?: boolean;
  /** Another file calls it, a test patches it, or code names it other than by a call (as the index shows). */
  calledElsewhere?: boolean;
  /** A chain converted in another file awaits its twin (the project's plan says). */
  twinnedForProject?: boolean;
  /** It names a parameter not annotated as a plain value (pure-helpers.ts hasOpenParameters). */
  openParameters?: true;
}

/** A wrapper whose chain reaches another file, as the survey sends it. */
export interface WrapperFacts {
  /** `module:name` of a decorated def; `module#n` for the file's n-th `sync_to_async(helper)(...)`. */
  key: string;
  name: string;
  path: string;
  line: number;
  calls: ChainLink[];
  /** Its own body holds ORM work. */
  orm: boolean;
  /** It only forwards its parameters to this function (key), and is named as its twin. */
  forwardsTo?: string;
  /** The def a call-form wrapper stands in (`acreate_user` for its `sync_to_async(self.create_user)`). */
  within?: string;
}

/** What one file gives the survey. */
export interface ChainFacts {
  functions: FunctionFacts[];
  wrappers: WrapperFacts[];
  /**
   * Asked of a package's `__init__.py`: each name it re-exports, to the key it imports it from
   * (possibly another re-export); "" when the package binds it otherwise (not followed).
   */
  reexports?: Record<string, string>;
  /**
   * orm-review-4 P3: the calls to functions of other files made by wrappers kept for their own
   * blockers: surveyed only to know whether each is pure (see ProjectChainPlan.inMemory).
   */
  probes?: ChainLink[];
  /** orm-human-6 G3b: asked `?returns <key>`: the model its returns are instances of, or why not. */
  returns?: Record<string, ReturnsAnswer>;
  /** orm-human-7 K7: the project functions whose values this file binds to names (first round). */
  wantsReturns?: string[];
  /** orm-human-6 G3b: asked `?callers ...`: what each call of the file passes (caller-proofs.ts). */
  callers?: { question: string; path: string; passes: CallerPass[] }[];
}

/** What the project's plan decides for one wrapper whose chain reaches another file. */
export type WrapperDecision =
  | { convert: true }
  | {
      blocker: { code: Blocker; message: string; severity?: "info" };
      /** The wrapper's own call leading to the blocker (its index in the wrapper's calls). */
      via: number;
      /** The function whose name the blocker is reported at (a twin's name taken), if not the call. */
      at?: string;
    }
  | { noOrm: true };

/** The project's plan for chains across files (native-orm's survey). */
export interface ProjectChainPlan {
  wrappers: Record<string, WrapperDecision>;
  /** Every function reached by a converting wrapper, to its async twin's name. */
  twins: Record<string, string>;
  /** The functions of `twins` whose twin is already there. */
  existing: string[];
  /** Functions the chains call that do no ORM or I/O work: called as they are (see isPure). */
  pure?: string[];
  /**
   * A name a package re-exports (`shop.services:reserve`) to the function it stands for
   * (`shop.services.stock.reservations:reserve_stock`), for each re-export a chain went through.
   */
  reexports?: Record<string, string>;
  /**
   * Surveyed functions that compute in memory: no blocker, no ORM work, and every function they
   * call one too, and no parameter left open (pure-helpers.ts): a call to one stays off the
   * database. Stricter than `pure` and used only to word what a kept wrapper reports.
   */
  inMemory?: string[];
  /**
   * orm-human-6 G3: a twinned function's parameters every converting call passes a proven
   * instance for, to that model (`shop.managers:LogManager.mark_failed` -> `log_instance` ->
   * `Log`): its twin proves them so.
   */
  instances?: Record<string, Record<string, string>>;
  /** orm-human-7 K7: what the project functions files asked of return (proven ones only). */
  returns?: Record<string, ReturnsAnswer>;
}

/**
 * A wrapper whose own body converts, with the chain calls it makes: a decorated def (`def` is the
 * def), or `sync_to_async(helper)(...)` (`def` is that call, `unwrap` its `sync_to_async(helper)`,
 * and its one chain call is the call itself).
 */
export interface ChainedWrapper {
  def: SyntaxNode;
  name: string;
  calls: ChainCall[];
  unwrap?: SyntaxNode;
}

/** The file's plan for wrappers that convert through calls (see chain-plan.ts). */
export interface ChainPlan {
  /** Wrappers kept, with the blocker down their chain. */
  blocked: Map<number, Problem>;
  /** Wrappers converting, in source order. */
  converting: SyntaxNode[];
  /** Reached function -> its twin's name; absent for one converted in place. */
  twins: Map<number, string>;
  /** Reached functions converted in place or twinned. */
  reached: ChainFunction[];
  /** Per converted function (wrapper or reached): the edits of its chain calls. */
  callEdits: Map<number, Edit[]>;
  /** The reached functions' own edits (in place or twin insertions) and their conversions. */
  helperEdits: Edit[];
  helperConversions: Conversion[];
  /** A forwarding wrapper (`aget_user` -> `get_user`) -> the edit making it the function's twin. */
  replaced: Map<number, Edit>;
  /** Functions the chains call that do no ORM or I/O work (def ids): called as they are. */
  pure: ReadonlySet<number>;
}

/** A decorated wrapper, analysed: what converting it edits and what blocks it (see decorated.ts). */
export interface DecoratedAnalysis {
  def: SyntaxNode;
  decorator: SyntaxNode;
  /** The wrapper's name in the decorator (`sync_to_async`). */
  callee: SyntaxNode;
  findings: Findings;
  /** The wrapper's own edits: `async`, its awaited conversions, the decorator line removed. */
  edits: Edit[];
  /** The decorated definition without the decorator, converted. */
  suggestion: string;
  problems: Problem[];
  /** Calls to plain defs of this file (each also an AS205 problem, the chain aside). */
  chainCalls: ChainCall[];
  /** Calls to plain functions of other files (each also an AS205 problem). */
  crossCalls: CrossCall[];
}

/**
 * One file under conversion, as every stage sees it: made once per file (see state.ts), its
 * findings and sites recorded in `out`, the only part that changes.
 */
export interface OrmFile {
  readonly ctx: Context;
  readonly file: FileSemantics;
  /**
   * The file's absolute path: the survey names a file by its project-relative path, the rewrite
   * pass by its path from the working folder, so `resolve(file.path)` is right in one only.
   */
  readonly absolutePath: string;
  readonly root: SyntaxNode;
  readonly source: string;
  readonly proofs: OrmProofs;
  /** The Django version the rewrites must run on. */
  readonly target: string;
  /**
   * Its findings under native-orm's codes, and what `asyncshift report` counts (convertible means
   * rewritten by a safe fix).
   */
  readonly out: FindingsReporter<Code>;
  /** Local names that stand for a wrapper (`sync_to_async as s2a` binds `s2a`, `db_async = ...`). */
  readonly wrapperNames: ReadonlySet<string>;
  /** Module-level aliases of a wrapper (`db_async = partial(sync_to_async, ...)`): their values. */
  readonly wrapperAliases: ReadonlyMap<string, SyntaxNode>;
}

/** Stage 1, the sites: where the file may need a rewrite (see sites.ts). */
export interface OrmSites {
  /** Every wrapper reference of the file, in source order. */
  readonly refs: readonly SyntaxNode[];
  /** The defs decorated by a wrapper, in source order. */
  readonly decoratedDefs: readonly SyntaxNode[];
  /** The async defs whose bodies may hold sync ORM calls (site f), in source order. */
  readonly asyncDefs: readonly SyntaxNode[];
}

/** An async def's body, scanned for sync ORM calls (site f). */
export interface AsyncBody {
  def: SyntaxNode;
  findings: Findings;
}

/**
 * Stage 2, the scan: the file with its sites and every per-file fact the chain planner and the
 * reporters ask, built in one step and never changed afterwards (see file-facts.ts).
 */
export interface ScannedFile extends OrmFile {
  readonly sites: OrmSites;
  /** Each decorated def's analysis; undefined for one that is no ORM site (a thread wrapper). */
  readonly decorated: ReadonlyMap<number, DecoratedAnalysis | undefined>;
  /** The functions chains of calls reach from the file's sites, each scanned once (see chains.ts). */
  readonly chainFunctions: ReadonlyMap<number, ChainFunction>;
  /** `sync_to_async(helper)(...)` of a plain def of this file whose chain stays in the file. */
  readonly wrappedChains: readonly ChainedWrapper[];
  /** The file's `sync_to_async(helper)(...)` whose chain reaches other files, in source order. */
  readonly wrappedCross: readonly WrappedCross[];
  /** Site f: each async def's body, scanned. */
  readonly asyncBodies: readonly AsyncBody[];
}
