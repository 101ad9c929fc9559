import type { SyntaxNode } from "../model/types.js";
import { basesOutsideOrm, importedModules } from "../django/class-bases.js";
import { classesIn, IDENTIFIER, type ClassFacts } from "../django/orm.js";
import { lastSegment } from "../python/lookup.js";
import { matchesAtLineStarts } from "../python/line-keywords.js";
import { withNativeTree } from "../syntax/parse.js";
import { inCode, matchesAtTopLevel } from "../syntax/top-level.js";

/*
 * The classes with bases a file declares, for the pre-pass (project-facts.ts): their heads read
 * from the text, their bodies (managers, relations, fields, methods) from a parse only where a
 * body may declare such facts.
 */

/**
 * What `classesIn` reads in a class body: a call of a relation field, of a manager (`...Manager(`,
 * `.as_manager(`) or of any `models.<X>Field(` (a model whatever its bases), assigned to a name.
 * A file with no such call declares no such facts, and its class heads alone say which classes
 * extend which ("context manager" in prose or docstrings, or a head such as
 * `class ConnectionManager(`, no longer costs a parse).
 */
const CLASS_BODY_FACTS =
  /(?<!\bclass\s+\w*)(?:ForeignKey|OneToOneField|ManyToManyField|Manager|as_manager|models\s*\.\s*\w*Field)\s*\(/;
/** CLASS_BODY_FACTS's calls alone, and its look behind, asked at each call found. */
const BODY_FACT_CALL =
  /(?:ForeignKey|OneToOneField|ManyToManyField|Manager|as_manager|models\s*\.\s*\w*Field)\s*\(/g;
const AFTER_CLASS_NAME = /(?<=\bclass\s+\w*)/y;

/**
 * `CLASS_BODY_FACTS.test(source)`: a look behind opening a pattern is tried at every character of
 * the text, which cost more than the search (wagtail: 26 ms a pass, 16 ms this way).
 */
function holdsBodyFactCall(source: string): boolean {
  BODY_FACT_CALL.lastIndex = 0;
  for (let call = BODY_FACT_CALL.exec(source); call; call = BODY_FACT_CALL.exec(source)) {
    AFTER_CLASS_NAME.lastIndex = call.index;
    if (!AFTER_CLASS_NAME.test(source)) return true;
    // A call read as a class's name may hide one starting inside it (`class models.ForeignKey(`).
    BODY_FACT_CALL.lastIndex = call.index + 1;
  }
  return false;
}

/** `MANAGER_CLASS_HEAD.test(source)`, tried only where the word is in the text at all. */
function holdsManagerClassHead(source: string): boolean {
  return source.includes("Manager") && MANAGER_CLASS_HEAD.test(source);
}

// A manager class's methods (`def create`) are body facts too: a model's manager may override one.
// `models.Manager["RunEnvelope"]` too (orm-review-6 R4: a manager typed with its model).
const MANAGER_CLASS_HEAD = /\bclass\s+\w+\s*\([^)]*Manager\s*(\[[^\]]*\]\s*)?[,)]/;
// Field and manager declarations in a model body come with Django's names or a model base class in
// the text; "Manager" alone is everywhere (multiprocessing, logging).
const MODEL_CONTEXT = /django|models|Model\b/;
// The base list may hold comments, and a comment may hold a parenthesis. A comment is taken whole
// (to the end of its line), so the pattern never tries the ways of splitting one.
const CLASS_HEAD = new RegExp(
  `^[ \\t]*class[ \\t]+(${IDENTIFIER})[ \\t]*\\(((?:[^)#]|#[^\\n]*(?![^\\n]))*)\\)`,
  "gmu",
);
const DOTTED_NAME = new RegExp(`^${IDENTIFIER}(?:\\s*\\.\\s*${IDENTIFIER})*$`, "u");

/**
 * Classes with bases, read from the class heads without a parse: the same bases `classesIn` keeps
 * (plain and dotted names, last segment; no calls, subscripts or keywords), with empty body facts.
 */
function classHeadsIn(source: string, codeOnly = false): Record<string, ClassFacts> | undefined {
  const classes: Record<string, ClassFacts> = {};
  let imports: Map<string, string> | undefined;
  let heads = matchesAtLineStarts(source, "class", CLASS_HEAD);
  if (codeOnly) {
    const code = inCode(
      source,
      heads.map((head) => head.index),
    );
    if (!code) return undefined;
    heads = heads.filter((_, i) => code[i]);
  }
  for (const [, name, list] of heads) {
    const written = list
      .replace(/#[^\n]*/g, "")
      .split(",")
      .map((base) => base.trim())
      .filter((base) => DOTTED_NAME.test(base));
    const bases = written.map((base) => lastSegment(base).trim());
    if (bases.length === 0) continue;
    const outside = basesOutsideOrm(written, (imports ??= importedModules(source)));
    classes[name] = {
      bases,
      facts: { managers: [], relations: [], manyToMany: [] },
      ...(outside.length ? { outsideOrm: outside } : {}),
    };
  }
  return classes;
}

/**
 * Classes with the facts their bodies declare. A body fact is an assignment in a class body, whose
 * call starts outside every bracket, string and comment: where every call that could be one sits
 * inside brackets (a migration's `models.CharField(` in its operations list), strings or comments,
 * the class heads in the code say what the parse would, and nothing is parsed.
 */
const INDENTED_DEF = /^[ \t]+(?:async[ \t]+)?def[ \t]/m;

function classesReadingBodies(source: string): Record<string, ClassFacts> {
  // A method is a body fact too (a QuerySet's chain methods, a model's in-memory methods).
  if (
    holdsManagerClassHead(source) ||
    INDENTED_DEF.test(source) ||
    matchesAtTopLevel(source, CLASS_BODY_FACTS)
  )
    return classesOfBodies(source);
  return classHeadsIn(source, true) ?? classesOfBodies(source);
}

/**
 * Classes with the facts their bodies declare, read from the binding's own tree: `classesIn` asks
 * a few nodes per class (its descendant search runs in C), which costs far less than copying every
 * node of the file into JavaScript (`parsePython`), as the transforms' many steps need.
 */
function classesOfBodies(source: string): Record<string, ClassFacts> {
  // The binding's nodes answer the part of the SyntaxNode interface classesIn reads, alike.
  return withNativeTree(source, (native) =>
    classesIn(native.rootNode as unknown as SyntaxNode, source),
  );
}

/**
 * The file's classes with bases. Their bodies are read (a parse) where one may declare facts and
 * the file names Django or a model, or `readAllBodies`; else the heads alone, `bodiesUnread` when
 * a body may declare some.
 */
export function classesOfFile(
  source: string,
  readAllBodies: boolean,
): { classes: Record<string, ClassFacts>; bodiesUnread: boolean } {
  const bodyFacts = holdsBodyFactCall(source) || holdsManagerClassHead(source);
  const read = bodyFacts && (readAllBodies || MODEL_CONTEXT.test(source));
  return {
    classes: read ? classesReadingBodies(source) : classHeadsIn(source)!,
    bodiesUnread: bodyFacts && !read,
  };
}
