import { walkNamed, type WalkStep } from "../../src/syntax/tree.js";
import { isExpressionBuilder } from "./nested-defs.js";
import type { Edit, SyntaxNode } from "../../src/model/types.js";
import { ormCall } from "./conversions.js";
import { lazyQueryProblem } from "./lazy-objects.js";
import { attributeReadProblem } from "./attribute-reads.js";
import { attributeRead, readByName, relationReadProblem } from "./lazy-relations.js";
import type { AttributeRead } from "./lazy-relations.js";
import { keyedReadProblem } from "./keyed-reads.js";
import { isProjectFunction, noAsyncApiProblem } from "./no-async-api.js";
import { unknownIterationProblem } from "./unknown-evaluations.js";
import { looksLikeQueryset } from "./proofs.js";
import {
  conditionProblems,
  containmentProblem,
  evaluatingBuiltinProblem,
  iteratingMethodProblem,
  generatorProblems,
  subscriptProblem,
} from "./queryset-evaluation.js";
import {
  atomicWithProblem,
  isAtomicName,
  lockProblem,
  transactionCallProblem,
} from "./transactions.js";
import type { Findings, OrmFile, Problem, ScanMode } from "./types.js";
import { isWrapperCall } from "./wrappers.js";
import { materializedArguments } from "./materialized-arguments.js";
import { handedQuerysetProblem } from "./handed-querysets.js";

// The scan: ORM work and blockers in a function body or lambda body, in one walk.

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

/** One walk's state: what it found so far, and the `with transaction.atomic()` it is inside. */
interface Walk {
  f: OrmFile;
  mode: ScanMode;
  findings: Findings;
  inAtomic: SyntaxNode[];
}

/**
 * Walks `region` (nested functions, lambdas and classes excluded in "async" mode, blockers in
 * "wrapper" mode). "wrapper": every call must be ORM work with a native form or known
 * to stay off the database. "async": only ORM work is looked at, and evaluations with no async
 * form are reported.
 */
export function scan(f: OrmFile, region: SyntaxNode, mode: ScanMode): Findings {
  const walk: Walk = {
    f,
    mode,
    findings: { conversions: [], problems: [], ormSites: 0 },
    inAtomic: [],
  };
  const step = visit(walk, region);
  if (step !== false) {
    walkNamed(region, (node) => (SCANNED_TYPES.has(node.type) ? visit(walk, node) : true));
    if (typeof step === "function") step();
  }
  const { findings } = walk;
  // An evaluated queryset is ORM work with no async form: a wrapper doing it is no plain thread
  // wrapper, and says why it stays (AS204).
  findings.ormSites += findings.problems.filter((p) => p.code === "AS204").length;
  findings.problems.sort((a, b) => a.node.startIndex - b.node.startIndex);
  findings.conversions.sort((a, b) => a.node.startIndex - b.node.startIndex);
  return findings;
}

function add(walk: Walk, problem: Problem | undefined): void {
  if (problem) walk.findings.problems.push(problem);
}

function visit(walk: Walk, node: SyntaxNode): WalkStep {
  const { f, mode } = walk;
  switch (node.type) {
    case "function_definition":
    case "class_definition":
    case "lambda":
    case "decorated_definition":
      if (
        mode === "wrapper" &&
        node.descendantsOfType("call").length > 0 &&
        !isExpressionBuilder(f, node)
      )
        add(walk, {
          code: "AS208",
          node,
          message: "a nested function or lambda with calls cannot be converted",
        });
      return false;
    case "with_statement": {
      const atomic = atomicWithProblem(f.file, node, mode);
      if (!atomic) return true;
      add(walk, atomic);
      walk.inAtomic.push(node);
      return () => walk.inAtomic.pop();
    }
    case "for_statement":
    case "for_in_clause":
      loop(walk, node);
      return true;
    case "call": {
      if (mode === "async" && isWrapperCall(f, node)) return false;
      const byName = readByName(f, node);
      if (byName) add(walk, readProblem(f, byName, mode));
      call(walk, node);
      return true;
    }
    case "if_statement":
    case "elif_clause":
    case "while_statement":
    case "boolean_operator":
    case "not_operator":
    case "conditional_expression":
      condition(walk, node);
      return true;
    case "subscript":
      add(
        walk,
        subscriptProblem(f, node) ?? (mode === "wrapper" ? keyedReadProblem(f, node) : undefined),
      );
      return true;
    case "comparison_operator":
      add(
        walk,
        containmentProblem(f, node) ?? (mode === "wrapper" ? keyedReadProblem(f, node) : undefined),
      );
      return true;
    case "generator_expression":
      walk.findings.problems.push(...generatorProblems(f, node, mode));
      // In a wrapper every call must stay off the database, those of a generator too (ORM work
      // there is already a blocker, so what the walk finds inside is never rewritten).
      return mode === "wrapper";
    case "attribute": {
      const read = readProblem(f, attributeRead(node), mode);
      // The read is the blocker of a call made on it (`shop.content.count()`): said once.
      if (read?.code === "AS205")
        walk.findings.problems = walk.findings.problems.filter(
          (p) =>
            !(
              p.code === "AS205" &&
              p.node.type === "call" &&
              p.node.startIndex === node.startIndex
            ),
        );
      add(walk, read);
      return true;
    }
  }
  return true;
}

/** What reading an attribute may do: load a relation lazily (AS202), or in a wrapper query (AS205). */
function readProblem(f: OrmFile, read: AttributeRead, mode: ScanMode): Problem | undefined {
  return (
    relationReadProblem(f, read) ?? (mode === "wrapper" ? attributeReadProblem(f, read) : undefined)
  );
}

