import { dirname, resolve } from "node:path";
import { DEFAULT_DJANGO_VERSION, OrmProofs } from "../../src/django/orm.js";
import { FindingsReporter } from "../../src/model/findings.js";
import type {
  Context,
  Edit,
  FileSemantics,
  Fix,
  ProjectFacts,
  ReplacedName,
  SyntaxNode,
} from "../../src/model/types.js";
import { BLOCKER_NAMES, CODES, type Blocker, type Code } from "./codes.js";
import type { Conversion, OrmFile, Problem, SiteKind } from "./types.js";
import { aliasesIn } from "./wrapper-aliases.js";
import { wrapperKind } from "./wrappers.js";
import { useThreadWrappers } from "../../src/django/thread-wrappers.js";
import {
  parameterInstance,
  parameterMaterialized,
  parameterModelClass,
  parameterQueryset,
  plannedInstance,
} from "./caller-arguments.js";
import { useCallerQuerysets } from "../../src/django/caller-querysets.js";
import { projectRecords } from "./plain-construction.js";
import { useProjectRecords } from "../../src/python/record-classes.js";
import {
  useForeignConstants,
  useForeignReturns,
  useParameterKinds,
} from "../../src/python/foreign-returns.js";
import { moduleConstantValues } from "../../src/project/plain-constants.js";
import { classReturnedElsewhere } from "../../src/django/annotated-returns.js";
import { userModelOfFile } from "../../src/django/user-model.js";
import { loadedRequestUser } from "./lazy-objects.js";
import { plannedReturn } from "./project-returns.js";

// One file's state under conversion: made once per file, its findings and sites recorded here.

export function newOrmFile(
  file: FileSemantics,
  ctx: Context,
  pathFrom: "cwd" | "root" = "cwd",
): OrmFile {
  const wrapperAliases = file.source.includes("sync_to_async")
    ? aliasesIn(file.root, file.source)
    : new Map<string, SyntaxNode>();
  const f: OrmFile = {
    wrapperNames: new Set([...wrapperNamesOf(file), ...wrapperAliases.keys()]),
    wrapperAliases,
    ctx,
    file,
    absolutePath:
      pathFrom === "root" && ctx.project.root
        ? resolve(ctx.project.root, file.path)
        : resolve(file.path),
    root: file.root,
    source: file.source,
    proofs: new OrmProofs(ctx.project),
    target: ctx.options.djangoVersion ?? ctx.project.djangoVersion ?? DEFAULT_DJANGO_VERSION,
    out: new FindingsReporter(CODES),
  };
  // orm-human-6 G1, orm-review-6 R1: the proofs see through the wrappers the sites are found by.
  useThreadWrappers(file.root, (expr) => wrapperKind(f, expr) !== undefined);
  // orm-human-6 G11: `get_user_model()` as this file's Django project's settings say.
  f.proofs.userModel = userModelOfFile(ctx.project, f.absolutePath);
  f.proofs.loadedRequestUser = (expr) => loadedRequestUser(f, expr);
  // Issue 23 item 2: a parameter every caller of this file hands one model's instance.
  f.proofs.parameterFromCallers = (parameter) =>
    parameterInstance(f, parameter) ?? plannedInstance(f, parameter);
  f.proofs.modelClassFromCallers = (parameter) => parameterModelClass(f, parameter);
  useParameterKinds(file.root, (parameter) => parameterMaterialized(f, parameter));
  useCallerQuerysets(file.root, (use) => parameterQueryset(f, use));
  // orm-human-7 K7: what a project function of another module returns, as the survey proved it.
  f.proofs.returnedByProject = (callee, call) => plannedReturn(f, callee, call);
  // orm-review-4 P20: annotations naming the project's pydantic models of other modules.
  useProjectRecords(file.root, projectRecords(f));
  // orm-review-6 R12: `from utils.consts import STATUS`, a literal of another project module.
  const root = ctx.project.root;
  if (root) {
    // Asked for each read of an imported name; where the module is found depends only on the
    // importing file's folder, and no file changes before the run's write phase.
    const constants = foreignConstantsOf(ctx.project);
    const folder = dirname(f.absolutePath);
    useForeignConstants(file.root, (_, qualified) => {
      const key = `${folder}\0${qualified}`;
      if (!constants.has(key))
        constants.set(key, moduleConstantValues(root, f.absolutePath, qualified));
      return constants.get(key);
    });
  }
  // orm-review-5 Q20: `now_ist()` of another module annotated `-> datetime` is a plain value.
  useForeignReturns(file.root, (callee, awaited) => {
    const qualified = file.qualifiedName(callee);
    return qualified ? classReturnedElsewhere(ctx.project, qualified, awaited) : undefined;
  });
  return f;
}

/** By importing folder and qualified name, the values moduleConstantValues found: once per run. */
const foreignConstants = new WeakMap<ProjectFacts, Map<string, SyntaxNode[] | undefined>>();