/** A truth test: of a queryset (AS204's), or in a wrapper of a value that may be one (W2). */
function condition(walk: Walk, node: SyntaxNode): void {
  const { f, mode } = walk;
  const problems = conditionProblems(f, node);
  walk.findings.problems.push(...problems);
  const tested = node.childForFieldName("condition");
  if (mode === "wrapper" && problems.length === 0 && tested)
    add(
      walk,
      unknownIterationProblem(f, node, tested, (c) => isProjectFunction(f, c)),
    );
}

/** `for x in <qs>` and comprehension clauses: `async for`, `qs.iterator()` -> `qs.aiterator()`. */
function loop(walk: Walk, node: SyntaxNode): void {
  const { f, mode, findings } = walk;
  if (node.children.some((c) => c.type === "async")) return;
  const right = node.childForFieldName("right");
  if (!right) return;
  const iteratorName = iteratorMethodOf(right);
  const source = iteratorName
    ? right.childForFieldName("function")!.childForFieldName("object")!
    : right;
  const qs = f.proofs.querysetOf(source);
  const likely = !qs && looksLikeQueryset(source);
  if (!qs && !likely) {
    if (mode === "wrapper")
      add(
        walk,
        unknownIterationProblem(f, node, source, (c) => isProjectFunction(f, c)),
      );
    return;
  }
  if (node.type === "for_in_clause" && node.parent?.type === "generator_expression") return;
  findings.ormSites++;
  if (walk.inAtomic.length > 0 && mode === "async") return;
  if (qs?.locksRows) {
    findings.problems.push(lockProblem(node, qs));
    return;
  }
  // The keyword goes before `for`; `qs.iterator()` becomes `qs.aiterator()`.
  const forKeyword = node.children.find((c) => c.type === "for")!;
  const edits: Edit[] = [
    { start: forKeyword.startIndex, end: forKeyword.startIndex, text: "async " },
  ];
  if (iteratorName)
    edits.push({ start: iteratorName.startIndex, end: iteratorName.endIndex, text: "aiterator" });
  const conversion = { node, edits, proven: !!qs, since: "4.1", awaited: false };
  const lazy = lazyQueryProblem(f, conversion, mode);
  if (lazy) findings.problems.push(lazy);
  else findings.conversions.push(conversion);
}

/** The `iterator` name in `<qs>.iterator(...)`, whose async form is iterated, not awaited. */
function iteratorMethodOf(expr: SyntaxNode): SyntaxNode | undefined {
  const callee = expr.type === "call" ? expr.childForFieldName("function") : undefined;
  const name = callee?.type === "attribute" ? callee.childForFieldName("attribute") : undefined;
  return name?.text === "iterator" ? name : undefined;
}

/** One call: ORM work to convert, a blocker, or (in a wrapper) a call that must stay off the DB. */
function call(walk: Walk, node: SyntaxNode): void {
  const { f, mode, findings } = walk;
  const callee = node.childForFieldName("function");
  if (!callee) return;
  // In async code only transaction.atomic and on_commit are looked up by name: resolving every
  // callee through the imports costs more than the rest of the scan.
  const last =
    callee.type === "attribute" ? callee.childForFieldName("attribute")?.text : callee.text;
  const qualified =
    (callee.type === "identifier" || callee.type === "attribute") &&
    (mode === "wrapper" || last === "atomic" || last === "on_commit")
      ? f.file.qualifiedName(callee)
      : undefined;
  // `with transaction.atomic():` is reported at the with statement.
  if (isAtomicName(qualified)) return;
  const transaction = qualified ? transactionCallProblem(node, qualified) : undefined;
  if (transaction) return add(walk, transaction);
  // Builtins that evaluate a queryset: len(qs), bool(qs), repr(qs), sorted(qs), ...
  if (callee.type === "identifier" && f.file.isBuiltin(callee.text, callee)) {
    const evaluation = evaluatingBuiltinProblem(f, node, callee);
    if (evaluation) return add(walk, evaluation);
  }
  const iterated = iteratingMethodProblem(f, node);
  if (iterated) return add(walk, iterated);
  // orm-human-7 K10: a queryset of values handed to a project function that only iterates it.
  const materialized = materializedArguments(f, node);
  findings.ormSites += materialized.length;
  findings.conversions.push(...materialized);
  if (mode === "wrapper" && materialized.length === 0) {
    const handed = handedQuerysetProblem(f, node);
    if (handed) return add(walk, handed);
  }
  const orm = ormCall(f, node, mode);
  if (orm) findings.ormSites++;
  if (orm && "code" in orm) return add(walk, orm);
  if (orm) {
    if (walk.inAtomic.length > 0 && mode === "async") return; // reported once at the `with`
    const lazy = lazyQueryProblem(f, orm, mode);
    if (lazy) return add(walk, lazy);
    // orm-human-7 K8: `await Model.objects.get_or_create(...)` awaits what the sync call returns
    // (after running its query on the loop): the native name alone is what the author meant.
    let up = node.parent;
    while (up?.type === "parenthesized_expression") up = up.parent;
    const awaitedAlready = orm.awaited && up?.type === "await";
    findings.conversions.push(awaitedAlready ? { ...orm, awaited: false } : orm);
    return;
  }
  if (mode === "async") return;
  // Wrapper mode: anything else must be known to stay off the database. A chain of calls
  // (`a.b().c()`) starts at one column: the outermost call there says it once.
  const offDatabase = noAsyncApiProblem(f, node, callee, qualified);
  const sameColumn = (p: Problem) => p.code === "AS205" && p.node.startIndex === node.startIndex;
  if (offDatabase && !findings.problems.some(sameColumn)) add(walk, offDatabase);
}