function foreignConstantsOf(project: ProjectFacts): Map<string, SyntaxNode[] | undefined> {
  let constants = foreignConstants.get(project);
  if (!constants) foreignConstants.set(project, (constants = new Map()));
  return constants;
}

export function recordSite(f: OrmFile, kind: SiteKind, node: SyntaxNode, blocker?: Blocker): void {
  f.out.sites.push({
    kind,
    context: blocker ? "blocked" : "convertible",
    ...(blocker ? { detail: `${blocker} ${BLOCKER_NAMES[blocker]}` } : {}),
    start: node.startIndex,
  });
}

/** A finding at `node`; with a fix, the engine applies it or reports it by its applicability. */
export function report(
  f: OrmFile,
  node: SyntaxNode,
  code: Code,
  message: string,
  suggestion?: string,
  fix?: Fix,
  severity?: Problem["severity"],
): void {
  f.out.report(node, code, message, suggestion, fix, severity);
}

export function reportProblem(f: OrmFile, p: Problem): void {
  report(f, p.node, p.code, p.message, p.suggestion, undefined, p.severity);
}

/**
 * The fix of a rewrite: its edits, the imports its conversions need, and the references it
 * removes (the wrapper name, a replaced function name) whose imports may go.
 */
export function fixOf(
  applicability: Fix["applicability"],
  edits: Edit[],
  conversions: readonly Conversion[],
  dropped: SyntaxNode[] = [],
): Fix {
  const imports = conversions.flatMap((c) => (c.needs ? [c.needs] : []));
  const replaced = conversions.flatMap((c) => (c.replaced ? [c.replaced] : []));
  const gone = [...dropped, ...replaced];
  const replacedNames = conversions.flatMap((c) => replacedMethod(c.node) ?? []);
  return {
    applicability,
    edits,
    ...(imports.length > 0 ? { imports } : {}),
    ...(gone.length > 0 ? { dropped: gone } : {}),
    ...(replacedNames.length > 0 ? { replaces: replacedNames } : {}),
  };
}

/**
 * `Order.objects.count` -> `Order.objects.acount`: the method a converted call stops calling, when
 * its receiver is a plain chain of names a test could patch (`patch.object(Order.objects, "count")`).
 */
function replacedMethod(node: SyntaxNode): ReplacedName | undefined {
  let callee = node.type === "call" ? node.childForFieldName("function") : null;
  // `sync_to_async(Order.objects.count)()`: the method is the wrapper's argument.
  if (callee?.type === "call")
    callee = callee.childForFieldName("arguments")?.namedChildren[0] ?? null;
  if (callee?.type !== "attribute") return undefined;
  const local = callee.text.replace(/\s+/g, "");
  if (!/^[\w.]+$/.test(local) || !local.includes(".")) return undefined;
  const dot = local.lastIndexOf(".");
  const method = local.slice(dot + 1);
  return { qualified: method, local, by: `${local.slice(0, dot)}.a${method}`, awaited: true };
}

/**
 * Local names that may stand for a wrapper (`sync_to_async as s2a` binds `s2a`): every alias of
 * the file's imports, read only when the wrapper's name is spelled in the text.
 */
function wrapperNamesOf(file: FileSemantics): ReadonlySet<string> {
  if (!file.source.includes("sync_to_async")) return new Set();
  return new Set(
    file.root
      .descendantsOfType(["import_from_statement", "import_statement"])
      .flatMap((s) => s.descendantsOfType("aliased_import"))
      .map((a) => a.childForFieldName("alias")?.text ?? ""),
  );
}

export function lineOf(node: SyntaxNode): number {
  return node.startPosition.row + 1;
}

export function recordBlocked(f: OrmFile, site: SyntaxNode, blocker: Problem) {
  // The part before ": " is what the report tallies; the rest names the path.
  const path = blocker.message.split(/ -> line \d+: |: /)[0];
  f.out.sites.push({
    kind: "sync_to_async",
    context: "blocked",
    detail: `${blocker.code} ${BLOCKER_NAMES[blocker.code]} (chain): ${path}, line ${lineOf(blocker.node)}`,
    start: site.startIndex,
  });
}

/**
 * How many times each name is spelled as an identifier in the file, counted on the first question
 * and kept by the asker (a planner, a survey's facts): walking every identifier costs more than
 * the rest of a file's work, so only a chain's twin and reference checks pay for it.
 */
export function identifierCounts(f: OrmFile): () => ReadonlyMap<string, number> {
  let counts: Map<string, number> | undefined;
  return () => {
    if (counts) return counts;
    counts = new Map();
    for (const id of f.root.descendantsOfType("identifier"))
      counts.set(id.text, (counts.get(id.text) ?? 0) + 1);
    return counts;
  };
}
